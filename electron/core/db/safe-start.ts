// oxlint-disable-next-line import/default -- the package's index.d.ts says `export =`, imported as default (esModuleInterop)
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from '../../../migrations';
import { deriveSubkey } from '../crypto/keys';
import { backupDir, databaseFile } from '../data-dir';
import { secureDir, secureFile } from '../secure-fs';
import { listBackups, newestVerifiedBackup } from './backup';
import { closedCleanly } from './clean-close';
import { encryptLeftovers, encryptPlainStore } from './encrypt-upgrade';
import { isPlainSqlite } from './plain-sqlite';
import { NewerDatabaseError } from './migrate';
import { openDatabase, openKeyed, type DbHandle } from './open';

/**
 * The start refused to go on because the database is missing, empty or unreadable while backups exist.
 * `newestBackup` is the newest backup that matches its manifest: the restore offer.
 */
export class StoreNeedsRestoreError extends Error {
  constructor(
    readonly reason: 'missing' | 'empty' | 'unreadable',
    readonly newestBackup: string | null,
  ) {
    const what = {
      missing: 'Databasefilen mangler',
      empty: 'Databasefilen er tom (0 byte)',
      unreadable: 'Databasefilen er skadet og kan ikke leses',
    }[reason];
    super(
      `${what}, men det finnes sikkerhetskopier i datamappen. Forløpsbenk lager ikke en ny, tom database i stedet. ` +
        (newestBackup
          ? `Gjenopprett den nyeste kontrollerte sikkerhetskopien (${newestBackup}), eller avslutt og finn igjen filen.`
          : 'Ingen av sikkerhetskopiene besto kontrollen. Kontakt den som drifter maskinen.'),
    );
    this.name = 'StoreNeedsRestoreError';
  }
}

export const READ_ONLY_NOTICE =
  'Databasen besto ikke kontrollen ved oppstart (quick_check) og er åpnet skrivebeskyttet: du kan lese, men ingenting kan lagres. ' +
  'Gjenopprett den nyeste sikkerhetskopien under Sikkerhetskopier.';

export interface OpenedStore {
  handle: DbHandle;
  /** What the person should be told this session (Norwegian). */
  notices: string[];
}

function quickCheckOk(file: string, key: Buffer): boolean {
  let db: BetterSqlite3.Database | null = null;
  try {
    db = openKeyed(file, key, { readonly: true });
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0]?.quick_check === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** Refuses a file from a newer version by reading it only: nothing in it changes (not even the journal mode). */
function assertNotNewer(db: BetterSqlite3.Database): void {
  const has = db.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'").get() as { n: number };
  if (!has.n) return;
  const names = (db.prepare('select name from kysely_migration').all() as { name: string }[]).map((r) => r.name);
  if (names.some((n) => !(n in migrations))) throw new NewerDatabaseError();
}

/** Puts the newest verified backup in place of a missing, empty or damaged live file (the old file is kept aside). */
export function restoreNewestBackup(dataDir: string, masterKey: Buffer, now: Date): string {
  const key = deriveSubkey(masterKey, 'database');
  const name = newestVerifiedBackup(backupDir(dataDir), key);
  if (!name) throw new StoreNeedsRestoreError('unreadable', null);
  const live = databaseFile(dataDir);
  if (existsSync(live) && statSync(live).size > 0) {
    const aside = join(dataDir, 'restore-aside');
    secureDir(aside);
    renameSync(live, join(aside, `forlopsbenk-${now.toISOString().replace(/[:.]/g, '-')}-damaged.sqlite`));
  }
  for (const f of [live, `${live}-wal`, `${live}-shm`]) rmSync(f, { force: true });
  copyFileSync(join(backupDir(dataDir), name), `${live}.restoring`);
  secureFile(`${live}.restoring`);
  renameSync(`${live}.restoring`, live);
  return name;
}

/**
 * Opens the live database the safe way, before any migration:
 * - missing or 0-byte file while backups exist → refused with the restore offer (a first start just starts);
 * - a file from a newer version → refused, read only, unchanged;
 * - a plain file from before encryption → encrypted after a verified backup (encrypt-upgrade.ts);
 * - a wrong key → refused, unchanged;
 * - a file failing quick_check → opened read-only with a notice. The check reads the whole file (seconds at ten
 *   years of history), so it is skipped when the file is exactly as the last clean close left it (clean-close.ts);
 *   after a crash, or any change to the file since, it runs as before.
 */
export function openStore(dataDir: string, masterKey: Buffer, now: Date, log: (line: string) => void): OpenedStore {
  secureDir(dataDir);
  const live = databaseFile(dataDir);
  const key = deriveSubkey(masterKey, 'database');
  const notices: string[] = [];
  const size = existsSync(live) ? statSync(live).size : -1;
  if (size <= 0) {
    if (listBackups(backupDir(dataDir)).length > 0) {
      throw new StoreNeedsRestoreError(size < 0 ? 'missing' : 'empty', newestVerifiedBackup(backupDir(dataDir), key));
    }
    rmSync(live, { force: true }); // a 0-byte file and no backups: a first start that never got going
    return { handle: openDatabase(live, { key }), notices };
  }
  if (isPlainSqlite(live)) {
    const plain = new BetterSqlite3(live, { readonly: true, fileMustExist: true });
    try {
      assertNotNewer(plain);
    } finally {
      plain.close();
    }
    const message = encryptPlainStore(dataDir, live, key, backupDir(dataDir), now);
    log(message);
    notices.push(message);
  }
  const hasBackups = listBackups(backupDir(dataDir)).length > 0;
  let probe: BetterSqlite3.Database;
  try {
    probe = openKeyed(live, key, { readonly: true });
  } catch (e) {
    // The key is proven (wrapped or checked) before we get here; a backup that opens with it proves it again.
    const newest = hasBackups ? newestVerifiedBackup(backupDir(dataDir), key) : null;
    if (newest) throw new StoreNeedsRestoreError('unreadable', newest);
    throw e;
  }
  try {
    assertNotNewer(probe);
  } catch (e) {
    if (e instanceof NewerDatabaseError || !hasBackups) throw e;
    throw new StoreNeedsRestoreError('unreadable', newestVerifiedBackup(backupDir(dataDir), key));
  } finally {
    probe.close();
  }
  if (!closedCleanly(dataDir, live) && !quickCheckOk(live, key)) {
    log('Databasen besto ikke quick_check ved oppstart: åpnet skrivebeskyttet.');
    notices.push(READ_ONLY_NOTICE);
    return { handle: openDatabase(live, { key, readonly: true }), notices };
  }
  // An upgrade interrupted after the live file was encrypted is finished now that the live file has proven itself.
  const converted = encryptLeftovers(dataDir, key, backupDir(dataDir), now);
  if (converted > 0) log(`${converted} ukrypterte sikkerhetskopier fra før krypteringen er nå kryptert.`);
  return { handle: openDatabase(live, { key }), notices };
}
