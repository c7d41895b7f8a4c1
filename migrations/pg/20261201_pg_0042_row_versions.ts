import { sql, type Kysely } from 'kysely';

/** The team store's side of SQLite 20261201_0361: row versions and last editor on the records people edit. */
const TABLES = ['patient', 'plan_measure', 'meeting_minutes'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const t of TABLES) {
    await sql`alter table ${sql.table(t)} add column row_version integer default 1 not null`.execute(db);
    await sql`alter table ${sql.table(t)} add column updated_by text default '' not null`.execute(db);
    await sql`alter table ${sql.table(t)} add column changed_fields text default '' not null`.execute(db);
  }
}
