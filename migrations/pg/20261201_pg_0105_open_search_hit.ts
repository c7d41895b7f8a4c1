import { sql, type Kysely } from 'kysely';

/**
 * The team store's side of SQLite 20261201_0460 (open_search_hit): per open pathway, each word of its patient's
 * open_search_word with the pathway's due_sort and the patient's next lower word (prev_word), so a typed word's
 * hits, group counts and page ids are one index range, each pathway counted once. Kept in step by triggers on
 * open_search_word (which follows names, national ids and pathways opening or closing) and on pathway.
 */
const STATEMENTS: readonly string[] = [
  `create table "open_search_hit" ("word" text not null, "due_sort" text not null, "pathway_id" integer not null, "patient_id" integer not null, "prev_word" text not null, primary key ("word", "pathway_id"))`,
  `create index "open_search_hit_pathway" on "open_search_hit" ("pathway_id")`,
  `create index "open_search_hit_patient" on "open_search_hit" ("patient_id")`,
  `insert into open_search_hit (word, due_sort, pathway_id, patient_id, prev_word)
     select w.word, p.due_sort, p.id, p.patient_id,
       coalesce((select max(v.word) from open_search_word v where v.patient_id = w.patient_id and v.word < w.word), '')
     from open_search_word w join pathway p on p.patient_id = w.patient_id and p.status = 'open'`,
  `create function forlopsbenk_osh_prev_words(pid integer) returns void language sql as $$
     update open_search_hit h set prev_word = coalesce((select max(w.word) from open_search_word w
       where w.patient_id = h.patient_id and w.word < h.word), '')
     where h.patient_id = pid;
   $$`,
  `create function forlopsbenk_osh_on_word() returns trigger language plpgsql as $$
   begin
     if tg_op = 'INSERT' then
       insert into open_search_hit (word, due_sort, pathway_id, patient_id, prev_word)
         select new.word, p.due_sort, p.id, p.patient_id, '' from pathway p where p.patient_id = new.patient_id and p.status = 'open'
         on conflict do nothing;
       perform forlopsbenk_osh_prev_words(new.patient_id);
       return new;
     end if;
     delete from open_search_hit where patient_id = old.patient_id and word = old.word;
     perform forlopsbenk_osh_prev_words(old.patient_id);
     return old;
   end $$`,
  `create trigger open_search_hit_on_word after insert or delete on open_search_word for each row execute function forlopsbenk_osh_on_word()`,
  `create function forlopsbenk_osh_on_pathway() returns trigger language plpgsql as $$
   begin
     if tg_op = 'DELETE' then
       delete from open_search_hit where pathway_id = old.id;
       return old;
     end if;
     if tg_op = 'UPDATE' and old.status is not distinct from new.status and old.patient_id is not distinct from new.patient_id then
       -- A new due date moves the pathway's rows; prev_word is the patient's and stays.
       if old.due_sort is distinct from new.due_sort then
         update open_search_hit set due_sort = new.due_sort where pathway_id = new.id;
       end if;
       return new;
     end if;
     if tg_op = 'UPDATE' then delete from open_search_hit where pathway_id = old.id; end if;
     if new.status = 'open' then
       insert into open_search_hit (word, due_sort, pathway_id, patient_id, prev_word)
         select w.word, new.due_sort, new.id, new.patient_id, '' from open_search_word w where w.patient_id = new.patient_id
         on conflict do nothing;
       perform forlopsbenk_osh_prev_words(new.patient_id);
     end if;
     return new;
   end $$`,
  `create trigger open_search_hit_on_pathway after insert or delete or update of status, patient_id, due_sort on pathway for each row execute function forlopsbenk_osh_on_pathway()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger open_search_hit_on_pathway on pathway`.execute(db);
  await sql`drop function forlopsbenk_osh_on_pathway()`.execute(db);
  await sql`drop trigger open_search_hit_on_word on open_search_word`.execute(db);
  await sql`drop function forlopsbenk_osh_on_word()`.execute(db);
  await sql`drop function forlopsbenk_osh_prev_words(integer)`.execute(db);
  await sql`drop table open_search_hit`.execute(db);
}
