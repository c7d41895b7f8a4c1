import { sql, type Kysely } from 'kysely';
import { LETTER_TEMPLATE_ROWS } from './data/20261123_0020_letter_templates.data';

// Appointments, no-show follow-up cases, contact attempts, letters and letter templates (issue #4).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('appointment')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patient.id').onDelete('cascade'))
    .addColumn('pathway_id', 'integer', (c) => c.references('pathway.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('first_attendance','assessment','evaluation','other')`))
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull().check(sql`duration_minutes between 5 and 600`))
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('clinician', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('booked').check(sql`status in ('booked','attended','no_show','cancelled_patient','cancelled_service')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appointment_patient_start').on('appointment').columns(['patient_id', 'start_at']).execute();
  // Conflict warnings look appointments up by time across patients.
  await db.schema.createIndex('appointment_start').on('appointment').column('start_at').execute();

  // Every status change of an appointment, with the reason when one is required (undo of a no-show).
  await db.schema
    .createTable('appointment_status_change')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('appointment_id', 'integer', (c) => c.notNull().references('appointment.id').onDelete('cascade'))
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appointment_status_change_appointment').on('appointment_status_change').columns(['appointment_id', 'at']).execute();

  // One follow-up case per no-show. next_* are derived from the policy and the case's attempts and
  // letters, and kept on every write so the queue is one indexed query.
  await db.schema
    .createTable('no_show_case')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patient.id').onDelete('cascade'))
    .addColumn('appointment_id', 'integer', (c) => c.notNull().references('appointment.id').onDelete('cascade'))
    .addColumn('pathway_id', 'integer', (c) => c.references('pathway.id').onDelete('set null'))
    .addColumn('no_show_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open','closed','escalated','withdrawn')`))
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('new_appointment','declined','closed_not_reached','escalated')`))
    .addColumn('new_appointment_id', 'integer', (c) => c.references('appointment.id').onDelete('set null'))
    .addColumn('next_step', 'text', (c) => c.check(sql`next_step in ('attempt','letter','await_answer')`))
    .addColumn('next_label', 'text')
    .addColumn('next_due', 'text')
    .addColumn('attempt_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('postponed_event_id', 'integer')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('close_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('withdrawn_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('no_show_case_patient').on('no_show_case').columns(['patient_id', 'no_show_at']).execute();
  await db.schema.createIndex('no_show_case_appointment').on('no_show_case').column('appointment_id').execute();
  // The queue: open cases by what is due first, optionally one step kind.
  await sql`create index no_show_case_open_due on no_show_case (next_due, id) where status = 'open'`.execute(db);
  await sql`create index no_show_case_open_step_due on no_show_case (next_step, next_due, id) where status = 'open'`.execute(db);

  await db.schema
    .createTable('contact_attempt')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('no_show_case.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('phone','sms','digital_message','letter')`))
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('reached','no_answer','wrong_number','message_left','other')`))
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_attempt_case').on('contact_attempt').columns(['case_id', 'at']).execute();

  // What was sent is what is shown later: the exact document and its text, never re-rendered.
  // A letter is a draft until it was printed (printed_at); only printed letters count for the policy.
  await db.schema
    .createTable('letter')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('no_show_case.id').onDelete('cascade'))
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patient.id').onDelete('cascade'))
    .addColumn('recipient', 'text', (c) => c.notNull().check(sql`recipient in ('patient','referrer','municipal_coordinator')`))
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('address_lines', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('printed_at', 'text')
    .addColumn('print_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('letter_case').on('letter').columns(['case_id', 'created_at']).execute();

  await db.schema
    .createTable('letter_template')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull().check(sql`recipient in ('patient','referrer','municipal_coordinator')`))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('paragraphs', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .execute();
  // The shipped templates, frozen in ./data (a unit's edits set updated_at; later template changes are new migrations).
  await db.insertInto('letter_template').values(LETTER_TEMPLATE_ROWS).execute();
}
