// oxlint-disable-next-line import/default -- the package's index.d.ts says `export =`, imported as default (esModuleInterop)
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { secureFile } from './secure-fs';

export const LOCK_FILE = 'forlopsbenk.lock';

export class InstanceLockedError extends Error {
  constructor() {
    super('Forløpsbenk er allerede åpen på denne datamappen (i et annet vindu eller en annen prosess). Lukk den andre først. Ingenting ble endret.');
    this.name = 'InstanceLockedError';
  }
}

/**
 * One running core per data folder, whatever the transport: an exclusive SQLite lock on a small empty
 * file beside the database. The operating system drops the lock when the process dies (even by SIGKILL),
 * so a crash never leaves a stale lock behind; a second process, or a second core in the same process,
 * is refused at once.
 */
export function acquireInstanceLock(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  const db = new BetterSqlite3(file);
  secureFile(file);
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('journal_mode = DELETE');
    db.exec('begin exclusive');
  } catch {
    db.close();
    throw new InstanceLockedError();
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      db.exec('rollback');
    } catch {
      // already gone
    }
    db.close();
  };
}
