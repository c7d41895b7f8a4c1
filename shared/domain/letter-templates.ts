/**
 * The shipped letter templates for no-show follow-up (DOMAIN.md §6), in plain, respectful
 * bokmål. No diagnosis and nothing about the kind of care: a letter can be read by others at
 * the patient's address. Letters to the patient carry the right to complain.
 * The renderer and the field list live in letter-template.ts.
 */
import type { LetterTemplate } from './letter-template';
import { ANSWER_WINDOW_DAYS } from './no-show-policy';

/** The right to complain: first to the service, then to the county governor (pbrl. kapittel 7). */
export const COMPLAINT_PARAGRAPH =
  'Hvis du er uenig i hvordan vi har fulgt deg opp, har du rett til å klage. Send klagen først til oss: ' +
  '{{unit.name}}, {{unit.address}}. Hvis du ikke er fornøyd med svaret, kan du klage til Statsforvalteren. ' +
  'Retten til å klage står i pasient- og brukerrettighetsloven kapittel 7. Pasient- og brukerombudet kan ' +
  'hjelpe deg med klagen, og det er gratis.';

const URGENT_HELP_PARAGRAPH =
  'Hvis du trenger hjelp raskt, kan du kontakte fastlegen din eller legevakten på telefon 116 117. ' + 'Er det fare for liv eller helse, ring 113.';

export const LETTER_TEMPLATE_IDS = ['missed_appointment_patient', 'case_closed_patient', 'referrer_not_reached', 'municipal_not_reached'] as const;
export type LetterTemplateId = (typeof LETTER_TEMPLATE_IDS)[number];
export type ShippedTemplate = LetterTemplate & { id: LetterTemplateId };

const PATIENT_ADDRESS = '{{patient.name}}\n{{patient.address}}\n{{patient.postalAddress}}';
const GREETING = 'Hei, {{patient.name}}';
const SIGNATURE = 'Med vennlig hilsen\n{{coordinator.name}}\n{{unit.name}}';

export const MISSED_APPOINTMENT_PATIENT: ShippedTemplate = {
  id: 'missed_appointment_patient',
  label: 'Ikke møtt – brev til pasienten',
  recipient: 'patient',
  address: PATIENT_ADDRESS,
  subject: 'Timen din {{appointment.date}} – vi vil gjerne høre fra deg',
  paragraphs: [
    GREETING,
    'Du hadde time hos oss {{appointment.date}} kl. {{appointment.time}} på {{appointment.place}}. ' + 'Vi har registrert at du ikke kom til timen.',
    'Det kan være mange grunner til at man ikke kommer til en time. Vi vil gjerne fortsatt gi deg et tilbud.',
    // {{coordinator.phone}} is the person's direct number, else the unit's phone: named once (migration 0440).
    'Ring koordinatoren din, {{coordinator.name}}, på {{coordinator.phone}} for å få en ny time.',
    'Du kan gjerne ta med deg noen du stoler på til timen, for eksempel en pårørende.',
    `Hvis vi ikke hører fra deg innen ${ANSWER_WINDOW_DAYS} dager, kan vi avslutte henvisningen. ` +
      'Da gir vi beskjed til den som henviste deg. Du kan bli henvist på nytt senere.',
    URGENT_HELP_PARAGRAPH,
    COMPLAINT_PARAGRAPH,
    SIGNATURE,
  ],
};

export const CASE_CLOSED_PATIENT: ShippedTemplate = {
  id: 'case_closed_patient',
  label: 'Avsluttet – brev til pasienten',
  recipient: 'patient',
  address: PATIENT_ADDRESS,
  subject: 'Henvisningen din er avsluttet',
  paragraphs: [
    GREETING,
    'Du hadde time hos oss {{appointment.date}} kl. {{appointment.time}}, men kom ikke. ' + 'Vi har prøvd å få kontakt med deg etter dette, uten å lykkes.',
    'Vi har derfor avsluttet henvisningen din hos {{unit.name}}, og vi har gitt beskjed til den som henviste deg.',
    'Hvis du fortsatt ønsker hjelp fra oss, kan du snakke med fastlegen din om en ny henvisning. ' + 'Har du spørsmål, kan du ringe oss på {{unit.phone}}.',
    URGENT_HELP_PARAGRAPH,
    COMPLAINT_PARAGRAPH,
    SIGNATURE,
  ],
};

export const REFERRER_NOT_REACHED: ShippedTemplate = {
  id: 'referrer_not_reached',
  label: 'Fikk ikke kontakt – brev til henviser/fastlege',
  recipient: 'referrer',
  address: '{{referrer.name}}',
  subject: 'Tilbakemelding: {{patient.name}} møtte ikke til time',
  paragraphs: [
    'Vi viser til henvisningen av {{patient.name}} til {{unit.name}}.',
    'Pasienten hadde time hos oss {{appointment.date}} kl. {{appointment.time}}, men møtte ikke.',
    'Dette har vi gjort for å få kontakt med pasienten:\n{{attempts.summary}}',
    `Per {{today}} har vi ikke fått kontakt. Hvis pasienten ikke tar kontakt med oss innen ${ANSWER_WINDOW_DAYS} ` +
      'dager, avslutter vi henvisningen. Pasienten kan henvises på nytt senere.',
    'Vi ber deg vurdere om pasienten trenger oppfølging fra deg. Ta gjerne kontakt hvis du har opplysninger ' +
      'som kan hjelpe oss å nå pasienten, eller hvis du er bekymret for pasienten.',
    // {{coordinator.phone}} is the unit's phone when no coordinator phone is set: named once (migration 0310).
    'Du når koordinator {{coordinator.name}} på telefon {{coordinator.phone}}.',
    SIGNATURE,
  ],
};

/**
 * To the municipal coordinator (issue #13): its own text, not the GP's. Sharing with the municipality needs
 * the patient's consent or another legal basis; the service refuses the letter without one and the letter
 * names it. Only what the municipality needs: no diagnosis, no details of the care. Same text as migration
 * 20261201_0103 (which inserts it as literal data).
 */
export const MUNICIPAL_NOT_REACHED: ShippedTemplate = {
  id: 'municipal_not_reached',
  label: 'Fikk ikke kontakt – brev til koordinator i kommunen',
  recipient: 'municipal_coordinator',
  address: 'Koordinator i kommunen',
  subject: 'Samarbeid om oppfølging av {{patient.name}}',
  paragraphs: [
    'Vi tar kontakt om {{patient.name}}, som har en avtale om oppfølging hos {{unit.name}}.',
    'Grunnlaget for at vi deler denne opplysningen med kommunen: {{sharing.basis}}.',
    'Pasienten kom ikke til avtalt time {{appointment.date}}, og vi har ikke fått kontakt etter dette.',
    'Vi ber om at dere vurderer om pasienten trenger oppfølging fra kommunen. Ta gjerne kontakt med oss hvis dere har ' +
      'kontakt med pasienten, eller hvis dere er bekymret.',
    // {{coordinator.phone}} is the unit's phone when no coordinator phone is set: named once (migration 0310).
    'Du når koordinator {{coordinator.name}} på telefon {{coordinator.phone}}.',
    'Brevet inneholder opplysninger som er underlagt taushetsplikt.',
    SIGNATURE,
  ],
};

export const LETTER_TEMPLATES: readonly ShippedTemplate[] = [MISSED_APPOINTMENT_PATIENT, CASE_CLOSED_PATIENT, REFERRER_NOT_REACHED, MUNICIPAL_NOT_REACHED];

export function letterTemplate(id: string): ShippedTemplate | undefined {
  return LETTER_TEMPLATES.find((t) => t.id === id);
}
