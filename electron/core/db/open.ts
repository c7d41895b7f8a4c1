// oxlint-disable-next-line import/default -- the package's index.d.ts says `export =`, imported as default (esModuleInterop)
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { secureFile } from '../secure-fs';
import { Kysely, SqliteDialect, type Driver } from 'kysely';
import type { Database } from './schema';

/** Pages in the WAL before a commit copies them into the file itself (see openDatabase). */
export const WAL_AUTOCHECKPOINT_PAGES = 4000;

export interface DbHandle {
  file: string;
  /** The database subkey (deriveSubkey(master, 'database')): backups and checks open copies with it. */
  key: Buffer;
  readonly: boolean;
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
 * - wal_autocheckpoint = 4000 pages (16 MB): the WAL is copied into the file when the desk is idle
 *   (idle-checkpoint.ts); the commit that crosses this bound does it only in a long run of writes without a
 *   pause. At SQLite's default of 1000 an event write (about nine pages) paid a checkpoint every ~110 writes.
 */
/**
 * The page cache: 32 MB (SQLite's default is 2 MB), as negative KiB. Every page read from the encrypted file is
 * decrypted; the reads that walk the open caseload (the search keys, fetched again after every write that touches
 * the worklist, and the care-deadline list) touch more pages than 2 MB holds, so each pass decrypted them again.
 * Measured at 100k, warm: worklist.searchKeys 200 -> 34 ms, breach.list 110 -> 9 ms (8 and 16 MB did not hold
 * them). The cache fills only with pages read; the server's RSS after real use is in the bench.
 */
const CACHE_KIB = -32_768;

export function openDatabase(file: string, opts: { key: Buffer; readonly?: boolean }): DbHandle {
  const sqlite = openKeyed(file, opts.key, { readonly: opts.readonly ?? false });
  sqlite.pragma('busy_timeout = 5000');
  if (!opts.readonly) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) secureFile(f);
  }
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`cache_size = ${CACHE_KIB}`);
  const queryLog = process.env.FORLOPSBENK_QUERY_LOG === '1';
  const db = new Kysely<Database>({
    dialect: new RollbackSafeSqliteDialect(sqlite),
    // SQL text and duration only: parameters may be health data and never reach a log.
    log: queryLog
      ? (event) => {
          process.stderr.write(`[sql ${event.queryDurationMillis.toFixed(2)}ms] ${event.query.sql}\n`);
        }
      : undefined,
  });
  return {
    file,
    key: opts.key,
    readonly: opts.readonly ?? false,
    sqlite,
    db,
    async close() {
      await db.destroy(); // closes the better-sqlite3 connection too
    },
  };
}

/** The database could not be read with this key (or is not a database at all). Nothing was changed. */
export class DatabaseKeyError extends Error {
  constructor() {
    super(
      'Databasen kunne ikke åpnes med denne nøkkelen. Den er kryptert med en annen nøkkel, eller filen er ikke en Forløpsbenk-database. Ingenting ble endret.',
    );
    this.name = 'DatabaseKeyError';
  }
}

/**
 * Opens a SQLCipher-encrypted file (SQLite3 Multiple Ciphers, `cipher = sqlcipher`) with a raw 256-bit key,
 * and proves the key by reading the schema: a wrong key or a plain file fails here, before any change.
 * Raw connection, no pragmas beyond the key: for scripts, checks and the Kysely handle alike.
 */
export function openKeyed(file: string, key: Buffer, opts: { readonly?: boolean; fileMustExist?: boolean } = {}): BetterSqlite3.Database {
  if (key.length !== 32) throw new Error('database key must be 256 bits');
  const sqlite = new BetterSqlite3(file, { readonly: opts.readonly ?? false, fileMustExist: opts.fileMustExist ?? opts.readonly ?? false });
  try {
    sqlite.pragma("cipher = 'sqlcipher'");
    sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
    sqlite.prepare('select count(*) from sqlite_master').get();
  } catch (e) {
    sqlite.close();
    const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
    if (code === 'SQLITE_NOTADB') throw new DatabaseKeyError();
    throw e;
  }
  return sqlite;
}

/**
 * On SQLITE_FULL, SQLITE_IOERR or SQLITE_NOMEM, SQLite may roll the transaction back itself. Kysely then
 * issues its own `rollback`, which fails with "no transaction is active" and hides the real error — the
 * user would read "Databasen svarte med en feil" instead of "Disken er full". Skip the rollback when
 * SQLite has already done it, so the original error reaches storage-errors.ts.
 */
class RollbackSafeSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    super({ database: withStatementCache(sqlite) });
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      if (this.sqlite.inTransaction) await rollback(connection);
    };
    return driver;
  }
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query afresh; parsing and planning the worklist's join costs as much as running it.
 * Statements are reusable, and the single connection (behind Kysely's mutex) never runs one twice at once,
 * so a cache keyed by SQL text is safe. SQLite re-prepares a cached statement itself after a schema change.
 */
function withStatementCache(sqlite: BetterSqlite3.Database) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (!stmt) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        stmt = sqlite.prepare(sql);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}
