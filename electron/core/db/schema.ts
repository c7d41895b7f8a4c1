import type { Generated } from 'kysely';

/**
 * Row types mirror the SQL exactly (snake_case); services map rows to domain objects explicitly.
 * Over 400 lines on purpose: one interface per table and the Database map, read as one picture of the store.
 */
export interface AppSettingTable {
  key: string;
  value: string;
}

/** A person's own settings (migration 0362): login '' on the local store, the database login on the team store. */
export interface PersonSettingTable {
  login: string;
  key: string;
  value: string;
}

/** A person's own part of the profile (issue #15): the database login on the team store, '' on the local store. */
export interface PersonProfileTable {
  login: string;
  name: string;
  phone: Generated<string>;
  updated_at: string;
}

/** The unit's part of the profile: one row (id 1). */
export interface ProfileTable {
  id: number;
  unit_name: string;
  unit_phone: string;
  unit_address: Generated<string>;
  updated_at: string;
}

export interface PatientTable {
  id: Generated<number>;
  name: string;
  /** Lower-cased name for case-insensitive prefix search on an index. */
  name_search: string;
  national_id: string;
  national_id_kind: 'fnr' | 'dnr' | 'hnr';
  synthetic: number;
  birth_date: string;
  phone: string;
  address: string;
  postal_code: string;
  postal_place: string;
  municipality_number: string;
  gp_name: string;
  created_at: string;
  updated_at: string;
  /** Worklist flags, kept on write by their owning feature (no-shows, meetings, plans). */
  open_no_shows: Generated<number>;
  next_meeting_date: string | null;
  plan_attention_date: string | null;
  /** Optimistic concurrency (migration 0361): +1 per save; who saved last. */
  row_version: Generated<number>;
  updated_by: Generated<string>;
  /** Columns the last save changed, comma-separated. */
  changed_fields: Generated<string>;
}

export interface PatientSearchWordTable {
  word: string;
  patient_id: number;
}

/** Name words and national id (char(1) || id) of patients with an open pathway, kept by triggers (migration 0200). */
export interface OpenSearchWordTable {
  word: string;
  patient_id: number;
}

/** Per due date, how many open pathways fall due that day (kept by triggers, migration 0450). */
export interface OpenDueCountTable {
  due_sort: string;
  n: number;
}

/** Per open pathway, each word of its patient's open_search_word (migration 0460); kept by triggers. */
export interface OpenSearchHitTable {
  word: string;
  due_sort: string;
  pathway_id: number;
  patient_id: number;
  /** The patient's next lower word ('' for the lowest): the first of a typed word's matches has it below the typed word. */
  prev_word: string;
}

export interface PathwayTable {
  /** Who is responsible (a login; '' = nobody named: the local store's one user). Migration 0360. */
  responsible: Generated<string>;
  id: Generated<number>;
  patient_id: number;
  pathway_type: string;
  setting: string;
  referral_received: string;
  referral_assessed: string | null;
  status: 'open' | 'own_clinician' | 'ended';
  created_at: string;
  updated_at: string;
  /** Pathway clock (migrations/20261123_0011): the rule version it runs under and facts set at assessment. */
  rule_version_id: string | null;
  care_deadline: string | null;
  /** Earliest start of the pathway's booked appointments (ISO UTC), kept by triggers (migration 0490). */
  care_first_booked_at: Generated<string | null>;
  /** Earliest date offered to the patient and postponed by them, kept by triggers (migration 0490). */
  care_first_offer_date: Generated<string | null>;
  severity: string | null;
  /** Derived from the facts on every write (shared/domain/pathway-clock.ts); due_sort = next_due_date ?? '9999-12-31'. */
  due_sort: Generated<string>;
  next_due_date: string | null;
  next_action_key: Generated<string>;
  next_action_label: Generated<string>;
  next_action_kind: Generated<string>;
  dq_flags: Generated<number>;
  open_postponed: Generated<number>;
  assessment_due: string | null;
  care_start_due: string | null;
  first_attendance_on: string | null;
  first_eval_due: string | null;
  first_eval_on: string | null;
  closed_on: string | null;
  /** Rights assessment and intake (migrations/20261201_0100). */
  rights_decision: 'right' | 'no_right' | 'not_pathway' | null;
  rights_care_kind: 'assessment' | 'treatment' | null;
  priority_group: string | null;
  patient_informed_on: string | null;
  intake: Generated<'referral' | 'internal_transfer'>;
  /** First attendance → clinical decision: due and met (migrations/20261201_0102, the overview's indicator). */
  decision_due?: string | null;
  decision_on?: string | null;
  /** Transfers (migrations/20261201_0320): the pathway this one continues; on the one that left: kind, date, receiving trust. */
  transferred_from_id?: number | null;
  transfer_kind?: 'd12_to_d11' | 'phv_to_tsb' | 'tsb_to_phv' | 'ocd_team' | 'psychosis_team' | 'other_trust' | null;
  transferred_on?: string | null;
  receiving_trust?: string | null;
  /** "Behandlingsplan utarbeidet med pasient": the date and who recorded it. */
  treatment_plan_on?: string | null;
  treatment_plan_by?: string | null;
}

