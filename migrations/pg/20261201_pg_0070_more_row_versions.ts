import { sql, type Kysely } from 'kysely';

/** The team store's side of SQLite 20261201_0390: row versions and last editor on the rest of what people edit in place. */
const TABLES = ['meeting', 'no_show_case', 'appointment', 'individual_plan', 'plan_participant', 'plan_goal', 'plan_resource', 'plan_need', 'contact', 'referrer'] as const;

/** Rows that had no time of their last change, for the conflict's "when". */
const UNSTAMPED = ['plan_participant', 'plan_goal', 'plan_resource', 'plan_need'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const t of UNSTAMPED) await sql`alter table ${sql.table(t)} add column updated_at text default '' not null`.execute(db);
  for (const t of TABLES) {
    await sql`alter table ${sql.table(t)} add column row_version integer default 1 not null`.execute(db);
    await sql`alter table ${sql.table(t)} add column updated_by text default '' not null`.execute(db);
    await sql`alter table ${sql.table(t)} add column changed_fields text default '' not null`.execute(db);
  }
}
