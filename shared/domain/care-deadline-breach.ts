import { workingDaysBetween, type CalendarOptions } from './calendar';
import type { IsoDate } from './iso-date';

/**
 * Deadline breach (fristbrudd) of the legal deadline for necessary care (frist for nødvendig helsehjelp).
 * Rules and their confidence:
 * - [C] If the service cannot give care within the deadline it must notify Helfo (helsenorge.no «Dine rettigheter
 *   ved fristbrudd»; helfo.no «Elektronisk varsling av fristbrudd»: expected and occurred breaches are notified).
 * - [L] «Likely to pass»: no booked appointment on or before the deadline and at most BREACH_WARN_WORKING_DAYS
 *   working days left (our threshold; the notification must come before the deadline passes).
 * - [U] A patient-caused postponement: when the service offered a time on or before the deadline and the patient
 *   declined, cancelled or did not attend, the delay is attributed to the patient and no breach is warned. The
 *   regulation's exact wording (prioriteringsforskriften) is not verified here.
 */
export const BREACH_WARN_WORKING_DAYS = 10;

export interface BreachRiskInput {
  careDeadline: IsoDate | null;
  /** The date care started (first attendance), if it did. */
  careStartedOn: IsoDate | null;
  /** Oslo dates of booked (not cancelled, not attended yet) appointments in the pathway. */
  bookedDates: IsoDate[];
  /** Patient-caused postponements: the date the service had offered. */
  postponedOffers: IsoDate[];
  today: IsoDate;
  warnWorkingDays?: number;
  calendar?: CalendarOptions;
}

export type BreachRisk =
  | { state: 'none'; label: string }
  | { state: 'met'; label: string }
  | { state: 'booked'; date: IsoDate; label: string }
  | { state: 'patient_postponed'; offeredDate: IsoDate; label: string }
  | { state: 'unbooked'; workingDaysLeft: number; label: string }
  | { state: 'at_risk'; workingDaysLeft: number; label: string }
  | { state: 'breached'; label: string };

export function breachRisk(input: BreachRiskInput): BreachRisk {
  const { careDeadline: deadline, today } = input;
  if (!deadline) return { state: 'none', label: 'Ingen juridisk frist satt' };
  if (input.careStartedOn) {
    return input.careStartedOn <= deadline
      ? { state: 'met', label: 'Helsehjelpen startet innen fristen' }
      : { state: 'breached', label: 'Helsehjelpen startet etter fristen' };
  }
  const booked = input.bookedDates.filter((d) => d <= deadline).sort()[0];
  if (booked) return { state: 'booked', date: booked, label: 'Time bestilt innen fristen' };
  const offered = input.postponedOffers.filter((d) => d <= deadline).sort()[0];
  if (offered) return { state: 'patient_postponed', offeredDate: offered, label: 'Pasienten har utsatt tilbudt time innen fristen' };
  if (today > deadline) return { state: 'breached', label: 'Fristen er passert uten at helsehjelpen har startet' };
  const left = workingDaysBetween(today, deadline, input.calendar ?? {});
  const warn = input.warnWorkingDays ?? BREACH_WARN_WORKING_DAYS;
  return left <= warn
    ? { state: 'at_risk', workingDaysLeft: left, label: `Fristbrudd truer: ingen time før fristen (${left} virkedager igjen)` }
    : { state: 'unbooked', workingDaysLeft: left, label: 'Ingen time bestilt ennå' };
}

/** Helfo's route for the patient. Source [C]: helsenorge.no «Dine rettigheter ved fristbrudd» (stored copy, check before use). */
export const HELFO_CONTACT = {
  name: 'Helfo',
  phoneLabel: 'Fristbruddtelefonen',
  phone: '23 32 70 03',
  hours: 'mandag til fredag 9.00–14.00',
  source: 'helsenorge.no/rettigheter/dine-rettigheter-ved-fristbrudd',
  confidence: 'C' as const,
  note: 'Nummer og telefontid lest fra helsenorge.no; kontroller før brevet tas i bruk.',
};

/** The patient letter about a breach. Wording [L]: written here, not a national template. */
export function breachLetterParagraphs(f: { deadline: string; unitName: string; unitPhone: string; helfoNotifiedOn: string | null }): string[] {
  return [
    `Du har fått en frist for når du senest skal få helsehjelp hos oss: ${f.deadline}. Vi har dessverre ikke klart å gi deg et tilbud innen denne fristen.`,
    f.helfoNotifiedOn
      ? `Vi har derfor varslet Helfo ${f.helfoNotifiedOn}. Helfo kan finne et tilsvarende tilbud til deg ved et annet behandlingssted. Det koster deg ikke noe ekstra, og reiseutgifter dekkes.`
      : 'Vi varsler Helfo om dette. Helfo kan finne et tilsvarende tilbud til deg ved et annet behandlingssted. Det koster deg ikke noe ekstra, og reiseutgifter dekkes.',
    `Ønsker du et tilbud et annet sted eller mer informasjon, kan du ringe ${HELFO_CONTACT.phoneLabel.toLowerCase()} hos Helfo på ${HELFO_CONTACT.phone} (${HELFO_CONTACT.hours}).`,
    'Ønsker du ikke et annet behandlingssted, beholder du plassen din på ventelisten hos oss.',
    `Har du spørsmål, kan du ringe ${f.unitName || 'oss'}${f.unitPhone ? ` på ${f.unitPhone}` : ''}.`,
  ];
}
