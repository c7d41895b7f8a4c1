import { sql, type Kysely } from 'kysely';

/**
 * Issue #13 §2: transfers between pathways and units, evaluations proposed from what happens anyway, the
 * treatment plan made with the patient, and the end-of-pathway reason.
 * - pathway.transferred_from_id: the pathway this one continues (a transfer inside the trust);
 *   transfer_kind / transferred_on / receiving_trust on the pathway that left (another trust: named there);
 * - pathway.treatment_plan_on / treatment_plan_by: "behandlingsplan utarbeidet med pasient" (date, who recorded it);
 * - pathway_event.end_reason: a code from end_reason, on the end event;
 * - end_reason: the reasons as data (the code guide's list is not verified: DOMAIN.md §4), with source and confidence;
 * - evaluation_proposal: a held evaluation meeting or an attended evaluation appointment the coordinator confirmed
 *   (the evaluation event it recorded) or dismissed, so it is proposed once.
 */
const SOURCE_OTHER_PATHWAY =
  'Ordlyd fra Helsedirektoratets kodeverk for et annet nasjonalt forløp (langvarig utmattelse, utfall OID 9379); ikke bekreftet for psykisk helse og rus';
const SOURCE_CHANGE_LOG =
  'Helsedirektoratet, nasjonale pasientforløp psykisk helse og rus, endringslogg 30.09.2022: ny kode for overføring til avtalespesialist for ferdigbehandling og avslutning (kodebokstaven er ikke gjengitt der)';
const SOURCE_NONE = 'Ingen offentlig kilde funnet; lokal liste';

export const END_REASON_ROWS = [
  { code: 'completed', label: 'Forløpet er fullført', confidence: 'unconfirmed', source: SOURCE_NONE, sort: 1 },
  { code: 'transferred_internal', label: 'Overført til annet forløp eller annen enhet i helseforetaket', confidence: 'unconfirmed', source: SOURCE_NONE, sort: 2 },
  { code: 'transferred_other_trust', label: 'Overført til annet helseforetak / privat behandlingssted', confidence: 'unconfirmed', source: SOURCE_OTHER_PATHWAY, sort: 3 },
  { code: 'contract_specialist', label: 'Overført til avtalespesialist for ferdigbehandling', confidence: 'confirmed', source: SOURCE_CHANGE_LOG, sort: 4 },
  { code: 'patient_declined', label: 'Pasienten ønsker ikke å fullføre forløpet', confidence: 'unconfirmed', source: SOURCE_OTHER_PATHWAY, sort: 5 },
  { code: 'died', label: 'Pasienten er død', confidence: 'unconfirmed', source: SOURCE_OTHER_PATHWAY, sort: 6 },
  { code: 'other', label: 'Avslutning av andre årsaker', confidence: 'unconfirmed', source: SOURCE_OTHER_PATHWAY, sort: 7 },
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pathway').addColumn('transferred_from_id', 'integer', (c) => c.references('pathway.id')).execute();
  await db.schema
    .alterTable('pathway')
    .addColumn('transfer_kind', 'text', (c) => c.check(sql`transfer_kind in ('d12_to_d11','phv_to_tsb','tsb_to_phv','ocd_team','psychosis_team','other_trust')`))
    .execute();
  await db.schema.alterTable('pathway').addColumn('transferred_on', 'text').execute();
  await db.schema.alterTable('pathway').addColumn('receiving_trust', 'text').execute();
  await db.schema.alterTable('pathway').addColumn('treatment_plan_on', 'text').execute();
  await db.schema.alterTable('pathway').addColumn('treatment_plan_by', 'text').execute();
  await db.schema.createIndex('pathway_transferred_from').on('pathway').column('transferred_from_id').execute();
  await db.schema.alterTable('pathway_event').addColumn('end_reason', 'text').execute();

  await db.schema
    .createTable('end_reason')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('confidence', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('end_reason').values(END_REASON_ROWS).execute();

  await db.schema
    .createTable('evaluation_proposal')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('pathway_id', 'integer', (c) => c.notNull().references('pathway.id').onDelete('cascade'))
    .addColumn('source_kind', 'text', (c) => c.notNull().check(sql`source_kind in ('meeting','appointment')`))
    .addColumn('source_id', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('confirmed','dismissed')`))
    .addColumn('event_id', 'integer')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('evaluation_proposal_once', ['pathway_id', 'source_kind', 'source_id'])
    .execute();
}
