import { Kysely } from 'kysely';
import type pgTypes from 'pg';
import { pg } from './pg-module';
import type { DbHandle } from './open';
import { TeamDialect } from './pg-audit-commit';
import type { Database } from './schema';
import { StoreConfigError, describeStore, isLoopback } from './store';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Counts and sums come back from PostgreSQL as bigint/numeric, which `pg` returns as strings. The services
 * expect numbers, as SQLite gives them; every count in this app is far below 2^53.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v);
    return pg().types.getTypeParser(oid, format as 'text');
  },
};

/** TLS with server verification is required except on loopback; a URL that turns it off is refused. */
function sslFor(url: string): pgTypes.PoolConfig['ssl'] {
  if (isLoopback(url)) return undefined;
  const mode = new URL(url).searchParams.get('sslmode');
  if (mode && mode !== 'verify-full' && mode !== 'verify-ca' && mode !== 'require') {
    throw new StoreConfigError('Teamlageret må brukes med kryptert forbindelse (TLS) når serveren ikke er på denne maskinen');
  }
  return { rejectUnauthorized: true };
}

/** How to reach the server: the URL and its TLS rule (shared by the pool and the live connection). */
export function pgConnectionConfig(url: string): pgTypes.ClientConfig {
  // A server that does not answer is reported within seconds, not after the OS's TCP timeout.
  return { connectionString: url, ssl: sslFor(url), connectionTimeoutMillis: 5000 };
}

export interface PgHandle extends DbHandle {
  kind: 'postgres';
  pool: pgTypes.Pool;
}

/**
 * Opens the team store. The pool is small: one person's app does one thing at a time, and a health
 * trust's server should see a few connections per desk, not dozens.
 */
export function openPostgres(url: string, opts: { max?: number } = {}): PgHandle {
  const pool = new (pg().Pool)({ ...pgConnectionConfig(url), max: opts.max ?? 4, types, application_name: 'forlopsbenk' });
  // An idle client losing its server must not crash the process; the next query reports the failure.
  pool.on('error', () => {});
  // A client checked out (between a transaction's statements) when the server goes away emits 'error' with no
  // listener of the pool's on it: that would end the process. The statement in flight fails on its own.
  pool.on('connect', (client) => client.on('error', () => {}));
  const queryLog = process.env.FORLOPSBENK_QUERY_LOG === '1';
  const db = new Kysely<Database>({
    // Audit entries are linked as each transaction's last step (pg-audit-commit.ts).
    dialect: new TeamDialect({ pool }),
    // SQL text and duration only: parameters may be health data and never reach a log.
    log: queryLog
      ? (event) => {
          process.stderr.write(`[sql ${event.queryDurationMillis.toFixed(2)}ms] ${event.query.sql}\n`);
        }
      : undefined,
  });
  return {
    kind: 'postgres',
    file: describeStore({ kind: 'postgres', url }),
    // No file key: the team store is protected by the server (TLS, roles, disk encryption there).
    key: Buffer.alloc(0),
    readonly: false,
    get sqlite(): never {
      throw new Error('Teamlageret (PostgreSQL) har ingen SQLite-fil');
    },
    pool,
    db,
    async close() {
      await db.destroy(); // ends the pool
    },
  };
}
