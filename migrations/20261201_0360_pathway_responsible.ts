import { sql, type Kysely } from 'kysely';

/**
 * Each open pathway has a responsible person (the coordinator, or administrative staff until the patient has a
 * clinician): their login (the OS user on the local store, the database login on the team store). '' is the
 * store's one user — every pathway of a local store from before this column. The team store's "Mine" reads the
 * partial index below.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table pathway add column responsible text not null default ''`.execute(db);
  await sql`create index pathway_worklist_responsible on pathway (responsible, due_sort, id) where status = 'open'`.execute(db);
}
