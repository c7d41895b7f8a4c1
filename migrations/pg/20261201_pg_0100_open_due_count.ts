import { sql, type Kysely } from 'kysely';

/**
 * The team store's side of SQLite 20261201_0450 (open_due_count): per due date, how many open pathways fall
 * due that day, kept in step by a trigger on every write to a pathway's status or clock; a date whose count
 * reaches zero is dropped. The worklist's unfiltered group counts are one scan of this small table.
 */
const STATEMENTS: readonly string[] = [
  `create table "open_due_count" ("due_sort" text primary key not null, "n" integer not null)`,
  `insert into open_due_count (due_sort, n) select due_sort, count(*) from pathway where status = 'open' group by due_sort`,
  `create function forlopsbenk_odc_on_pathway() returns trigger language plpgsql as $$
   declare
     was_open boolean := tg_op <> 'INSERT' and old.status = 'open';
     is_open boolean := tg_op <> 'DELETE' and new.status = 'open';
   begin
     if tg_op = 'UPDATE' and was_open and is_open and old.due_sort is not distinct from new.due_sort then
       return new;
     end if;
     -- A move locks the two dates' rows in due-date order, the same order in every transaction, so two desks
     -- moving pathways between the same two dates in opposite directions wait for each other, never deadlock.
     if is_open and was_open and new.due_sort < old.due_sort then
       insert into open_due_count (due_sort, n) values (new.due_sort, 1) on conflict (due_sort) do update set n = open_due_count.n + 1;
       is_open := false;
     end if;
     if was_open then
       update open_due_count set n = n - 1 where due_sort = old.due_sort;
       delete from open_due_count where due_sort = old.due_sort and n <= 0;
     end if;
     if is_open then
       insert into open_due_count (due_sort, n) values (new.due_sort, 1) on conflict (due_sort) do update set n = open_due_count.n + 1;
     end if;
     if tg_op = 'DELETE' then return old; end if;
     return new;
   end $$`,
  `create trigger open_due_count_on_pathway after insert or delete or update of status, due_sort on pathway for each row execute function forlopsbenk_odc_on_pathway()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger open_due_count_on_pathway on pathway`.execute(db);
  await sql`drop function forlopsbenk_odc_on_pathway()`.execute(db);
  await sql`drop table open_due_count`.execute(db);
}
