import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // What happened in a pathway: recording it is the coding (DOMAIN.md §4). Corrections never overwrite:
  // the old row is marked 'corrected' and points to its replacement, with the reason.
  await db.schema
    .createTable('pathway_event')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('pathway_id', 'integer', (c) => c.notNull().references('pathway.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('until', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active','corrected','withdrawn')`))
    .addColumn('replaced_by', 'integer')
    .addColumn('correction_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pathway_event_pathway').on('pathway_event').columns(['pathway_id', 'date']).execute();

  // The unit's postal address, for letterheads and return addresses.
  await db.schema.alterTable('profile').addColumn('unit_address', 'text', (c) => c.notNull().defaultTo('')).execute();

  // Worklist flags kept on write by the feature that owns them, so the worklist query never joins
  // the no-show, meeting or plan tables (it must stay instant with years of data).
  await db.schema.alterTable('patient').addColumn('open_no_shows', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('patient').addColumn('next_meeting_date', 'text').execute();
  await db.schema.alterTable('patient').addColumn('plan_attention_date', 'text').execute();
}
