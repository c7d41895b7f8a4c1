/**
 * A small excerpt of Posten's postal code register (postnummer → poststed, with the municipality), for the
 * demo caseload and to fill in the poststed when a postnummer is typed. Codes not listed need the place typed.
 */
export const POSTAL_CODES: readonly { code: string; place: string; municipalityNumber: string }[] = [
  { code: '0150', place: 'OSLO', municipalityNumber: '0301' },
  { code: '0182', place: 'OSLO', municipalityNumber: '0301' },
  { code: '0458', place: 'OSLO', municipalityNumber: '0301' },
  { code: '0560', place: 'OSLO', municipalityNumber: '0301' },
  { code: '0661', place: 'OSLO', municipalityNumber: '0301' },
  { code: '0954', place: 'OSLO', municipalityNumber: '0301' },
  { code: '5003', place: 'BERGEN', municipalityNumber: '4601' },
  { code: '5011', place: 'BERGEN', municipalityNumber: '4601' },
  { code: '5055', place: 'BERGEN', municipalityNumber: '4601' },
  { code: '7010', place: 'TRONDHEIM', municipalityNumber: '5001' },
  { code: '7030', place: 'TRONDHEIM', municipalityNumber: '5001' },
  { code: '4006', place: 'STAVANGER', municipalityNumber: '1103' },
  { code: '4014', place: 'STAVANGER', municipalityNumber: '1103' },
  { code: '4610', place: 'KRISTIANSAND S', municipalityNumber: '4204' },
  { code: '9008', place: 'TROMSØ', municipalityNumber: '5501' },
  { code: '3015', place: 'DRAMMEN', municipalityNumber: '3301' },
  { code: '1606', place: 'FREDRIKSTAD', municipalityNumber: '3107' },
  { code: '8006', place: 'BODØ', municipalityNumber: '1804' },
  { code: '2317', place: 'HAMAR', municipalityNumber: '3403' },
  { code: '3111', place: 'TØNSBERG', municipalityNumber: '3905' },
  { code: '3717', place: 'SKIEN', municipalityNumber: '4003' },
  { code: '1337', place: 'SANDVIKA', municipalityNumber: '3201' },
  { code: '1383', place: 'ASKER', municipalityNumber: '3203' },
  { code: '2000', place: 'LILLESTRØM', municipalityNumber: '3205' },
  { code: '4836', place: 'ARENDAL', municipalityNumber: '4203' },
];

const BY_CODE = new Map(POSTAL_CODES.map((p) => [p.code, p]));

/** The poststed of a postnummer, or null when it is not in the excerpt. */
export function postalPlaceFor(code: string): string | null {
  return BY_CODE.get(code.trim())?.place ?? null;
}

/** A postal address that can go in an envelope window: a name, a street line and "NNNN Sted". */
export function isPostalAddress(lines: readonly string[]): boolean {
  const filled = lines.map((l) => l.trim()).filter((l) => l !== '');
  return filled.length >= 3 && /^\d{4} \S/.test(filled[filled.length - 1]!);
}
