import { sql, type Kysely } from 'kysely';

/** The team store's side of 20261201_0430: open pathways by patient with their due date, for the worklist search. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index "pathway_open_patient_due" on "pathway" ("patient_id", "due_sort", "id") where status = 'open'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index "pathway_open_patient_due"`.execute(db);
}
