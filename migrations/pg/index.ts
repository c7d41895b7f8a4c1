import type { Migration } from 'kysely/migration';
import * as baseline from './20261201_pg_0001_baseline';
import * as auditGuardCoordination from './20261201_pg_0002_audit_guard_coordination';
import * as letterUnitPhoneOnce from './20261201_pg_0003_letter_unit_phone_once';
import * as transfersEvaluations from './20261201_pg_0020_transfers_evaluations';
import * as rulePackImport from './20261201_pg_0030_rule_pack_import';
import * as letterSheets from './20261201_pg_0031_letter_sheets';
import * as openCaseloadSearch from './20261201_pg_0040_open_caseload_search';
import * as pathwayResponsible from './20261201_pg_0041_pathway_responsible';
import * as rowVersions from './20261201_pg_0042_row_versions';
import * as personSetting from './20261201_pg_0043_person_setting';
import * as auditLogImported from './20261201_pg_0060_audit_log_imported';
import * as moreRowVersions from './20261201_pg_0070_more_row_versions';
import * as personProfile from './20261201_pg_0075_person_profile';
import * as auditHead from './20261201_pg_0080_audit_head';
import * as openPathwayByPatient from './20261201_pg_0090_open_pathway_by_patient';
import * as patientLetterPhoneOnce from './20261201_pg_0095_patient_letter_phone_once';
import * as openDueCount from './20261201_pg_0100_open_due_count';
import * as openSearchHit from './20261201_pg_0105_open_search_hit';
import * as careDeadlineCover from './20261201_pg_0120_care_deadline_cover';

/**
 * The team store's (PostgreSQL) migrations: a separate explicit, ordered list, append only.
 * A schema change lands in both lists in the same commit; pg-schema.test.ts checks they agree.
 */
export const pgMigrations: Record<string, Migration> = {
  '20261201_pg_0001_baseline': baseline,
  '20261201_pg_0002_audit_guard_coordination': auditGuardCoordination,
  '20261201_pg_0003_letter_unit_phone_once': letterUnitPhoneOnce,
  '20261201_pg_0020_transfers_evaluations': transfersEvaluations,
  '20261201_pg_0030_rule_pack_import': rulePackImport,
  '20261201_pg_0031_letter_sheets': letterSheets,
  '20261201_pg_0040_open_caseload_search': openCaseloadSearch,
  '20261201_pg_0041_pathway_responsible': pathwayResponsible,
  '20261201_pg_0042_row_versions': rowVersions,
  '20261201_pg_0043_person_setting': personSetting,
  '20261201_pg_0060_audit_log_imported': auditLogImported,
  '20261201_pg_0070_more_row_versions': moreRowVersions,
  '20261201_pg_0075_person_profile': personProfile,
  '20261201_pg_0080_audit_head': auditHead,
  '20261201_pg_0090_open_pathway_by_patient': openPathwayByPatient,
  '20261201_pg_0095_patient_letter_phone_once': patientLetterPhoneOnce,
  '20261201_pg_0100_open_due_count': openDueCount,
  '20261201_pg_0105_open_search_hit': openSearchHit,
  '20261201_pg_0120_care_deadline_cover': careDeadlineCover,
};
