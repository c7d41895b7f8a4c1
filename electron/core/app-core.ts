import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { backupDir, databaseFile } from './data-dir';
import { migrateToLatest } from './db/migrate';
import { openDatabase, type DbHandle } from './db/open';
import { createDispatcher, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';
import type { Actor } from './audit';
import type { ServiceContext } from './services/context';
import { readSetting, writeSetting } from './settings';

export interface CoreOptions {
  dataDir: string;
  transport: 'electron' | 'browser';
  version: string;
  /** Ask for a demo database (synthetic ids only). Only honoured when the database is new. */
  demo?: boolean;
  clock?: () => Date;
  log?: (line: string) => void;
}

export interface Core {
  dispatch: Dispatch;
  handle: DbHandle;
  ctx: ServiceContext;
  close(): Promise<void>;
}

export const KEEP_BACKUPS_DEFAULT = 10;

function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'ukjent';
  }
}

/**
 * The composition root shared by Electron, browser mode, scripts and tests:
 * open the file, migrate it, settle demo mode, wire services into one dispatcher.
 */
export async function startCore(opts: CoreOptions): Promise<Core> {
  mkdirSync(opts.dataDir, { recursive: true });
  const handle = openDatabase(databaseFile(opts.dataDir));
  try {
    await migrateToLatest(handle, { backupDir: backupDir(opts.dataDir), keepBackups: KEEP_BACKUPS_DEFAULT });
    const demo = await settleDemoMode(handle, opts.demo ?? false);
    const osUser = osUserName();
    let profileName = 'Ikke registrert';
    const profile = await handle.db.selectFrom('profile').select('coordinator_name').executeTakeFirst();
    if (profile) profileName = profile.coordinator_name;
    const ctx: ServiceContext = {
      db: handle.db,
      clock: opts.clock ?? (() => new Date()),
      actor: (): Actor => ({ profile: profileName, osUser }),
      demo,
    };
    const handlers = createHandlers({ ctx, transport: opts.transport, version: opts.version });
    // Keep the audit actor current when the profile changes.
    const saveProfile = handlers['profile.save'];
    handlers['profile.save'] = async (p) => {
      const saved = await saveProfile(p);
      profileName = saved.coordinatorName;
      return saved;
    };
    return { dispatch: createDispatcher(handlers, opts.log), handle, ctx, close: () => handle.close() };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

async function settleDemoMode(handle: DbHandle, requested: boolean): Promise<boolean> {
  const stored = await readSetting(handle.db, 'demo');
  if (stored !== null) {
    if (requested && stored !== '1') {
      throw new Error('Denne databasen har ekte pasientdata og kan ikke åpnes i demomodus. Bruk en ny datamappe for demo.');
    }
    return stored === '1';
  }
  const patients = await handle.db.selectFrom('patient').select('id').limit(1).executeTakeFirst();
  const demo = requested && !patients;
  await writeSetting(handle.db, 'demo', demo ? '1' : '0');
  return demo;
}
