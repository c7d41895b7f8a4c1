import { sql, type Kysely } from 'kysely';

// A working day without loss (issue 16):
// - contacts carry a postal address, so letters to GPs and municipal contacts can be posted;
// - an escalated no-show case stays on a list until the clinician's answer is recorded;
// - closing a case before the response time its letters promise keeps the override reason.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contact').addColumn('address', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('contact').addColumn('postal_code', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('contact').addColumn('postal_place', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('no_show_case').addColumn('escalation_answered_at', 'text').execute();
  await db.schema.alterTable('no_show_case').addColumn('escalation_answer', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('no_show_case').addColumn('close_override_reason', 'text').execute();
  // The list of escalated cases still waiting for the clinician's answer (partial: the open queue keeps its index).
  await sql`create index no_show_case_escalated_waiting on no_show_case (closed_at, id) where status = 'escalated' and escalation_answered_at is null`.execute(db);
}
