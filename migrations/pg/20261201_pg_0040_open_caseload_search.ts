import { sql, type Kysely } from 'kysely';

/**
 * The team store's side of SQLite 20261201_0200 (open caseload search): open_search_word holds the name words
 * and the national id (as chr(1) || national_id) of patients with at least one open pathway, kept in step by
 * triggers on every write path, and the partial index on open pathways by setting. PostgreSQL triggers call
 * functions; `on conflict do nothing` stands for SQLite's `insert or ignore`.
 */
const OPEN = (id: string) => `exists (select 1 from pathway where patient_id = ${id} and status = 'open')`;

const STATEMENTS: readonly string[] = [
  `create table "open_search_word" ("word" text not null, "patient_id" integer not null references "patient" ("id") on delete cascade, primary key ("word", "patient_id"))`,
  `create index "open_search_word_patient" on "open_search_word" ("patient_id")`,
  // Text sorts by code point in both stores; the prefix ranges on word use this index.
  `insert into open_search_word (word, patient_id) select w.word, w.patient_id from patient_search_word w where ${OPEN('w.patient_id')} on conflict do nothing`,
  `insert into open_search_word (word, patient_id) select chr(1) || p.national_id, p.id from patient p where ${OPEN('p.id')} on conflict do nothing`,
  `create function forlopsbenk_osw_copy_in(pid integer) returns void language sql as $$
     insert into open_search_word (word, patient_id) select word, patient_id from patient_search_word where patient_id = pid on conflict do nothing;
     insert into open_search_word (word, patient_id) select chr(1) || national_id, id from patient where id = pid on conflict do nothing;
   $$`,
  `create function forlopsbenk_osw_drop_if_closed(pid integer) returns void language sql as $$
     delete from open_search_word where patient_id = pid and not ${OPEN('pid')};
   $$`,
  `create function forlopsbenk_osw_on_word() returns trigger language plpgsql as $$
   begin
     if tg_op = 'INSERT' then
       if ${OPEN('new.patient_id')} then
         insert into open_search_word (word, patient_id) values (new.word, new.patient_id) on conflict do nothing;
       end if;
       return new;
     end if;
     delete from open_search_word where word = old.word and patient_id = old.patient_id;
     return old;
   end $$`,
  `create trigger open_search_word_on_word after insert or delete on patient_search_word for each row execute function forlopsbenk_osw_on_word()`,
  `create function forlopsbenk_osw_on_pathway() returns trigger language plpgsql as $$
   begin
     if tg_op = 'INSERT' then
       if new.status = 'open' then perform forlopsbenk_osw_copy_in(new.patient_id); end if;
       return new;
     elsif tg_op = 'DELETE' then
       if old.status = 'open' then perform forlopsbenk_osw_drop_if_closed(old.patient_id); end if;
       return old;
     end if;
     if old.status is distinct from new.status or old.patient_id is distinct from new.patient_id then
       perform forlopsbenk_osw_drop_if_closed(old.patient_id);
       if new.status = 'open' then perform forlopsbenk_osw_copy_in(new.patient_id); end if;
     end if;
     return new;
   end $$`,
  `create trigger open_search_word_on_pathway after insert or delete or update of status, patient_id on pathway for each row execute function forlopsbenk_osw_on_pathway()`,
  `create function forlopsbenk_osw_on_national_id() returns trigger language plpgsql as $$
   begin
     if old.national_id is distinct from new.national_id then
       delete from open_search_word where patient_id = old.id and word = chr(1) || old.national_id;
       if ${OPEN('new.id')} then
         insert into open_search_word (word, patient_id) values (chr(1) || new.national_id, new.id) on conflict do nothing;
       end if;
     end if;
     return new;
   end $$`,
  `create trigger open_search_word_on_national_id after update of national_id on patient for each row execute function forlopsbenk_osw_on_national_id()`,
  `create index "pathway_worklist_setting" on "pathway" ("setting", "due_sort", "id") where status = 'open'`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
