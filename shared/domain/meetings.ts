/**
 * Collaboration meetings (samarbeidsmøter, DOMAIN.md §7): kinds, participant roles, the shipped agenda
 * templates, Oslo wall-clock ↔ UTC, week ranges and the patient line a printout may carry.
 * Pure: no node:, DOM or electron imports.
 */
import { CONTACT_ROLE_LABELS, CONTACT_ROLES, type ContactRole } from './contact-roles';
import type { IsoDate } from './iso-date';

export const MEETING_KINDS = [
  'referral_clarification',
  'after_assessment',
  'evaluation',
  'discharge',
  'responsibility_group',
  'individual_plan',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  referral_clarification: 'Avklaring ved henvisning',
  after_assessment: 'Etter vurdering',
  evaluation: 'Evaluering',
  discharge: 'Avslutning og utskrivning',
  responsibility_group: 'Ansvarsgruppe',
  individual_plan: 'Møte om individuell plan',
};

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = { planned: 'Planlagt', held: 'Holdt', cancelled: 'Avlyst' };

/** A participant's role: a directory role, or the patient or a relative. */
export const PARTICIPANT_ROLES = ['patient', 'relative', ...CONTACT_ROLES] as const;
export type ParticipantRole = 'patient' | 'relative' | ContactRole;
export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = {
  patient: 'Pasient',
  relative: 'Pårørende',
  ...CONTACT_ROLE_LABELS,
};

export const MAX_MEETING_MINUTES = 8 * 60;

/**
 * Shipped agenda templates, one per kind. The evaluation template follows the points of the Directorate's
 * TSB text on evaluation (DOMAIN.md §7, paraphrased); the others are local practice and editable in settings.
 */
export const DEFAULT_AGENDA_TEMPLATES: Record<MeetingKind, string[]> = {
  referral_clarification: [
    'Velkommen og presentasjon av deltakerne',
    'Bakgrunn for henvisningen og pasientens ønsker',
    'Behov for helsehjelp og riktig nivå',
    'Hvem bør være involvert (kommune, fastlege, pårørende)',
    'Videre plan og ansvar',
    'Oppfølgingspunkter og neste møte',
  ],
  after_assessment: [
    'Velkommen og presentasjon av deltakerne',
    'Resultat av vurderingen og rett til helsehjelp',
    'Tilbakemelding til henviser og fastlege',
    'Behandlingsplan og forløpskoordinator',
    'Samarbeid med kommunen',
    'Oppfølgingspunkter og neste møte',
  ],
  evaluation: [
    'Opplever pasienten behandlingen som nyttig?',
    'Ressurser og mestringsstrategier som hjelper',
    'Status for tiltak',
    'Behov for mer utredning (somatisk helse, psykisk helse, rus, levevaner)',
    'Behov for videre behandling og oppfølging, også legemidler',
    'Oppdatering av behandlingsplan eller individuell plan',
    'Skriftlig informasjon til samarbeidspartnere som ikke er til stede (med samtykke)',
    'Evaluere og planlegge kommunale tiltak',
    'Barn som pårørende, familie, likepersoner og brukerorganisasjoner',
    'Oppfølgingspunkter og neste møte',
  ],
  discharge: [
    'Planlegging av avslutningen',
    'Behov for oppfølging i kommunen',
    'Navngitt ansvarlig for kommunal oppfølging',
    'Hvor pasienten skal henvende seg ved behov',
    'Informasjon til kommune og fastlege om risikovurderinger og igangsatte tiltak',
    'Oppfølgingspunkter',
  ],
  responsibility_group: [
    'Godkjenning av referat fra forrige møte',
    'Siden sist: pasienten og deltakerne',
    'Status for tiltak',
    'Individuell plan',
    'Eventuelt',
    'Oppfølgingspunkter og neste møte',
  ],
  individual_plan: [
    'Pasientens mål, ressurser og behov',
    'Hvem deltar i planarbeidet, og koordinator',
    'Tiltak, omfang og ansvarlig',
    'Samtykke og informasjonsdeling',
    'Dato for revisjon',
    'Oppfølgingspunkter og neste møte',
  ],
};

