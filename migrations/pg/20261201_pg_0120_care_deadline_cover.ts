import { sql, type Kysely } from 'kysely';

/**
 * The team store's side of SQLite 20261201_0490 (care_deadline_cover): a pathway keeps the earliest start of its
 * booked appointments and the earliest date offered and postponed by the patient, recomputed by triggers for every
 * pathway a booking or postponement touches, so the worklist's fristbrudd flag reads only the page's rows.
 */
const STATEMENTS: readonly string[] = [
  `alter table pathway add column care_first_booked_at text`,
  `alter table pathway add column care_first_offer_date text`,
  `update pathway set
     care_first_booked_at = (select min(a.start_at) from appointment a where a.pathway_id = pathway.id and a.status = 'booked'),
     care_first_offer_date = (select min(p.offered_date) from care_deadline_postponement p where p.pathway_id = pathway.id)
   where exists (select 1 from appointment a where a.pathway_id = pathway.id and a.status = 'booked')
      or exists (select 1 from care_deadline_postponement p where p.pathway_id = pathway.id)`,
  `create function forlopsbenk_care_booked(pid bigint) returns void language sql as $$
     update pathway set care_first_booked_at = (select min(a.start_at) from appointment a where a.pathway_id = pid and a.status = 'booked')
     where id = pid and care_first_booked_at is distinct from (select min(a.start_at) from appointment a where a.pathway_id = pid and a.status = 'booked')
   $$`,
  `create function forlopsbenk_care_cover_on_appointment() returns trigger language plpgsql as $$
   begin
     if tg_op <> 'INSERT' and old.pathway_id is not null then perform forlopsbenk_care_booked(old.pathway_id); end if;
     if tg_op <> 'DELETE' and new.pathway_id is not null and (tg_op = 'INSERT' or new.pathway_id is distinct from old.pathway_id) then
       perform forlopsbenk_care_booked(new.pathway_id);
     end if;
     return null;
   end $$`,
  `create trigger care_cover_on_appointment after insert or delete or update of status, start_at, pathway_id on appointment
     for each row execute function forlopsbenk_care_cover_on_appointment()`,
  `create function forlopsbenk_care_offered(pid bigint) returns void language sql as $$
     update pathway set care_first_offer_date = (select min(p.offered_date) from care_deadline_postponement p where p.pathway_id = pid)
     where id = pid and care_first_offer_date is distinct from (select min(p.offered_date) from care_deadline_postponement p where p.pathway_id = pid)
   $$`,
  `create function forlopsbenk_care_cover_on_postponement() returns trigger language plpgsql as $$
   begin
     if tg_op <> 'INSERT' then perform forlopsbenk_care_offered(old.pathway_id); end if;
     if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.pathway_id is distinct from old.pathway_id) then
       perform forlopsbenk_care_offered(new.pathway_id);
     end if;
     return null;
   end $$`,
  `create trigger care_cover_on_postponement after insert or delete or update of offered_date, pathway_id on care_deadline_postponement
     for each row execute function forlopsbenk_care_cover_on_postponement()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger care_cover_on_postponement on care_deadline_postponement`.execute(db);
  await sql`drop function forlopsbenk_care_cover_on_postponement()`.execute(db);
  await sql`drop function forlopsbenk_care_offered(bigint)`.execute(db);
  await sql`drop trigger care_cover_on_appointment on appointment`.execute(db);
  await sql`drop function forlopsbenk_care_cover_on_appointment()`.execute(db);
  await sql`drop function forlopsbenk_care_booked(bigint)`.execute(db);
  await sql`alter table pathway drop column care_first_offer_date`.execute(db);
  await sql`alter table pathway drop column care_first_booked_at`.execute(db);
}
