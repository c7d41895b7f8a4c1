import type { Kysely } from 'kysely';

const BEFORE = [
  "Hei, {{patient.name}}",
  "Du hadde time hos oss {{appointment.date}} kl. {{appointment.time}} på {{appointment.place}}. Vi har registrert at du ikke kom til timen.",
  "Det kan være mange grunner til at man ikke kommer til en time. Vi vil gjerne fortsatt gi deg et tilbud.",
  "Ring oss på {{unit.phone}} for å få en ny time. Du kan også ringe koordinatoren din, {{coordinator.name}}, på {{coordinator.phone}}.",
  "Du kan gjerne ta med deg noen du stoler på til timen, for eksempel en pårørende.",
  "Hvis vi ikke hører fra deg innen 14 dager, kan vi avslutte henvisningen. Da gir vi beskjed til den som henviste deg. Du kan bli henvist på nytt senere.",
  "Hvis du trenger hjelp raskt, kan du kontakte fastlegen din eller legevakten på telefon 116 117. Er det fare for liv eller helse, ring 113.",
  "Hvis du er uenig i hvordan vi har fulgt deg opp, har du rett til å klage. Send klagen først til oss: {{unit.name}}, {{unit.address}}. Hvis du ikke er fornøyd med svaret, kan du klage til Statsforvalteren. Retten til å klage står i pasient- og brukerrettighetsloven kapittel 7. Pasient- og brukerombudet kan hjelpe deg med klagen, og det er gratis.",
  "Med vennlig hilsen\n{{coordinator.name}}\n{{unit.name}}",
];
const AFTER = [
  "Hei, {{patient.name}}",
  "Du hadde time hos oss {{appointment.date}} kl. {{appointment.time}} på {{appointment.place}}. Vi har registrert at du ikke kom til timen.",
  "Det kan være mange grunner til at man ikke kommer til en time. Vi vil gjerne fortsatt gi deg et tilbud.",
  "Ring koordinatoren din, {{coordinator.name}}, på {{coordinator.phone}} for å få en ny time.",
  "Du kan gjerne ta med deg noen du stoler på til timen, for eksempel en pårørende.",
  "Hvis vi ikke hører fra deg innen 14 dager, kan vi avslutte henvisningen. Da gir vi beskjed til den som henviste deg. Du kan bli henvist på nytt senere.",
  "Hvis du trenger hjelp raskt, kan du kontakte fastlegen din eller legevakten på telefon 116 117. Er det fare for liv eller helse, ring 113.",
  "Hvis du er uenig i hvordan vi har fulgt deg opp, har du rett til å klage. Send klagen først til oss: {{unit.name}}, {{unit.address}}. Hvis du ikke er fornøyd med svaret, kan du klage til Statsforvalteren. Retten til å klage står i pasient- og brukerrettighetsloven kapittel 7. Pasient- og brukerombudet kan hjelpe deg med klagen, og det er gratis.",
  "Med vennlig hilsen\n{{coordinator.name}}\n{{unit.name}}",
];

/**
 * The patient's no-show letter named the phone twice when the coordinator has no direct number ("Ring oss på
 * 22 00 00 00 … Du kan også ringe koordinatoren din, Kari, på 22 00 00 00": {{coordinator.phone}} falls back to
 * the unit's phone). Now one sentence: the coordinator by name, on {{coordinator.phone}} — the person's direct number
 * when they gave one (Innstillinger › Min profil), else the unit's. Literal data (frozen migrations): the shipped
 * text before and after. A template the unit has edited is left as the unit wrote it.
 */
export const CHANGE = { id: 'missed_appointment_patient', before: BEFORE, after: AFTER } as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('letter_template')
    .set({ paragraphs: JSON.stringify(AFTER) })
    .where('id', '=', CHANGE.id)
    .where('paragraphs', '=', JSON.stringify(BEFORE))
    .execute();
}
