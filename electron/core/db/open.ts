import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';

export interface DbHandle {
  file: string;
  sqlite: BetterSqlite3.Database;
  db: Kysely<Database>;
  close(): Promise<void>;
}

/**
 * The one place with SQLite specifics.
 * - WAL: readers never block the writer; the worklist stays responsive during writes.
 * - synchronous = FULL: a committed write survives power loss, not only a process crash. Health data
 *   acknowledged to the user must not vanish; the fsync cost is measured in `npm run bench`.
 * - busy_timeout: a second process (a backup tool, a stray instance) gets a wait, not an instant error.
 */
export function openDatabase(file: string, opts: { readonly?: boolean } = {}): DbHandle {
  const sqlite = new BetterSqlite3(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  sqlite.pragma('busy_timeout = 5000');
  if (!opts.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');

  const queryLog = process.env.FORLOPSBENK_QUERY_LOG === '1';
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    // SQL text and duration only: parameters may be health data and never reach a log.
    log: queryLog
      ? (event) => {
          process.stderr.write(`[sql ${event.queryDurationMillis.toFixed(2)}ms] ${event.query.sql}\n`);
        }
      : undefined,
  });
  return {
    file,
    sqlite,
    db,
    async close() {
      await db.destroy(); // closes the better-sqlite3 connection too
    },
  };
}
