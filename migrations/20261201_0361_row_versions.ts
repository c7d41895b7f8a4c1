import { sql, type Kysely } from 'kysely';

/**
 * Optimistic concurrency on the records people edit: row_version goes up by one on every save and a save
 * carrying an older version is refused; updated_by is who saved last (the login) and changed_fields which columns
 * that save changed (comma-separated), for the refusal's message.
 */
const TABLES = ['patient', 'plan_measure', 'meeting_minutes'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const t of TABLES) {
    await sql`alter table ${sql.table(t)} add column row_version integer not null default 1`.execute(db);
    await sql`alter table ${sql.table(t)} add column updated_by text not null default ''`.execute(db);
    await sql`alter table ${sql.table(t)} add column changed_fields text not null default ''`.execute(db);
  }
}
