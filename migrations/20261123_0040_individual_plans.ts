import { sql, type Kysely } from 'kysely';

/**
 * Individual plans (individuell plan, DOMAIN.md §8): one plan per patient, its § 19 content in child
 * tables, and immutable versions kept at each revision. Links to meetings, action items and the contact
 * directory are plain ids (those tables belong to other features and may come later).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('individual_plan')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('patient_id', 'integer', (c) => c.notNull().unique().references('patient.id').onDelete('cascade'))
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('coordinator_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('coordinator_organisation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('coordinator_contact_id', 'integer')
    .addColumn('cooperation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contribution_patient', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contribution_services', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contribution_relatives', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('consent_given_at', 'text')
    .addColumn('consent_given_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('consent_withdrawn_at', 'text')
    /** The date of the most recent revision held; scheduled revision dates on or before it are handled. */
    .addColumn('last_revision_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_participant')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('individual_plan.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('organisation', 'text', (c) => c.notNull().defaultTo(''))
    /** 1 when the patient's consent covers sharing the plan with this participant. */
    .addColumn('consent_covered', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('plan_participant_plan').on('plan_participant').column('plan_id').execute();

  await db.schema
    .createTable('plan_goal')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('individual_plan.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('target_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_goal_plan').on('plan_goal').column('plan_id').execute();

  for (const table of ['plan_resource', 'plan_need']) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('individual_plan.id').onDelete('cascade'))
      .addColumn('text', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${table}_plan`).on(table).column('plan_id').execute();
  }

  await db.schema
    .createTable('plan_measure')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('individual_plan.id').onDelete('cascade'))
    .addColumn('goal_id', 'integer', (c) => c.references('plan_goal.id').onDelete('set null'))
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('how', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('responsible', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned').check(sql`status in ('planned','ongoing','done','stopped')`))
    .addColumn('origin_meeting_id', 'integer')
    .addColumn('origin_action_item_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_measure_plan').on('plan_measure').columns(['plan_id', 'due_date']).execute();
  await db.schema.createIndex('plan_measure_goal').on('plan_measure').column('goal_id').execute();

  await db.schema
    .createTable('plan_progress_note')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('measure_id', 'integer', (c) => c.notNull().references('plan_measure.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_progress_note_measure').on('plan_progress_note').columns(['measure_id', 'date']).execute();

  await db.schema
    .createTable('plan_revision_date')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('individual_plan.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addUniqueConstraint('plan_revision_date_unique', ['plan_id', 'date'])
    .execute();

  // A version is what the plan said on a date: the whole plan and the goal evaluations as JSON, never edited.
  await db.schema
    .createTable('plan_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('individual_plan.id').onDelete('cascade'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addUniqueConstraint('plan_version_unique', ['plan_id', 'version_no'])
    .execute();
  await sql`create trigger plan_version_no_update before update on plan_version begin select raise(abort, 'plan versions are immutable'); end`.execute(db);

  // The "Planer" screen lists patients by the date their plan needs attention (kept on every plan write).
  await sql`create index patient_plan_attention on patient (plan_attention_date, id) where plan_attention_date is not null`.execute(db);
}
