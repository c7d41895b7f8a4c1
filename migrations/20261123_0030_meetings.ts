import { sql, type Kysely } from 'kysely';

/**
 * Collaboration meetings (issue 5): the contact directory, meetings with participants, agendas, minutes in
 * versions (a finalized version is locked by the database itself) and action items.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('contact')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('municipality_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_municipality_role').on('contact').columns(['municipality_number', 'role']).execute();
  // Find-as-you-type: every word of name and organisation, lower-cased, so "hans" finds "Ola Hansen" by an
  // index range scan (word >= 'hans' and word < 'hans\uffff'), never a table scan.
  await db.schema
    .createTable('contact_word')
    .addColumn('word', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contact.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('contact_word_pk', ['word', 'contact_id'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await db.schema.createIndex('contact_word_contact').on('contact_word').column('contact_id').execute();

  await db.schema
    .createTable('meeting')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patient.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull().check(sql`duration_minutes > 0 and duration_minutes <= 480`))
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('video_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned').check(sql`status in ('planned','held','cancelled')`))
    .addColumn('ics_uid', 'text', (c) => c.notNull().unique())
    .addColumn('ics_sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('conflict_reason', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_start').on('meeting').columns(['start_at', 'status']).execute();
  await db.schema.createIndex('meeting_patient_start').on('meeting').columns(['patient_id', 'start_at']).execute();

  await db.schema
    .createTable('meeting_participant')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.references('contact.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('consent_covers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_patient', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_relative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('meeting_participant_meeting').on('meeting_participant').column('meeting_id').execute();
  await db.schema.createIndex('meeting_participant_contact').on('meeting_participant').column('contact_id').execute();

  await db.schema
    .createTable('meeting_agenda_item')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // Where the item came from: the kind's template, typed in, an earlier meeting's action, the individual plan.
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('source_id', 'integer')
    .execute();
  await db.schema.createIndex('meeting_agenda_item_meeting').on('meeting_agenda_item').columns(['meeting_id', 'position']).execute();

  // Minutes in versions. A finalized version is never changed again; a later change is a new version.
  await db.schema
    .createTable('meeting_minutes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','final')`))
    /** JSON: [{ agendaItemId, title, note }] — the title is kept so an old version reads as it was. */
    .addColumn('notes_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('decisions', 'text', (c) => c.notNull().defaultTo(''))
    /** JSON snapshot of the action items when the version was finalized (null while a draft). */
    .addColumn('actions_json', 'text')
    .addColumn('finalized_at', 'text')
    .addColumn('finalized_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('meeting_minutes_version', ['meeting_id', 'version'])
    .execute();
  await sql`create trigger meeting_minutes_final_locked before update on meeting_minutes when old.status = 'final'
    begin select raise(abort, 'finalized minutes are locked'); end`.execute(db);

  await db.schema
    .createTable('meeting_action_item')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('due_date', 'text')
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    /** Set by the individual-plan feature when the action becomes a measure in the plan. */
    .addColumn('plan_measure_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_action_item_meeting').on('meeting_action_item').column('meeting_id').execute();
}
