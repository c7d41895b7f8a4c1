import { sql, type Kysely } from 'kysely';

/**
 * The team chain's head, read under the append lock in one round trip (no SQLite counterpart: SQLite has one
 * writer). The advisory lock key is "forlopsb" in ASCII, as in the app. The function is VOLATILE (plpgsql's
 * default), so under READ COMMITTED the head is read with a snapshot taken after the lock is granted: it sees
 * the append that held the lock before. Runs with the caller's rights (SELECT (id, hash) on audit_log).
 */
const STATEMENTS: readonly string[] = [
  `create function forlopsbenk_audit_head(out head_id integer, out head_hash text) language plpgsql volatile as $$
   begin
     perform pg_advisory_xact_lock(7381244124335207266);
     select a.id, a.hash into head_id, head_hash from audit_log a order by a.id desc limit 1;
   end $$`,
  `revoke all on function forlopsbenk_audit_head() from public`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of STATEMENTS) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function forlopsbenk_audit_head()`.execute(db);
}
