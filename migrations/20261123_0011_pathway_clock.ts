import { sql, type Kysely } from 'kysely';
import { recomputePathwayClocks } from './frozen/20261123_0011/recompute';

/**
 * The pathway clock on the pathway row: the rule version it runs under, the care deadline (*frist*) set at
 * assessment, and the values derived from its facts on every write (next due date and action, data-quality
 * flag count, measurement dates for the overview). The worklist reads them through one partial index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const add = (name: string, type: 'text' | 'integer', build?: (c: any) => any) =>
    db.schema.alterTable('pathway').addColumn(name, type, build ?? ((c) => c)).execute();
  await add('rule_version_id', 'text');
  await add('care_deadline', 'text');
  await add('severity', 'text');
  await add('due_sort', 'text', (c) => c.notNull().defaultTo('9999-12-31'));
  await add('next_due_date', 'text');
  await add('next_action_key', 'text', (c) => c.notNull().defaultTo('none'));
  await add('next_action_label', 'text', (c) => c.notNull().defaultTo(''));
  await add('next_action_kind', 'text', (c) => c.notNull().defaultTo('none'));
  await add('dq_flags', 'integer', (c) => c.notNull().defaultTo(0));
  await add('open_postponed', 'integer', (c) => c.notNull().defaultTo(0));
  await add('assessment_due', 'text');
  await add('care_start_due', 'text');
  await add('first_attendance_on', 'text');
  await add('first_eval_due', 'text');
  await add('first_eval_on', 'text');
  await add('closed_on', 'text');

  // The worklist's default order (next due first, "no deadline" last) and its pathway-type filter.
  await sql`create index pathway_worklist on pathway (due_sort, id) where status = 'open'`.execute(db);
  await sql`create index pathway_worklist_type on pathway (pathway_type, due_sort, id) where status = 'open'`.execute(db);
  // The overview's period (referrals received in a period) over all pathways, open or not.
  await db.schema.createIndex('pathway_received').on('pathway').columns(['referral_received', 'id']).execute();

  await db.schema.alterTable('pathway_event').addColumn('help_need', 'text').execute();

  // Why a deadline was not kept: one reason per pathway and deadline, kept when the deadline is met later.
  await db.schema
    .createTable('pathway_breach')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('pathway_id', 'integer', (c) => c.notNull().references('pathway.id').onDelete('cascade'))
    .addColumn('deadline_key', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('reason_code', 'text', (c) => c.notNull().references('breach_reason.code'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create unique index pathway_breach_key on pathway_breach (pathway_id, deadline_key)`.execute(db);
  await db.schema.createIndex('pathway_breach_due').on('pathway_breach').columns(['due_date']).execute();

  // Pathways written before this migration get their rule version and derived columns now, computed by the
  // clock as it was when this migration shipped (a frozen copy in ./frozen/20261123_0011, never the live one).
  await recomputePathwayClocks(db as never, { all: true }, new Date());
}
