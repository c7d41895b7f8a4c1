/* Frozen copy for migration 0011 (see README.md here): never edit, never import from app code. */
/**
 * The national pathways (DOMAIN.md §3). Ids are stable keys stored in the database;
 * codes are the Directorate's pathway codes where they exist (OID 9321).
 */
export const PATHWAY_TYPES = [
  { id: 'adult_mental', code: 'D11', label: 'Psykiske lidelser – voksne' },
  { id: 'child_mental', code: 'D12', label: 'Psykiske lidelser – barn og unge' },
  { id: 'tsb', code: 'D01', label: 'Tverrfaglig spesialisert rusbehandling (TSB)' },
  { id: 'eating_disorder_child', code: null, label: 'Spiseforstyrrelser – barn og unge' },
  { id: 'ocd', code: null, label: 'Tvangslidelser (OCD)' },
  { id: 'pregnant_substance', code: null, label: 'Gravide og rusmidler' },
  { id: 'psychosis', code: null, label: 'Psykoselidelser' },
] as const;

export type PathwayTypeId = (typeof PATHWAY_TYPES)[number]['id'];
export const PATHWAY_TYPE_IDS = PATHWAY_TYPES.map((t) => t.id) as [PathwayTypeId, ...PathwayTypeId[]];

export const SETTINGS = [
  { id: 'outpatient', label: 'Poliklinikk' },
  { id: 'inpatient', label: 'Døgn' },
] as const;
export type SettingId = (typeof SETTINGS)[number]['id'];
export const SETTING_IDS = SETTINGS.map((s) => s.id) as [SettingId, ...SettingId[]];

export function pathwayTypeLabel(id: string): string {
  return PATHWAY_TYPES.find((t) => t.id === id)?.label ?? id;
}
export function settingLabel(id: string): string {
  return SETTINGS.find((s) => s.id === id)?.label ?? id;
}
