import { sql, type Kysely } from 'kysely';

/**
 * Issue #13 §1: registering an event here is not NPR reporting — the event must also be registered in the
 * patient record system. One row per pathway event marked "registered in the record system", so the daily
 * list "til registrering i journalsystemet" shows what is still to do. Literal SQL only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('record_registration')
    .addColumn('event_id', 'integer', (c) => c.primaryKey().references('pathway_event.id').onDelete('cascade'))
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('registered_by', 'text', (c) => c.notNull())
    .execute();
  // The list reads active events by date; registered ones are excluded through the primary key above.
  await sql`create index if not exists pathway_event_active_date on pathway_event (date, id) where status = 'active'`.execute(db);
}
