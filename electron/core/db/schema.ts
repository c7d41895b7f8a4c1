import type { Generated } from 'kysely';

/** Row types mirror the SQL exactly (snake_case); services map rows to domain objects explicitly. */
export interface AppSettingTable {
  key: string;
  value: string;
}

export interface ProfileTable {
  id: number;
  coordinator_name: string;
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
}

export interface PathwayTable {
  id: Generated<number>;
  patient_id: number;
  pathway_type: string;
  setting: string;
  referral_received: string;
  referral_assessed: string | null;
  status: 'open' | 'own_clinician' | 'ended';
  created_at: string;
  updated_at: string;
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
}

export interface PlanParticipantTable {
  id: Generated<number>;
  plan_id: number;
  name: string;
  role: Generated<string>;
  organisation: Generated<string>;
  consent_covered: Generated<number>;
}

export interface PlanGoalTable {
  id: Generated<number>;
  plan_id: number;
  text: string;
  target_date: string | null;
  created_at: string;
}

export interface PlanItemTable {
  id: Generated<number>;
  plan_id: number;
  text: string;
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

export interface Database {
  app_setting: AppSettingTable;
  profile: ProfileTable;
  patient: PatientTable;
  pathway: PathwayTable;
  pathway_event: PathwayEventTable;
  audit_log: AuditLogTable;
  municipality: MunicipalityTable;
  individual_plan: IndividualPlanTable;
  plan_participant: PlanParticipantTable;
  plan_goal: PlanGoalTable;
  plan_resource: PlanItemTable;
  plan_need: PlanItemTable;
  plan_measure: PlanMeasureTable;
  plan_progress_note: PlanProgressNoteTable;
  plan_revision_date: PlanRevisionDateTable;
  plan_version: PlanVersionTable;
}
