import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { startCore } from '../app-core';
import { deriveSubkey, type KeyStore } from '../crypto/keys';
import { databaseFile } from '../data-dir';
import { openDatabase } from '../db/open';
import { readSetting } from '../settings';
import { seedContacts } from './contacts-seed';
import { seedFeatureHistory } from './feature-seed';
import { seedCaseload } from './seed';

export interface SeedDirOptions {
  dataDir: string;
  patients: number;
  seed: number;
  /** Replace a demo database already in the folder (a real one is never replaced). */
  replace: boolean;
  now: Date;
  /** Demo folders are encrypted like real ones: the key store of the target (a new key is made for the new folder). */
  keyStore: KeyStore;
  /** Progress per phase; throwing from it stops the run (and leaves the folder as it was). */
  onProgress?: (phase: 'caseload' | 'history', done: number, total: number) => void;
}

export interface SeedDirResult {
  patients: number;
  openPathways: number;
  appointments: number;
  noShows: number;
  meetings: number;
  plans: number;
  contacts: number;
}

/** A refusal the script prints as is (Norwegian, no data). */
export class SeedRefused extends Error {}

async function isDemoDatabase(file: string, key: Buffer): Promise<boolean> {
  let handle: ReturnType<typeof openDatabase> | null = null;
  try {
    handle = openDatabase(file, { key, readonly: true });
    return (await readSetting(handle.db, 'demo')) === true;
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/**
 * `npm run seed`: writes a demo caseload into a NEW folder beside the target and moves it into place only when
 * everything succeeded, so a failed or interrupted run leaves no half-filled folder. A folder that already holds
 * anything is refused, unless `replace` is set and it holds a demo database (never a real one).
 */
export async function seedDataDir(opts: SeedDirOptions): Promise<SeedDirResult> {
  const target = opts.dataDir;
  const entries = existsSync(target) ? readdirSync(target) : [];
  if (entries.length > 0) {
    if (!opts.replace) {
      throw new SeedRefused('Mappen inneholder allerede data. Velg en ny, tom mappe, eller bruk --replace for å erstatte en demodatabase.');
    }
    const file = databaseFile(target);
    if (!existsSync(file) || !(await isDemoDatabase(file, deriveSubkey(opts.keyStore.load(target), 'database')))) {
      throw new SeedRefused('Mappen inneholder noe annet enn en demodatabase og blir ikke erstattet. Velg en ny, tom mappe.');
    }
  }
  const work = join(dirname(target), `.${basename(target)}.seeding-${process.pid}-${Date.now()}`);
  try {
    const core = await startCore({
      dataDir: work,
      masterKey: opts.keyStore.load(work),
      transport: 'browser',
      version: 'seed',
      demo: true,
      clock: () => opts.now,
    });
    let result: SeedDirResult;
    try {
      const caseload = await seedCaseload(core.ctx.db, {
        patients: opts.patients,
        seed: opts.seed,
        now: opts.now,
        onProgress: (done, total) => opts.onProgress?.('caseload', done, total),
      });
      const contacts = await seedContacts(core.dispatch, core.handle);
      const history = await seedFeatureHistory(core.dispatch, core.handle, {
        now: opts.now,
        onProgress: (done, total) => opts.onProgress?.('history', done, total),
      });
      core.handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      result = { ...caseload, ...history, contacts };
    } finally {
      await core.close();
    }
    if (existsSync(target)) rmSync(target, { recursive: true, force: true });
    renameSync(work, target);
    return result;
  } catch (e) {
    rmSync(work, { recursive: true, force: true });
    throw e;
  }
}
