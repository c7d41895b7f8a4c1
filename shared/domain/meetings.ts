/**
 * Collaboration meetings (samarbeidsmøter, DOMAIN.md §7): kinds, participant roles, the shipped agenda
 * templates and the patient line a printout may carry.
 * Pure: no node:, DOM or electron imports.
 */
import { CONTACT_ROLE_LABELS, CONTACT_ROLES, type ContactRole } from './contact-roles';
import type { IsoDate } from './iso-date';
import { formatDate } from './time';

export const MEETING_KINDS = ['referral_clarification', 'after_assessment', 'evaluation', 'discharge', 'responsibility_group', 'individual_plan'] as const;
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
  return items
    .map((i) => i.replace(/\s+/g, ' ').trim())
    .filter((i) => i !== '')
    .slice(0, 40)
    .map((i) => i.slice(0, 200));
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
    case 'name_birth_date':
      return `${patient.name}, født ${formatDate(patient.birthDate)}`;
    default:
      return `${initialsOf(patient.name)}, født ${patient.birthDate.slice(0, 4)}`;
  }
}
