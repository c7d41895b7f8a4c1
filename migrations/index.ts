import type { Migration } from 'kysely/migration';
import * as initial from './20261123_0001_initial';
import * as municipalities from './20261123_0002_municipalities';
import * as pathwayEvents from './20261123_0003_pathway_events_and_flags';
import * as rulePacks from './20261123_0010_rule_packs';
import * as pathwayClock from './20261123_0011_pathway_clock';
import * as noShow from './20261123_0020_no_show';
import * as meetings from './20261123_0030_meetings';
import * as individualPlans from './20261123_0040_individual_plans';
import * as auditLogByTime from './20261123_0050_audit_log_by_time';
import * as patientSearchWords from './20261123_0060_patient_search_words';
import * as rightsAssessment from './20261201_0100_rights_assessment';
import * as rulePackTsb2019 from './20261201_0101_rule_pack_tsb_2019';
import * as decisionIndicator from './20261201_0102_decision_indicator';
import * as municipalLetter from './20261201_0103_municipal_letter';
import * as nprRegistration from './20261201_0104_npr_registration';
import * as auditChainGuard from './20261201_0170_audit_chain_guard';
import * as workingDay from './20261201_0190_working_day';
import * as openCaseloadSearch from './20261201_0200_open_caseload_search';
import * as coordinationRecords from './20261201_0210_coordination_records';
import * as letterUnitPhoneOnce from './20261201_0310_letter_unit_phone_once';
import * as transfersEvaluations from './20261201_0320_transfers_evaluations';
import * as rulePackImport from './20261201_0340_rule_pack_import';
import * as letterSheets from './20261201_0341_letter_sheets';
import * as pathwayResponsible from './20261201_0360_pathway_responsible';
import * as rowVersions from './20261201_0361_row_versions';
import * as personSetting from './20261201_0362_person_setting';
import * as auditLogImported from './20261201_0380_audit_log_imported';
import * as moreRowVersions from './20261201_0390_more_row_versions';
import * as personProfile from './20261201_0400_person_profile';
import * as openPathwayByPatient from './20261201_0430_open_pathway_by_patient';
import * as patientLetterPhoneOnce from './20261201_0440_patient_letter_phone_once';
import * as openDueCount from './20261201_0450_open_due_count';
import * as openSearchHit from './20261201_0460_open_search_hit';
import * as careDeadlineCover from './20261201_0490_care_deadline_cover';
import * as pathwayResponsiblePeople from './20261201_0500_pathway_responsible_people';

/**
 * The explicit, ordered list of migrations. Append only: never rename, reorder or edit a shipped one.
 * (A file-system provider would break after bundling, so the list lives in code.)
 */
export const migrations: Record<string, Migration> = {
  '20261123_0001_initial': initial,
  '20261123_0002_municipalities': municipalities,
  '20261123_0003_pathway_events_and_flags': pathwayEvents,
  '20261123_0010_rule_packs': rulePacks,
  '20261123_0011_pathway_clock': pathwayClock,
  '20261123_0020_no_show': noShow,
  '20261123_0030_meetings': meetings,
  '20261123_0040_individual_plans': individualPlans,
  '20261123_0050_audit_log_by_time': auditLogByTime,
  '20261123_0060_patient_search_words': patientSearchWords,
  '20261201_0100_rights_assessment': rightsAssessment,
  '20261201_0101_rule_pack_tsb_2019': rulePackTsb2019,
  '20261201_0102_decision_indicator': decisionIndicator,
  '20261201_0103_municipal_letter': municipalLetter,
  '20261201_0104_npr_registration': nprRegistration,
  '20261201_0170_audit_chain_guard': auditChainGuard,
  '20261201_0190_working_day': workingDay,
  '20261201_0200_open_caseload_search': openCaseloadSearch,
  '20261201_0210_coordination_records': coordinationRecords,
  '20261201_0310_letter_unit_phone_once': letterUnitPhoneOnce,
  '20261201_0320_transfers_evaluations': transfersEvaluations,
  '20261201_0340_rule_pack_import': rulePackImport,
  '20261201_0341_letter_sheets': letterSheets,
  '20261201_0360_pathway_responsible': pathwayResponsible,
  '20261201_0361_row_versions': rowVersions,
  '20261201_0362_person_setting': personSetting,
  '20261201_0380_audit_log_imported': auditLogImported,
  '20261201_0390_more_row_versions': moreRowVersions,
  '20261201_0400_person_profile': personProfile,
  '20261201_0430_open_pathway_by_patient': openPathwayByPatient,
  '20261201_0440_patient_letter_phone_once': patientLetterPhoneOnce,
  '20261201_0450_open_due_count': openDueCount,
  '20261201_0460_open_search_hit': openSearchHit,
  '20261201_0490_care_deadline_cover': careDeadlineCover,
  '20261201_0500_pathway_responsible_people': pathwayResponsiblePeople,
};
