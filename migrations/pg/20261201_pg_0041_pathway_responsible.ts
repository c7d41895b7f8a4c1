import { sql, type Kysely } from 'kysely';

/** The team store's side of SQLite 20261201_0360: the responsible person of a pathway (a login). */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table pathway add column responsible text default '' not null`.execute(db);
  await sql`create index pathway_worklist_responsible on pathway (responsible, due_sort, id) where status = 'open'`.execute(db);
}
