import type { Selectable } from 'kysely';
import type { PathwayTable, PatientTable } from '../db/schema';
import type { Pathway, Patient } from '../../../shared/contract/patients';
import type { PathwayTypeId, SettingId } from '../../../shared/domain/pathway-types';
import { maskNationalId } from '../../../shared/domain/national-id';

/** Explicit row → domain mapping (no naming plugin): the SQL stays visible, the domain stays camelCase. */
export function toPatient(row: Selectable<PatientTable>, municipalityName: string | null): Patient {
  return {
    id: row.id,
    name: row.name,
    nationalIdMasked: maskNationalId(row.national_id),
    nationalIdKind: row.national_id_kind,
    synthetic: row.synthetic === 1,
    birthDate: row.birth_date,
    phone: row.phone,
    address: row.address,
    postalCode: row.postal_code,
    postalPlace: row.postal_place,
    municipalityNumber: row.municipality_number,
    municipalityName,
    gpName: row.gp_name,
    version: row.row_version,
  };
}

export function toPathway(row: Selectable<PathwayTable>): Pathway {
  return {
    id: row.id,
    pathwayType: row.pathway_type as PathwayTypeId,
    setting: row.setting as SettingId,
    referralReceived: row.referral_received,
    referralAssessed: row.referral_assessed,
    status: row.status,
    createdAt: row.created_at,
  };
}