export interface PathwayEventTable {
  id: Generated<number>;
  pathway_id: number;
  type: string;
  date: string;
  outcome: string | null;
  until: string | null;
  note: Generated<string>;
  source: Generated<string>;
  status: Generated<'active' | 'corrected' | 'withdrawn'>;
  replaced_by: number | null;
  correction_reason: string | null;
  created_at: string;
  /** End of pathway only: a code from help_need. */
  help_need: string | null;
  /** End of pathway only: a code from end_reason (migrations/20261201_0320). */
  end_reason?: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  os_user: string;
  action: string;
  entity: string;
  entity_id: number | null;
  patient_id: number | null;
  prev_hash: string;
  hash: string;
}

/** The audit history of a local store moved into the team store (team:move), verbatim; read only. */
export type AuditLogImportedTable = Omit<AuditLogTable, 'id'> & { id: number };

export interface MunicipalityTable {
  number: string;
  name: string;
  county: string;
}

// Individual plans (migrations/20261123_0040_individual_plans.ts).
export interface IndividualPlanTable {
  id: Generated<number>;
  patient_id: number;
  period_from: string;
  period_to: string;
  coordinator_name: Generated<string>;
  coordinator_organisation: Generated<string>;
  coordinator_contact_id: number | null;
  cooperation: Generated<string>;
  contribution_patient: Generated<string>;
  contribution_services: Generated<string>;
  contribution_relatives: Generated<string>;
  consent_given_at: string | null;
  consent_given_by: Generated<string>;
  consent_withdrawn_at: string | null;
  last_revision_on: string | null;
  created_at: string;
  updated_at: string;
  /** Optimistic concurrency (migration 0390): +1 per save; who saved last; columns the last save changed. */
  row_version: Generated<number>;
  updated_by: Generated<string>;
  changed_fields: Generated<string>;
}

export interface PlanParticipantTable {
  id: Generated<number>;
  plan_id: number;
  name: string;
  role: Generated<string>;
  organisation: Generated<string>;
  consent_covered: Generated<number>;
  /** When it was last changed (migration 0390; '' before). */
  updated_at: Generated<string>;
  /** Optimistic concurrency (migration 0390): +1 per save; who saved last; columns the last save changed. */
  row_version: Generated<number>;
  updated_by: Generated<string>;
  changed_fields: Generated<string>;
}

export interface PlanGoalTable {
  id: Generated<number>;
  plan_id: number;
  text: string;
  target_date: string | null;
  created_at: string;
  /** When it was last changed (migration 0390; '' before). */
  updated_at: Generated<string>;
  /** Optimistic concurrency (migration 0390): +1 per save; who saved last; columns the last save changed. */
  row_version: Generated<number>;
  updated_by: Generated<string>;
  changed_fields: Generated<string>;
}

export interface PlanItemTable {
  id: Generated<number>;
  plan_id: number;
  text: string;
  /** When it was last changed (migration 0390; '' before). */
  updated_at: Generated<string>;
  /** Optimistic concurrency (migration 0390): +1 per save; who saved last; columns the last save changed. */
  row_version: Generated<number>;
  updated_by: Generated<string>;
  changed_fields: Generated<string>;
}

export interface PlanMeasureTable {
  id: Generated<number>;
  plan_id: number;
  goal_id: number | null;
  what: string;
  scope: Generated<string>;
  how: Generated<string>;
  responsible: string;
  start_date: string | null;
  due_date: string | null;
  status: Generated<'planned' | 'ongoing' | 'done' | 'stopped'>;
  origin_meeting_id: number | null;
  origin_action_item_id: number | null;
  created_at: string;
  updated_at: string;
  /** Optimistic concurrency (migration 0361): +1 per save; who saved last. */
  row_version: Generated<number>;
  updated_by: Generated<string>;
  /** Columns the last save changed, comma-separated. */
  changed_fields: Generated<string>;
}

export interface PlanProgressNoteTable {
  id: Generated<number>;
  measure_id: number;
  date: string;
  text: string;
  created_at: string;
}

