/* Frozen copy for migration 0011 (see README.md here): never edit, never import from app code. */
import type { Generated } from 'kysely';

/** The tables the clock read and wrote when migration 0011 shipped (a literal copy of electron/core/db/schema.ts then). */
export interface AppSettingTable {
  key: string;
  value: string;
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
  /** Pathway clock (migrations/20261123_0011): the rule version it runs under and facts set at assessment. */
  rule_version_id: string | null;
  care_deadline: string | null;
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
}

export interface Database {
  app_setting: AppSettingTable;
  patient: PatientTable;
  pathway: PathwayTable;
  pathway_event: PathwayEventTable;
  rule_version: RuleVersionTable;
  rule_time: RuleTimeTable;
}
