import { sql, type Kysely } from 'kysely';

/**
 * The worklist's group counts without a pass over the open pathways: open_due_count holds, per due date
 * (due_sort), how many open pathways fall due that day. Triggers keep it in step with every write path — a
 * pathway opened, closed, deleted or its clock moved — and drop a date when its count reaches zero, so the
 * table holds one row per distinct open due date (a few hundred), not one per pathway. The unfiltered
 * worklist's four group counts are then one scan of that small table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table open_due_count (
    due_sort text primary key not null,
    n integer not null
  ) without rowid`.execute(db);
  await sql`insert into open_due_count (due_sort, n)
    select due_sort, count(*) from pathway where status = 'open' group by due_sort`.execute(db);

  const add = (d: string) => sql.raw(`insert into open_due_count (due_sort, n) select ${d}, 1 where true
    on conflict (due_sort) do update set n = n + 1;`);
  const remove = (d: string) => sql.raw(`update open_due_count set n = n - 1 where due_sort = ${d};
    delete from open_due_count where due_sort = ${d} and n <= 0;`);

  await sql`create trigger open_due_count_on_insert after insert on pathway when new.status = 'open'
    begin ${add('new.due_sort')} end`.execute(db);
  await sql`create trigger open_due_count_on_delete after delete on pathway when old.status = 'open'
    begin ${remove('old.due_sort')} end`.execute(db);
  await sql`create trigger open_due_count_on_close after update of status, due_sort on pathway
    when old.status = 'open' and (new.status is not 'open' or new.due_sort is not old.due_sort)
    begin ${remove('old.due_sort')} end`.execute(db);
  await sql`create trigger open_due_count_on_open after update of status, due_sort on pathway
    when new.status = 'open' and (old.status is not 'open' or new.due_sort is not old.due_sort)
    begin ${add('new.due_sort')} end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['open_due_count_on_insert', 'open_due_count_on_delete', 'open_due_count_on_close', 'open_due_count_on_open'])
    await sql.raw(`drop trigger ${t}`).execute(db);
  await sql`drop table open_due_count`.execute(db);
}