export interface PlanRevisionDateTable {
  id: Generated<number>;
  plan_id: number;
  date: string;
}

export interface PlanVersionTable {
  id: Generated<number>;
  plan_id: number;
  version_no: number;
  held_on: string;
  taken_at: string;
  /** JSON: { plan: IndividualPlan, evaluations: GoalEvaluation[] } as shared/domain/plan-revision.ts snapshot() made it. */
  snapshot: string;
}

// --- No-show follow-up (issue #4) ---
export interface AppointmentTable {
  id: Generated<number>;
  patient_id: number;
  pathway_id: number | null;
  kind: 'first_attendance' | 'assessment' | 'evaluation' | 'other';
  /** ISO-8601 UTC. */
  start_at: string;
  duration_minutes: number;
  place: string;
  clinician: string;
  status: 'booked' | 'attended' | 'no_show' | 'cancelled_patient' | 'cancelled_service';
  created_at: string;
  updated_at: string;
  /** Optimistic concurrency (migration 0390): +1 per save; who saved last; columns the last save changed. */
  row_version: Generated<number>;
  updated_by: Generated<string>;
  changed_fields: Generated<string>;
}

export interface AppointmentStatusChangeTable {
  id: Generated<number>;
  appointment_id: number;
  from_status: string;
  to_status: string;
  reason: string;
  by_name: string;
  at: string;
}

export interface NoShowCaseTable {
  id: Generated<number>;
  patient_id: number;
  appointment_id: number;
  pathway_id: number | null;
  no_show_at: string;
  status: 'open' | 'closed' | 'escalated' | 'withdrawn';
  outcome: 'new_appointment' | 'declined' | 'closed_not_reached' | 'escalated' | null;
  new_appointment_id: number | null;
  next_step: 'attempt' | 'letter' | 'await_answer' | null;
  next_label: string | null;
  next_due: string | null;
  attempt_count: number;
  postponed_event_id: number | null;
  closed_at: string | null;
  closed_by: string | null;
  close_note: string;
  withdrawn_reason: string | null;
  escalation_answered_at: Generated<string | null>;
  escalation_answer: Generated<string>;
  close_override_reason: Generated<string | null>;
  created_at: string;
  updated_at: string;
  /** Optimistic concurrency (migration 0390): +1 per save; who saved last; columns the last save changed. */
  row_version: Generated<number>;
  updated_by: Generated<string>;
  changed_fields: Generated<string>;
}

export interface ContactAttemptTable {
  id: Generated<number>;
  case_id: number;
  at: string;
  channel: 'phone' | 'sms' | 'digital_message' | 'letter';
  outcome: 'reached' | 'no_answer' | 'wrong_number' | 'message_left' | 'other';
  by_name: string;
  note: string;
  created_at: string;
}

export interface LetterTable {
  id: Generated<number>;
  case_id: number;
  patient_id: number;
  recipient: 'patient' | 'referrer' | 'municipal_coordinator';
  template_id: string;
  subject: string;
  /** JSON array of the window-envelope address lines. */
  address_lines: string;
  body_html: string;
  /** The complete printed document, exactly as printed. */
  html: string;
  text: string;
  created_at: string;
  printed_at: string | null;
  print_count: number;
  /** Municipal coordinator letters (migrations/20261201_0103): the basis for sharing, and its wording. */
  sharing_basis?: 'consent' | 'other_basis' | null;
  sharing_basis_note?: string | null;
  /** migrations/20261201_0341: JSON [{ lines, body }] when the letter has more than one sheet (guardians); else null. */
  sheets?: string | null;
}

export interface LetterTemplateTable {
  id: string;
  label: string;
  recipient: 'patient' | 'referrer' | 'municipal_coordinator';
  address: string;
  subject: string;
  /** JSON array of paragraphs. */
  paragraphs: string;
  updated_at: string | null;
}

/** Collaboration meetings (issue 5). */
export interface ContactTable {
  id: Generated<number>;
  name: string;
  role: string;
  organisation: string;
  municipality_number: string;
  phone: string;
  email: string;
  address: Generated<string>;
  postal_code: Generated<string>;
  postal_place: Generated<string>;
  created_at: string;
  updated_at: string;
  /** Optimistic concurrency (migration 0390): +1 per save; who saved last; columns the last save changed. */
  row_version: Generated<number>;
  updated_by: Generated<string>;
  changed_fields: Generated<string>;
}

export interface ContactWordTable {
  word: string;
  contact_id: number;
}

