import type { Kysely } from 'kysely';

const BEFORE_REF = [
  "Vi viser til henvisningen av {{patient.name}} til {{unit.name}}.",
  "Pasienten hadde time hos oss {{appointment.date}} kl. {{appointment.time}}, men møtte ikke.",
  "Dette har vi gjort for å få kontakt med pasienten:\n{{attempts.summary}}",
  "Per {{today}} har vi ikke fått kontakt. Hvis pasienten ikke tar kontakt med oss innen 14 dager, avslutter vi henvisningen. Pasienten kan henvises på nytt senere.",
  "Vi ber deg vurdere om pasienten trenger oppfølging fra deg. Ta gjerne kontakt hvis du har opplysninger som kan hjelpe oss å nå pasienten, eller hvis du er bekymret for pasienten.",
  "Du når koordinator {{coordinator.name}} på telefon {{coordinator.phone}}, eller oss på {{unit.phone}}.",
  "Med vennlig hilsen\n{{coordinator.name}}\n{{unit.name}}",
];
const AFTER_REF = [
  "Vi viser til henvisningen av {{patient.name}} til {{unit.name}}.",
  "Pasienten hadde time hos oss {{appointment.date}} kl. {{appointment.time}}, men møtte ikke.",
  "Dette har vi gjort for å få kontakt med pasienten:\n{{attempts.summary}}",
  "Per {{today}} har vi ikke fått kontakt. Hvis pasienten ikke tar kontakt med oss innen 14 dager, avslutter vi henvisningen. Pasienten kan henvises på nytt senere.",
  "Vi ber deg vurdere om pasienten trenger oppfølging fra deg. Ta gjerne kontakt hvis du har opplysninger som kan hjelpe oss å nå pasienten, eller hvis du er bekymret for pasienten.",
  "Du når koordinator {{coordinator.name}} på telefon {{coordinator.phone}}.",
  "Med vennlig hilsen\n{{coordinator.name}}\n{{unit.name}}",
];
const BEFORE_MUN = [
  "Vi tar kontakt om {{patient.name}}, som har en avtale om oppfølging hos {{unit.name}}.",
  "Grunnlaget for at vi deler denne opplysningen med kommunen: {{sharing.basis}}.",
  "Pasienten kom ikke til avtalt time {{appointment.date}}, og vi har ikke fått kontakt etter dette.",
  "Vi ber om at dere vurderer om pasienten trenger oppfølging fra kommunen. Ta gjerne kontakt med oss hvis dere har kontakt med pasienten, eller hvis dere er bekymret.",
  "Du når koordinator {{coordinator.name}} på telefon {{coordinator.phone}}, eller oss på {{unit.phone}}.",
  "Brevet inneholder opplysninger som er underlagt taushetsplikt.",
  "Med vennlig hilsen\n{{coordinator.name}}\n{{unit.name}}",
];
const AFTER_MUN = [
  "Vi tar kontakt om {{patient.name}}, som har en avtale om oppfølging hos {{unit.name}}.",
  "Grunnlaget for at vi deler denne opplysningen med kommunen: {{sharing.basis}}.",
  "Pasienten kom ikke til avtalt time {{appointment.date}}, og vi har ikke fått kontakt etter dette.",
  "Vi ber om at dere vurderer om pasienten trenger oppfølging fra kommunen. Ta gjerne kontakt med oss hvis dere har kontakt med pasienten, eller hvis dere er bekymret.",
  "Du når koordinator {{coordinator.name}} på telefon {{coordinator.phone}}.",
  "Brevet inneholder opplysninger som er underlagt taushetsplikt.",
  "Med vennlig hilsen\n{{coordinator.name}}\n{{unit.name}}",
];

/**
 * The referrer and municipal letters named the unit's phone twice when no coordinator phone is set
 * ("på telefon 22 00 00 00, eller oss på 22 00 00 00": {{coordinator.phone}} falls back to the unit's phone).
 * The sentence now names {{coordinator.phone}} only. Literal data (frozen migrations): the shipped text before
 * and after. A template the unit has edited is left as the unit wrote it.
 */
export const CHANGES: readonly { id: string; before: readonly string[]; after: readonly string[] }[] = [
  { id: 'referrer_not_reached', before: BEFORE_REF, after: AFTER_REF },
  { id: 'municipal_not_reached', before: BEFORE_MUN, after: AFTER_MUN },
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const c of CHANGES) {
    await db
      .updateTable('letter_template')
      .set({ paragraphs: JSON.stringify(c.after) })
      .where('id', '=', c.id)
      .where('paragraphs', '=', JSON.stringify(c.before))
      .execute();
  }
}
