import { sql, type Kysely } from 'kysely';

/** The team store's side of 20261201_0430: open pathways by patient with their due date (the worklist search), active pasientutsatt events by pathway (each worklist row), appointments by pathway (the care-deadline flag). */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index "pathway_open_patient_due" on "pathway" ("patient_id", "due_sort", "id") where status = 'open'`.execute(db);
  await sql`create index "appointment_pathway" on "appointment" ("pathway_id", "status")`.execute(db);
  await sql`create index "pathway_event_postponed" on "pathway_event" ("pathway_id", "date") where type = 'patient_postponed' and status = 'active'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index "appointment_pathway"`.execute(db);
  await sql`drop index "pathway_event_postponed"`.execute(db);
  await sql`drop index "pathway_open_patient_due"`.execute(db);
}
