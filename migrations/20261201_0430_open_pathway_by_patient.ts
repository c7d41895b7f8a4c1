import { sql, type Kysely } from 'kysely';

/**
 * Issue #14: a worklist search finds the open caseload's patients in open_search_word (0200), then their open
 * pathways' due dates — for the page order and the group counts. This partial index holds exactly that, for
 * open pathways only (a few thousand entries whatever the history): the search reads no pathway rows but the
 * page's own. Every worklist row shows its latest active pasientutsatt: a partial index of those events alone
 * answers that with one probe per row instead of reading each of the pathway's events. The care-deadline flag
 * reads the booked appointments of the page's pathways near their deadline: by pathway, not a scan of every
 * appointment ever made.
 * Where the file has planner statistics (ANALYZE has run), the new indexes get their own, so the planner
 * weighs them like the others.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index pathway_open_patient_due on pathway (patient_id, due_sort) where status = 'open'`.execute(db);
  await sql`create index pathway_event_postponed on pathway_event (pathway_id, date) where type = 'patient_postponed' and status = 'active'`.execute(db);
  await sql`create index appointment_pathway on appointment (pathway_id, status)`.execute(db);
  const stats = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = 'sqlite_stat1'`.execute(db);
  if (Number(stats.rows[0]?.n ?? 0) > 0) {
    await sql`analyze pathway_open_patient_due`.execute(db);
    await sql`analyze pathway_event_postponed`.execute(db);
    await sql`analyze appointment_pathway`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index appointment_pathway`.execute(db);
  await sql`drop index pathway_event_postponed`.execute(db);
  await sql`drop index pathway_open_patient_due`.execute(db);
}