export interface MeetingTable {
  id: Generated<number>;
  patient_id: number;
  kind: string;
  start_at: string;
  duration_minutes: number;
  place: string;
  video_url: string;
  status: 'planned' | 'held' | 'cancelled';
  ics_uid: string;
  ics_sequence: number;
  conflict_reason: string | null;
  cancel_reason: string | null;
  created_at: string;
  updated_at: string;
  /** Optimistic concurrency (migration 0390): +1 per save; who saved last; columns the last save changed. */
  row_version: Generated<number>;
  updated_by: Generated<string>;
  changed_fields: Generated<string>;
}

export interface MeetingParticipantTable {
  id: Generated<number>;
  meeting_id: number;
  contact_id: number | null;
  name: string;
  role: string;
  organisation: string;
  email: string;
  phone: string;
  consent_covers: number;
  is_patient: number;
  is_relative: number;
  position: number;
}

export interface MeetingAgendaItemTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  title: string;
  source: string;
  source_id: number | null;
}

export interface MeetingMinutesTable {
  id: Generated<number>;
  meeting_id: number;
  version: number;
  status: 'draft' | 'final';
  notes_json: string;
  decisions: string;
  actions_json: string | null;
  finalized_at: string | null;
  finalized_by: string | null;
  created_at: string;
  updated_at: string;
  /** Optimistic concurrency (migration 0361): +1 per save; who saved last. */
  row_version: Generated<number>;
  updated_by: Generated<string>;
  /** Columns the last save changed, comma-separated. */
  changed_fields: Generated<string>;
}

export interface MeetingActionItemTable {
  id: Generated<number>;
  meeting_id: number;
  text: string;
  owner: string;
  due_date: string | null;
  done: number;
  position: number;
  plan_measure_id: number | null;
  created_at: string;
  updated_at: string;
}

// Pathway rules as data and the clock's coded lists (migrations/20261123_0010_rule_packs.ts, 0011).
export interface RulePathwayTable {
  pathway_type: string;
  code: string | null;
  label: string;
}

export interface RuleEventTable {
  pathway_type: string;
  type: string;
  label: string;
  code_suffix: string | null;
  code_confidence: string;
  max_per_pathway: number | null;
  requires_outcome: number;
}

export interface RuleOutcomeTable {
  code: string;
  label: string;
  next: string;
}

export interface RuleVersionTable {
  id: string;
  pathway_type: string;
  valid_from: string;
  valid_to: string | null;
  clock_start: 'referral_received' | 'referral_assessed';
  origin: 'national' | 'local';
  source: string;
  created_at: string;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  /** migrations/20261201_0101: whether the switch date (valid_from) is sourced. */
  valid_from_confidence: Generated<'confirmed' | 'local' | 'unconfirmed'>;
  valid_from_note: string | null;
}

export interface RuleTimeTable {
  id: string;
  rule_version_id: string;
  setting: string;
  from_event: string;
  to_event: string;
  days: number;
  unit: 'calendar' | 'working';
  confidence: 'confirmed' | 'local' | 'unconfirmed';
  source: string;
  note: string | null;
  variant: string | null;
  /** migrations/20261201_0101: repeating time applies only within this many days of the decision. */
  repeat_within_days: number | null;
}

/** migrations/20261201_0340: one row per imported national rule pack file. */
export interface RulePackImportTable {
  id: Generated<number>;
  pack_id: string;
  title: string;
  publisher: string;
  valid_from: string;
  file_name: string;
  file_sha256: string;
  imported_by: string;
  imported_at: string;
  /** JSON array of rule_version ids. */
  version_ids: string;
}

export interface BreachReasonTable {
  code: string;
  label: string;
  sort: number;
}

export interface HelpNeedTable {
  code: string;
  label: string;
  confidence: string;
  sort: number;
}

export interface EndReasonTable {
  code: string;
  label: string;
  confidence: string;
  source: string;
  sort: number;
}

/** A proposed evaluation (held evaluation meeting, attended evaluation appointment) confirmed or dismissed. */
export interface EvaluationProposalTable {
  id: Generated<number>;
  pathway_id: number;
  source_kind: 'meeting' | 'appointment';
  source_id: number;
  decision: 'confirmed' | 'dismissed';
  event_id: number | null;
  decided_at: string;
}

export interface PathwayBreachTable {
  id: Generated<number>;
  pathway_id: number;
  deadline_key: string;
  due_date: string;
  reason_code: string;
  note: Generated<string>;
  recorded_at: string;
}

/** An event registered in the patient record system (migrations/20261201_0104). */
export interface RecordRegistrationTable {
  event_id: number;
  registered_at: string;
  registered_by: string;
}

