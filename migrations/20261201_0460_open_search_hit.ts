import { sql, type Kysely } from 'kysely';

/**
 * A worklist search without a probe per matching patient: open_search_hit holds, per open pathway, each word of
 * its patient's open_search_word (0200) with the pathway's due_sort, keyed (word, pathway_id). A typed
 * word's hits, their group counts and the page's ids are then one index range, not a pathway lookup per hit
 * (a one-letter search matches about a thousand open patients at 100k).
 *
 * prev_word is the patient's next lower word in open_search_word ('' for the lowest): the patient's words that
 * begin with a typed word are consecutive in word order, so exactly one of them — the first — has a prev_word
 * below the typed word. `word >= :w and word < :upper and prev_word < :w` counts each pathway once without a
 * DISTINCT ("Hanne Hansen" has two words beginning with "h").
 *
 * Triggers keep it in step: open_search_word's own triggers follow names, national ids and pathways opening or
 * closing; these follow those rows, and a pathway's own opening, closing, deletion and due date.
 */
const prevWords = (patient: string) =>
  `update open_search_hit set prev_word = coalesce((select max(w.word) from open_search_word w
     where w.patient_id = open_search_hit.patient_id and w.word < open_search_hit.word), '')
   where patient_id = ${patient};`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table open_search_hit (
    word text not null,
    due_sort text not null,
    pathway_id integer not null,
    patient_id integer not null,
    prev_word text not null,
    primary key (word, pathway_id)
  ) without rowid`.execute(db);
  await sql`create index open_search_hit_pathway on open_search_hit (pathway_id)`.execute(db);
  await sql`create index open_search_hit_patient on open_search_hit (patient_id)`.execute(db);
  await sql`insert into open_search_hit (word, due_sort, pathway_id, patient_id, prev_word)
    select w.word, p.due_sort, p.id, p.patient_id,
      coalesce((select max(v.word) from open_search_word v where v.patient_id = w.patient_id and v.word < w.word), '')
    from open_search_word w join pathway p on p.patient_id = w.patient_id and p.status = 'open'`.execute(db);

  await sql
    .raw(`create trigger open_search_hit_on_word_insert after insert on open_search_word
    begin
      insert or ignore into open_search_hit (word, due_sort, pathway_id, patient_id, prev_word)
        select new.word, p.due_sort, p.id, p.patient_id, '' from pathway p where p.patient_id = new.patient_id and p.status = 'open';
      ${prevWords('new.patient_id')}
    end`)
    .execute(db);
  await sql
    .raw(`create trigger open_search_hit_on_word_delete after delete on open_search_word
    begin
      delete from open_search_hit where patient_id = old.patient_id and word = old.word;
      ${prevWords('old.patient_id')}
    end`)
    .execute(db);
  await sql
    .raw(`create trigger open_search_hit_on_pathway_insert after insert on pathway when new.status = 'open'
    begin
      insert or ignore into open_search_hit (word, due_sort, pathway_id, patient_id, prev_word)
        select w.word, new.due_sort, new.id, new.patient_id, '' from open_search_word w where w.patient_id = new.patient_id;
      ${prevWords('new.patient_id')}
    end`)
    .execute(db);
  // A new due date rewrites the pathway's rows in place (due_sort is in no key); prev_word is the patient's and stays.
  await sql
    .raw(`create trigger open_search_hit_on_pathway_due after update of due_sort on pathway
    when old.due_sort is not new.due_sort and old.status is new.status and old.patient_id is new.patient_id
    begin
      update open_search_hit set due_sort = new.due_sort where pathway_id = new.id;
    end`)
    .execute(db);
  await sql
    .raw(`create trigger open_search_hit_on_pathway_update after update of status, patient_id on pathway
    when old.status is not new.status or old.patient_id is not new.patient_id
    begin
      delete from open_search_hit where pathway_id = old.id;
      insert or ignore into open_search_hit (word, due_sort, pathway_id, patient_id, prev_word)
        select w.word, new.due_sort, new.id, new.patient_id, '' from open_search_word w where w.patient_id = new.patient_id and new.status = 'open';
      ${prevWords('new.patient_id')}
    end`)
    .execute(db);
  await sql
    .raw(`create trigger open_search_hit_on_pathway_delete after delete on pathway when old.status = 'open'
    begin
      delete from open_search_hit where pathway_id = old.id;
    end`)
    .execute(db);
  const stats = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = 'sqlite_stat1'`.execute(db);
  if (Number(stats.rows[0]?.n ?? 0) > 0) await sql`analyze open_search_hit`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['word_insert', 'word_delete', 'pathway_insert', 'pathway_due', 'pathway_update', 'pathway_delete'])
    await sql.raw(`drop trigger open_search_hit_on_${t}`).execute(db);
  await sql`drop table open_search_hit`.execute(db);
}
