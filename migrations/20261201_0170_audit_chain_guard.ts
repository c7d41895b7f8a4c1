import { sql, type Kysely } from 'kysely';

/**
 * The audit log refuses every write but a plain append, in the database itself:
 * - an insert must take the next id and link to the last entry, so INSERT OR REPLACE and upserts
 *   (which would overwrite an entry) and entries slipped in out of order are refused;
 * - UPDATE and DELETE stay refused (0001);
 * - a pin row references the first entry, so with foreign keys on (as the app opens the file)
 *   DROP TABLE audit_log fails too. What SQLite cannot guard (a tool with foreign keys off, dropped
 *   triggers) is found by the keyed chain and the anchor outside the file.
 * A log written before the chain was keyed is marked; the app re-keys it on its first start (it needs
 * the key, which never enters a migration or the file).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create trigger audit_log_append_only before insert on audit_log
    when new.id is null
      or new.id <> coalesce((select max(id) from audit_log), 0) + 1
      or new.prev_hash is not coalesce((select hash from audit_log order by id desc limit 1), ${sql.lit('0'.repeat(64))})
    begin select raise(abort, 'audit log is append-only'); end`.execute(db);
  await sql`create table audit_log_pin (id integer primary key references audit_log (id))`.execute(db);
  const first = await sql<{ id: number }>`select min(id) as id from audit_log`.execute(db);
  const firstId = first.rows[0]?.id;
  if (firstId !== null && firstId !== undefined) {
    await sql`insert into audit_log_pin (id) values (${firstId})`.execute(db);
    await sql`insert into app_setting (key, value) values ('audit.chain', 'sha256') on conflict (key) do update set value = excluded.value`.execute(db);
  }
}
