/**
 * Who may read and change what on the team store, enforced by PostgreSQL grants so a person connecting
 * with psql under their own login sees no more than the app lets them. Group roles; each person's login
 * is a member of one. Column lists where a table mixes what a group may and may not see.
 */
export const GROUP_ROLES = ['forlopsbenk_coordinator', 'forlopsbenk_admin_staff', 'forlopsbenk_unit_leader'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

export interface TableGrant {
  table: string;
  /** Column-level SELECT when set; else the whole row. */
  columns?: readonly string[];
  write?: boolean;
}

/** Read by every group: reference data, settings and the schema version the app checks at start. */
/** Each person's own settings (lock PIN, lock state, idle time): row-level security keeps them to their own rows. */
const PERSONAL: TableGrant = { table: 'person_setting', write: true };
/** Each person's own name and direct phone: everyone reads every row (names beside logins); row-level security lets a login write only its own. */
const PERSON_PROFILE: TableGrant = { table: 'person_profile', write: true };

const REFERENCE = [
  'kysely_migration',
  'municipality',
  'rule_pathway',
  'rule_event',
  'rule_outcome',
  'rule_version',
  'rule_time',
  'rule_pack_import',
  'breach_reason',
  'help_need',
  'end_reason',
  'app_setting',
  'profile',
];

/** Everything about a patient that is not plan content or meeting minutes: the worklist, appointments, no-shows, letters, contacts. */
const WORKLIST_AND_FOLLOW_UP = [
  'patient',
  'patient_search_word',
  'open_search_word',
  'open_due_count',
  'open_search_hit',
  'pathway',
  'pathway_event',
  'pathway_breach',
  'record_registration',
  'appointment',
  'appointment_status_change',
  'no_show_case',
  'contact_attempt',
  'letter',
  'letter_template',
  'contact',
  'contact_word',
  'meeting',
  'meeting_participant',
  'meeting_agenda_item',
  'referrer',
  'guardian',
  'patient_contact',
  'pathway_care',
  'care_deadline_breach',
  'care_deadline_postponement',
  'breach_letter',
  'evaluation_proposal',
];
const PLAN_AND_MINUTES = [
  'individual_plan',
  'plan_participant',
  'plan_goal',
  'plan_resource',
  'plan_need',
  'plan_measure',
  'plan_progress_note',
  'plan_revision_date',
  'plan_version',
  'meeting_minutes',
  'meeting_action_item',
];

/** The chain link only: enough to append an entry, not to read who did what. */
const AUDIT_TAIL: TableGrant = { table: 'audit_log', columns: ['id', 'hash'] };
const AUDIT_FULL: TableGrant = { table: 'audit_log' };
/** The audit history of a local store moved in (team:move, as the owner): read with the log, written by nobody. */
const AUDIT_IMPORTED: TableGrant = { table: 'audit_log_imported' };

/** Pathway dates and states for the indicators, without notes or anything naming the patient. */
const INDICATOR_COLUMNS: TableGrant[] = [
  {
    table: 'pathway',
    columns: [
      'id',
      'patient_id',
      'pathway_type',
      'setting',
      'referral_received',
      'referral_assessed',
      'status',
      'created_at',
      'updated_at',
      'rule_version_id',
      'care_deadline',
      'severity',
      'due_sort',
      'next_due_date',
      'next_action_key',
      'next_action_kind',
      'dq_flags',
      'open_postponed',
      'assessment_due',
      'care_start_due',
      'first_attendance_on',
      'first_eval_due',
      'first_eval_on',
      'closed_on',
      'rights_decision',
      'rights_care_kind',
      'priority_group',
      'patient_informed_on',
      'intake',
      'decision_due',
      'decision_on',
      'transferred_from_id',
      'transfer_kind',
      'transferred_on',
      'treatment_plan_on',
    ],
  },
  { table: 'pathway_event', columns: ['id', 'pathway_id', 'type', 'date', 'outcome', 'until', 'source', 'status', 'replaced_by', 'created_at', 'end_reason'] },
  { table: 'pathway_breach', columns: ['id', 'pathway_id', 'deadline_key', 'due_date', 'reason_code', 'recorded_at'] },
];

export const ACCESS: Record<GroupRole, { read: TableGrant[]; insertAudit: true }> = {
  forlopsbenk_coordinator: {
    read: [
      ...REFERENCE.map((table) => ({ table })),
      ...[...WORKLIST_AND_FOLLOW_UP, ...PLAN_AND_MINUTES].map((table) => ({ table, write: true })),
      PERSONAL,
      PERSON_PROFILE,
      AUDIT_FULL,
      AUDIT_IMPORTED,
    ],
    insertAudit: true,
  },
  forlopsbenk_admin_staff: {
    read: [...REFERENCE.map((table) => ({ table })), ...WORKLIST_AND_FOLLOW_UP.map((table) => ({ table, write: true })), PERSONAL, PERSON_PROFILE, AUDIT_TAIL],
    insertAudit: true,
  },
  forlopsbenk_unit_leader: {
    read: [...REFERENCE.map((table) => ({ table })), ...INDICATOR_COLUMNS, PERSONAL, PERSON_PROFILE, AUDIT_FULL, AUDIT_IMPORTED],
    insertAudit: true,
  },
};

export const PLAN_AND_MINUTES_TABLES: readonly string[] = PLAN_AND_MINUTES;
export const PATIENT_CONTENT_TABLES: readonly string[] = ['patient', 'letter', 'contact_attempt', 'no_show_case', ...PLAN_AND_MINUTES];