/** Issue #13 §2 (migrations/20261201_0210): records beside the pathway. */
export interface ReferrerTable {
  pathway_id: number;
  patient_id: number;
  organisation: string;
  person: string;
  address: string;
  postal_code: string;
  postal_place: string;
  her_id: string;
  referral_date: string | null;
  is_gp: number;
  created_at: string;
  updated_at: string;
  /** Optimistic concurrency (migration 0390): +1 per save; who saved last; columns the last save changed. */
  row_version: Generated<number>;
  updated_by: Generated<string>;
  changed_fields: Generated<string>;
}

export type ConsentState = 'unknown' | 'given' | 'refused';

export interface GuardianTable {
  id: Generated<number>;
  patient_id: number;
  name: string;
  relation: 'mother' | 'father' | 'guardian' | 'other';
  parental_responsibility: number;
  address: string;
  postal_code: string;
  postal_place: string;
  phone: string;
  consent: ConsentState;
  consent_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface PatientContactTable {
  id: Generated<number>;
  patient_id: number;
  kind: 'municipal' | 'relative' | 'other';
  name: string;
  relation: string;
  organisation: string;
  phone: string;
  named_in_referral: number;
  contacted_on: string | null;
  consent: ConsentState;
  consent_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface PathwayCareTable {
  pathway_id: number;
  interpreter: 'unknown' | 'needed' | 'not_needed';
  interpreter_language: string;
  interpreter_recorded_on: string | null;
  pregnant: number;
  detox_ended_on: string | null;
  further_treatment_on: string | null;
  updated_at: string;
}

export interface CareDeadlineBreachTable {
  pathway_id: number;
  helfo_notified_on: string;
  note: string;
  updated_at: string;
}

export interface CareDeadlinePostponementTable {
  id: Generated<number>;
  pathway_id: number;
  offered_date: string;
  requested_date: string | null;
  reason: 'declined_offer' | 'asked_later' | 'cancelled' | 'did_not_attend';
  note: string;
  created_at: string;
}

export interface BreachLetterTable {
  id: Generated<number>;
  pathway_id: number;
  patient_id: number;
  address_lines: string;
  html: string;
  text: string;
  created_at: string;
}

export interface Database {
  app_setting: AppSettingTable;
  person_setting: PersonSettingTable;
  person_profile: PersonProfileTable;
  profile: ProfileTable;
  patient: PatientTable;
  pathway: PathwayTable;
  patient_search_word: PatientSearchWordTable;
  open_search_word: OpenSearchWordTable;
  open_due_count: OpenDueCountTable;
  open_search_hit: OpenSearchHitTable;
  pathway_event: PathwayEventTable;
  audit_log: AuditLogTable;
  audit_log_imported: AuditLogImportedTable;
  municipality: MunicipalityTable;
  rule_pathway: RulePathwayTable;
  rule_event: RuleEventTable;
  rule_outcome: RuleOutcomeTable;
  rule_version: RuleVersionTable;
  rule_time: RuleTimeTable;
  rule_pack_import: RulePackImportTable;
  breach_reason: BreachReasonTable;
  help_need: HelpNeedTable;
  end_reason: EndReasonTable;
  evaluation_proposal: EvaluationProposalTable;
  pathway_breach: PathwayBreachTable;
  appointment: AppointmentTable;
  appointment_status_change: AppointmentStatusChangeTable;
  no_show_case: NoShowCaseTable;
  contact_attempt: ContactAttemptTable;
  letter: LetterTable;
  letter_template: LetterTemplateTable;
  individual_plan: IndividualPlanTable;
  plan_participant: PlanParticipantTable;
  plan_goal: PlanGoalTable;
  plan_resource: PlanItemTable;
  plan_need: PlanItemTable;
  plan_measure: PlanMeasureTable;
  plan_progress_note: PlanProgressNoteTable;
  plan_revision_date: PlanRevisionDateTable;
  plan_version: PlanVersionTable;
  contact: ContactTable;
  contact_word: ContactWordTable;
  meeting: MeetingTable;
  meeting_participant: MeetingParticipantTable;
  meeting_agenda_item: MeetingAgendaItemTable;
  meeting_minutes: MeetingMinutesTable;
  meeting_action_item: MeetingActionItemTable;
  record_registration: RecordRegistrationTable;
  referrer: ReferrerTable;
  guardian: GuardianTable;
  patient_contact: PatientContactTable;
  pathway_care: PathwayCareTable;
  care_deadline_breach: CareDeadlineBreachTable;
  care_deadline_postponement: CareDeadlinePostponementTable;
  breach_letter: BreachLetterTable;
}
