import { sql, type Kysely } from 'kysely';

/**
 * worklist.people names everyone responsible for any pathway ever recorded. The worklist's responsible index is
 * partial (open pathways only), so that read scanned every pathway (138-180 ms at 100k patients, on the start
 * path). A full index on responsible lets it step from one distinct login to the next: one index search per person.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index pathway_responsible on pathway (responsible)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index pathway_responsible`.execute(db);
}
