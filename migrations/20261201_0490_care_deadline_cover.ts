import { sql, type Kysely } from 'kysely';

/**
 * The worklist's fristbrudd flag from the page's own rows: a pathway keeps the earliest start of its booked
 * appointments (care_first_booked_at, ISO UTC) and the earliest date offered to the patient and postponed by them
 * (care_first_offer_date). Whether either falls on or before the legal deadline is all the flag needs of them
 * (shared/domain/care-deadline-breach.ts: the earliest one decides), so a page no longer reads the appointment and
 * postponement tables for its rows. Triggers recompute both for every pathway a booking or postponement touches.
 */
const booked = (id: string) =>
  `update pathway set care_first_booked_at = (select min(a.start_at) from appointment a where a.pathway_id = ${id} and a.status = 'booked') where id = ${id};`;
const offered = (id: string) =>
  `update pathway set care_first_offer_date = (select min(p.offered_date) from care_deadline_postponement p where p.pathway_id = ${id}) where id = ${id};`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table pathway add column care_first_booked_at text`.execute(db);
  await sql`alter table pathway add column care_first_offer_date text`.execute(db);
  await sql`update pathway set
    care_first_booked_at = (select min(a.start_at) from appointment a where a.pathway_id = pathway.id and a.status = 'booked'),
    care_first_offer_date = (select min(p.offered_date) from care_deadline_postponement p where p.pathway_id = pathway.id)
    where exists (select 1 from appointment a where a.pathway_id = pathway.id and a.status = 'booked')
       or exists (select 1 from care_deadline_postponement p where p.pathway_id = pathway.id)`.execute(db);
  await sql.raw(`create trigger care_cover_on_appointment_insert after insert on appointment when new.pathway_id is not null and new.status = 'booked'
    begin ${booked('new.pathway_id')} end`).execute(db);
  await sql.raw(`create trigger care_cover_on_appointment_update after update of status, start_at, pathway_id on appointment
    begin ${booked('old.pathway_id')} ${booked('new.pathway_id')} end`).execute(db);
  await sql.raw(`create trigger care_cover_on_appointment_delete after delete on appointment when old.pathway_id is not null and old.status = 'booked'
    begin ${booked('old.pathway_id')} end`).execute(db);
  await sql.raw(`create trigger care_cover_on_postponement_insert after insert on care_deadline_postponement
    begin ${offered('new.pathway_id')} end`).execute(db);
  await sql.raw(`create trigger care_cover_on_postponement_update after update of offered_date, pathway_id on care_deadline_postponement
    begin ${offered('old.pathway_id')} ${offered('new.pathway_id')} end`).execute(db);
  await sql.raw(`create trigger care_cover_on_postponement_delete after delete on care_deadline_postponement
    begin ${offered('old.pathway_id')} end`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['appointment_insert', 'appointment_update', 'appointment_delete', 'postponement_insert', 'postponement_update', 'postponement_delete'])
    await sql.raw(`drop trigger care_cover_on_${t}`).execute(db);
  await sql`alter table pathway drop column care_first_offer_date`.execute(db);
  await sql`alter table pathway drop column care_first_booked_at`.execute(db);
}
