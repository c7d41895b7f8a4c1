/**
 * "Til registrering i journalsystemet" (issue #13 §1). Recording an event in the workbench is not NPR
 * reporting: the events reach Norsk pasientregister only through the patient record system (DIPS Arena,
 * Epic/Helseplattformen), where systems without a pathway module register pathway + event (+ outcome) as one
 * procedure code, e.g. `D11CP` (DOMAIN.md §4, code guide). This list and its CSV make that quick: patient,
 * code and date per event, marked done one by one.
 */
import { csvSafeCell } from './audit-log';
import { formatDate as formatNorwegianDate } from './time';
import { toCsv } from './csv';

export const RECORD_SYSTEM_NOTICE =
  'Registrering her er ikke rapportering til Norsk pasientregister (NPR). Hendelsene må også registreres i ' +
  'journalsystemet (for eksempel som prosedyrekode D11CP) for å komme med i NPR.';

export interface RegistrationRow {
  patientName: string;
  birthDate: string;
  nationalIdMasked: string;
  code: string;
  codeConfidence: 'confirmed' | 'local' | 'unconfirmed';
  eventLabel: string;
  date: string;
}

/** The CSV for the day's registrations (Norwegian Excel dialect; cells guarded against formula injection). */
export function registrationCsv(rows: readonly RegistrationRow[]): string {
  return toCsv([
    ['Pasient', 'Fødselsdato', 'Fødselsnummer (maskert)', 'Kode', 'Hendelse', 'Dato', 'Kode bekreftet'],
    ...rows.map((r) => [
      csvSafeCell(r.patientName),
      formatNorwegianDate(r.birthDate),
      r.nationalIdMasked,
      r.code,
      r.eventLabel,
      formatNorwegianDate(r.date),
      r.codeConfidence === 'confirmed' ? 'Ja' : 'Nei',
    ]),
  ]);
}
