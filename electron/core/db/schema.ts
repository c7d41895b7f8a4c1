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

export interface Database {
  app_setting: AppSettingTable;
  profile: ProfileTable;
  patient: PatientTable;
  pathway: PathwayTable;
  pathway_event: PathwayEventTable;
  audit_log: AuditLogTable;
  municipality: MunicipalityTable;
}
