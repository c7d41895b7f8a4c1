import type { Kysely } from 'kysely';

/**
 * Issue #13 §1: the municipal-coordinator letter gets its own text (it reused the GP's) and a sharing
 * basis. Literal data, the same as MUNICIPAL_NOT_REACHED in shared/domain/letter-templates.ts. Also the
 * referrer template's label loses the ambiguous "Ikke nådd" (only when the unit has not edited it).
 */
const SIGNATURE = 'Med vennlig hilsen\n{{coordinator.name}}\n{{unit.name}}';
const MUNICIPAL = {
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
    'Du når koordinator {{coordinator.name}} på telefon {{coordinator.phone}}, eller oss på {{unit.phone}}.',
    'Brevet inneholder opplysninger som er underlagt taushetsplikt.',
    SIGNATURE,
  ],
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('letter').addColumn('sharing_basis', 'text').execute();
  await db.schema.alterTable('letter').addColumn('sharing_basis_note', 'text').execute();
  await db
    .insertInto('letter_template')
    .values({ ...MUNICIPAL, paragraphs: JSON.stringify(MUNICIPAL.paragraphs), updated_at: null })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .updateTable('letter_template')
    .set({ label: 'Fikk ikke kontakt – brev til henviser/fastlege' })
    .where('id', '=', 'referrer_not_reached')
    .where('label', '=', 'Ikke nådd – brev til henviser/fastlege')
    .execute();
}