/** Cleans a template from settings: trimmed, no empty lines, at most 40 items of 200 characters. */
export function normaliseTemplate(items: readonly string[]): string[] {
  return items.map((i) => i.replace(/\s+/g, ' ').trim()).filter((i) => i !== '').slice(0, 40).map((i) => i.slice(0, 200));
}

// ---- Oslo wall-clock time ↔ UTC -------------------------------------------------------------------------

const OSLO_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function osloWallMs(ms: number): number {
  const p = Object.fromEntries(OSLO_PARTS.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
}

/** Offset of Europe/Oslo from UTC at an instant, in milliseconds (+1h winter, +2h summer). */
function osloOffset(ms: number): number {
  return osloWallMs(ms) - Math.floor(ms / 1000) * 1000;
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isClockTime(value: string): boolean {
  return TIME_RE.test(value);
}

/**
 * `2026-11-24` + `10:00` in Oslo → `2026-11-24T09:00:00.000Z`. A time skipped by the spring change is moved
 * forward by the gap (02:30 → 03:30); a repeated autumn hour resolves to the first (summer-time) occurrence.
 */
export function osloLocalToUtc(date: IsoDate, time: string): string {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError('time: expected HH:mm');
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, mo - 1, d, Number(m[1]), Number(m[2]));
  // Try the two offsets that can apply around this wall time; the first that round-trips wins.
  const candidates = [wall - osloOffset(wall - 3 * 3_600_000), wall - osloOffset(wall + 3 * 3_600_000)];
  for (const c of candidates) if (osloWallMs(c) === wall) return new Date(c).toISOString();
  return new Date(wall - osloOffset(wall - 3 * 3_600_000)).toISOString();
}

/** `2026-11-24T09:00:00.000Z` → `{ date: '2026-11-24', time: '10:00' }` in Oslo. */
export function utcToOslo(iso: string): { date: IsoDate; time: string } {
  const wall = new Date(osloWallMs(Date.parse(iso))).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

/** Adds whole days to a calendar date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The Monday of the ISO week a date falls in. */
export function mondayOf(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(date, -weekday);
}

/** ISO week number (1–53) of a date. */
export function isoWeekNumber(date: IsoDate): number {
  const thursday = addDays(mondayOf(date), 3);
  const yearStart = `${thursday.slice(0, 4)}-01-01`;
  const days = (Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${yearStart}T00:00:00Z`)) / 86_400_000;
  return Math.floor(days / 7) + 1;
}

/** The UTC interval [from, to) covering Oslo calendar days `from` up to (not including) `from + days`. */
export function osloDaysToUtcRange(from: IsoDate, days: number): { from: string; to: string } {
  return { from: osloLocalToUtc(from, '00:00'), to: osloLocalToUtc(addDays(from, days), '00:00') };
}

// ---- What a printout may say about the patient ----------------------------------------------------------

export const PATIENT_PRINT_PRIVACY = ['initials_birth_year', 'name_birth_date', 'none'] as const;
export type PatientPrintPrivacy = (typeof PATIENT_PRINT_PRIVACY)[number];
export const PATIENT_PRINT_PRIVACY_LABELS: Record<PatientPrintPrivacy, string> = {
  initials_birth_year: 'Initialer og fødselsår (anbefalt)',
  name_birth_date: 'Fullt navn og fødselsdato',
  none: 'Ingenting om pasienten',
};

/** "Kari Nordmann Testesen" → "K. N. T." */
export function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w !== '')
    .map((w) => `${w.charAt(0).toLocaleUpperCase('nb')}.`)
    .join(' ');
}

/** The patient line of an agenda or minutes, or null when the setting says to print nothing. */
export function patientPrintLine(patient: { name: string; birthDate: IsoDate }, privacy: PatientPrintPrivacy): string | null {
  switch (privacy) {
    case 'none':
      return null;
    case 'name_birth_date': {
      const [y, m, d] = patient.birthDate.split('-');
      return `${patient.name}, født ${d}.${m}.${y}`;
    }
    default:
      return `${initialsOf(patient.name)}, født ${patient.birthDate.slice(0, 4)}`;
  }
}
