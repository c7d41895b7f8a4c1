import { PostgresAdapter, sql, type Expression, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * The few places where SQLite and PostgreSQL differ in the services' SQL, each with one helper.
 * Services stay dialect-free: they call these instead of writing either store's idiom.
 */

type AnyDb = Kysely<Database> | Transaction<Database> | Kysely<any>;

export function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Number of rows where `condition` holds (SQLite sums booleans; PostgreSQL does not). */
export function countIf(condition: Expression<SqlBool> | RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
}

export async function tableExists(db: AnyDb, name: string): Promise<boolean> {
  const q = isPostgres(db)
    ? sql<{ n: number }>`select count(*) as n from information_schema.tables where table_schema = current_schema() and table_name = ${name}`
    : sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${name}`;
  return Number((await q.execute(db)).rows[0]?.n ?? 0) > 0;
}

export async function columnExists(db: AnyDb, table: string, column: string): Promise<boolean> {
  const q = isPostgres(db)
    ? sql<{
        n: number;
      }>`select count(*) as n from information_schema.columns where table_schema = current_schema() and table_name = ${table} and column_name = ${column}`
    : sql<{ n: number }>`select count(*) as n from pragma_table_info(${table}) where name = ${column}`;
  return Number((await q.execute(db)).rows[0]?.n ?? 0) > 0;
}

/** Advisory lock key for audit appends (any fixed 64-bit number; "forlopsb" in ASCII; the same in pg_0080's forlopsbenk_audit_head). */
const AUDIT_APPEND_LOCK = sql.lit(BigInt('0x666f726c6f707362'));

/**
 * Serialises audit appends across connections: the chain reads the last entry and links to it, so two
 * writers must not read the same tail. SQLite has one writer at a time already (one connection, and
 * BEGIN IMMEDIATE across processes); on PostgreSQL a transaction-scoped advisory lock does it, released
 * at commit or rollback. Call inside the write's transaction, before reading the tail. The team store's
 * own handle (openPostgres) takes this lock at commit instead (pg-audit-commit.ts); this is the path of
 * SQLite and of any other PostgreSQL handle.
 */
export async function lockAuditAppend(trx: AnyDb): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`.execute(trx);
}

/** Pins the log's first entry (audit_log_pin): a chain cannot be shortened from the front unnoticed. */
export async function pinFirstAuditEntry(trx: AnyDb): Promise<void> {
  if (isPostgres(trx)) await sql`insert into audit_log_pin (id) values (1) on conflict do nothing`.execute(trx);
  else await sql`insert or ignore into audit_log_pin (id) values (1)`.execute(trx);
}
