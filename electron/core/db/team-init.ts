import { sql, type Kysely } from 'kysely';
import { migratePostgres } from './migrate-pg';
import { ACCESS, GROUP_ROLES } from './team-access';

export interface TeamInitOutcome {
  applied: string[];
  roles: string[];
}

const ident = (name: string) => sql.id(name);

/**
 * Sets up (or brings up to date) a team database, idempotently: the schema, the three group roles and
 * their grants. Run as the database owner (IT), e.g. `npm run team:init -- --url postgres://owner@host/db`.
 * Grants are reset and given afresh on every run, so a run after an upgrade covers new tables too.
 * The audit log: INSERT and SELECT only, for everyone; its triggers refuse UPDATE, DELETE and TRUNCATE
 * even to the owner, and write the database login as the entry's "who".
 */
export async function teamInit(db: Kysely<any>, opts: { demo?: boolean } = {}): Promise<TeamInitOutcome> {
  const applied = await migratePostgres(db);
  const created: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (const role of GROUP_ROLES) {
      const exists = await sql<{ n: number }>`select count(*)::int as n from pg_roles where rolname = ${role}`.execute(trx);
      if (!exists.rows[0]?.n) {
        await sql`create role ${ident(role)} nologin`.execute(trx);
        created.push(role);
      }
    }
    await sql`revoke all on schema public from public`.execute(trx);
    await sql`revoke all on all tables in schema public from public`.execute(trx);
    await sql`revoke all on function forlopsbenk_refuse_change(), forlopsbenk_audit_who() from public`.execute(trx);
    for (const role of GROUP_ROLES) {
      const r = ident(role);
      await sql`revoke all on all tables in schema public from ${r}`.execute(trx);
      await sql`revoke all on all sequences in schema public from ${r}`.execute(trx);
      await sql`grant usage on schema public to ${r}`.execute(trx);
      for (const g of ACCESS[role].read) {
        const t = ident(g.table);
        if (g.columns) await sql`grant select (${sql.join(g.columns.map(ident))}) on ${t} to ${r}`.execute(trx);
        else await sql`grant select on ${t} to ${r}`.execute(trx);
        if (g.write) await sql`grant insert, update, delete on ${t} to ${r}`.execute(trx);
      }
      // Appending to the audit log: INSERT only (never UPDATE, DELETE or TRUNCATE).
      await sql`grant insert on audit_log to ${r}`.execute(trx);
      await sql`grant select, insert on audit_log_pin to ${r}`.execute(trx);
      // Reading the chain's head under the append lock (pg_0080), the last step of every write's transaction.
      await sql`grant execute on function forlopsbenk_audit_head() to ${r}`.execute(trx);
      await sql`grant usage on all sequences in schema public to ${r}`.execute(trx);
    }
    // The demo flag is settled here, not by whoever starts the app first (most logins cannot write settings).
    await sql`insert into app_setting (key, value) values ('demo', ${opts.demo ? '1' : '0'}) on conflict (key) do nothing`.execute(trx);
  });
  return { applied, roles: created };
}
