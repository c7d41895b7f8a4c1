import { sql, type Kysely } from 'kysely';

/**
 * Search the open caseload, not every patient who ever had a pathway: open_search_word holds the name words
 * (copied from patient_search_word) and the national id (as char(1) || national_id, a key no typed name word
 * can take) of patients with at least one open pathway. Triggers keep it in step with every write path —
 * a pathway opened, closed or deleted, a name re-indexed, a national id corrected — so a one-letter search
 * reads the open patients' words, not ten years of history.
 *
 * A third partial index on open pathways (setting, due_sort) lets the worklist's group counts be range
 * counts on an index for the setting filter as well (type: pathway_worklist_type, none: pathway_worklist).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table open_search_word (
    word text not null,
    patient_id integer not null references patient(id) on delete cascade,
    primary key (word, patient_id)
  ) without rowid`.execute(db);
  await sql`create index open_search_word_patient on open_search_word (patient_id)`.execute(db);

  const openPatient = (id: string) => sql.raw(`exists (select 1 from pathway where patient_id = ${id} and status = 'open')`);
  const copyIn = (id: string) =>
    sql.raw(`insert or ignore into open_search_word (word, patient_id) select word, patient_id from patient_search_word where patient_id = ${id};
  insert or ignore into open_search_word (word, patient_id) select char(1) || national_id, id from patient where id = ${id};`);

  await sql`insert into open_search_word (word, patient_id)
    select w.word, w.patient_id from patient_search_word w where ${openPatient('w.patient_id')}`.execute(db);
  await sql`insert or ignore into open_search_word (word, patient_id)
    select char(1) || p.national_id, p.id from patient p where ${openPatient('p.id')}`.execute(db);

  await sql`create trigger open_search_word_on_word_insert after insert on patient_search_word
    when ${openPatient('new.patient_id')}
    begin insert or ignore into open_search_word (word, patient_id) values (new.word, new.patient_id); end`.execute(db);
  await sql`create trigger open_search_word_on_word_delete after delete on patient_search_word
    begin delete from open_search_word where word = old.word and patient_id = old.patient_id; end`.execute(db);
  await sql`create trigger open_search_word_on_pathway_insert after insert on pathway when new.status = 'open'
    begin ${copyIn('new.patient_id')} end`.execute(db);
  await sql`create trigger open_search_word_on_pathway_update after update of status, patient_id on pathway
    when old.status is not new.status or old.patient_id is not new.patient_id
    begin
      delete from open_search_word where patient_id = old.patient_id and not ${openPatient('old.patient_id')};
      ${sql.raw(`insert or ignore into open_search_word (word, patient_id) select word, patient_id from patient_search_word where patient_id = new.patient_id and new.status = 'open';
      insert or ignore into open_search_word (word, patient_id) select char(1) || national_id, id from patient where id = new.patient_id and new.status = 'open';`)}
    end`.execute(db);
  await sql`create trigger open_search_word_on_pathway_delete after delete on pathway when old.status = 'open'
    begin delete from open_search_word where patient_id = old.patient_id and not ${openPatient('old.patient_id')}; end`.execute(db);
  await sql`create trigger open_search_word_on_national_id after update of national_id on patient
    when old.national_id is not new.national_id
    begin
      delete from open_search_word where patient_id = old.id and word = char(1) || old.national_id;
      insert or ignore into open_search_word (word, patient_id) select char(1) || new.national_id, new.id where ${openPatient('new.id')};
    end`.execute(db);

  await sql`create index pathway_worklist_setting on pathway (setting, due_sort, id) where status = 'open'`.execute(db);
}
