import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { backupDir, databaseFile } from './data-dir';
import { migrateToLatest } from './db/migrate';
import type { DbHandle } from './db/open';
import { openStore } from './db/open-store';
import type { StoreConfig } from './db/store';
import { createDispatcher, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';
import type { Actor } from './audit';
import type { ServiceContext } from './services/context';
import { readSetting, writeSetting } from './settings';
import { createTeamTrustRuntime } from './team-trust-runtime';
import { ALLOWED_WHILE_LOCKED, UNGATED_METHODS, createGate, createTrustRuntime, dailyBackupIfDue, type TrustRuntime } from './trust-runtime';
import { isMethodName } from '../../shared/contract';

export interface CoreOptions {
  dataDir: string;
  transport: 'electron' | 'browser';
  version: string;
  /** Ask for a demo database (synthetic ids only). Only honoured when the database is new. */
  demo?: boolean;
  clock?: () => Date;
  log?: (line: string) => void;
  /** The local SQLite file in dataDir (default) or the unit's team store on PostgreSQL. */
  store?: StoreConfig;
}

export interface Core {
  dispatch: Dispatch;
  /** The open database; replaced by a restore (read it each time, do not keep it). */
  readonly handle: DbHandle;
  ctx: ServiceContext;
  /** Backups, restore and the lock: what trust needs beyond the services. */
  trust: TrustRuntime;
  /** Which store this core runs on: the status bar shows the team store, backups are the server's then. */
  store: StoreConfig['kind'];
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
  const store = opts.store ?? { kind: 'sqlite' };
  const opened = await openStore(store, databaseFile(opts.dataDir));
  let handle = opened.handle;
  try {
    if (store.kind === 'sqlite') await migrateToLatest(handle, { backupDir: backupDir(opts.dataDir), keepBackups: KEEP_BACKUPS_DEFAULT });
    const demo = await settleDemoMode(handle, opts.demo ?? false);
    const clock = opts.clock ?? (() => new Date());
    // Trust: a verified backup at start, once a day (Oslo date). The team store's backups are the server's.
    if (store.kind === 'sqlite') await dailyBackupIfDue(handle, opts.dataDir, clock());
    // On the team store "who" is the database login (the server writes it into the audit log itself).
    const osUser = opened.login ?? osUserName();
    let profileName = 'Ikke registrert';
    const ctx: ServiceContext = {
      db: handle.db,
      clock,
      actor: (): Actor => ({ profile: profileName, osUser }),
      demo,
    };
    const gate = createGate();
    let inner: Dispatch = async () => ({ ok: false, error: { code: 'internal', message: 'Noe gikk galt. Prøv igjen.' } });
    // (Re)builds the services on the current handle: at start and after a restore swapped the file.
    const wire = async () => {
      const profile = await handle.db.selectFrom('profile').select('coordinator_name').executeTakeFirst();
      profileName = profile?.coordinator_name ?? 'Ikke registrert';
      const handlers = createHandlers({ ctx, transport: opts.transport, version: opts.version, trust });
      // Keep the audit actor current when the profile changes.
      const saveProfile = handlers['profile.save'];
      handlers['profile.save'] = async (p) => {
        const saved = await saveProfile(p);
        profileName = saved.coordinatorName;
        return saved;
      };
      inner = createDispatcher(handlers, opts.log);
    };
    const trust = (store.kind === 'postgres' ? createTeamTrustRuntime : createTrustRuntime)({
      dataDir: opts.dataDir,
      clock,
      gate,
      current: () => handle,
      swap: async (next) => {
        handle = next;
        ctx.db = next.db;
        await wire();
      },
    });
    await wire();
    // One stable entry point for every transport: survives a restore, refuses patient data while locked.
    const dispatch: Dispatch = (method, input) => {
      if (typeof method === 'string' && UNGATED_METHODS.has(method)) return inner(method, input);
      return gate.run(async () => {
        if (trust.lock.locked && !(typeof method === 'string' && ALLOWED_WHILE_LOCKED.has(method)) && isMethodName(method)) {
          return { ok: false, error: { code: 'locked', message: 'Forløpsbenk er låst. Lås opp med PIN-koden.' } };
        }
        return inner(method, input);
      });
    };
    return {
      dispatch,
      get handle() {
        return handle;
      },
      ctx,
      trust,
      store: store.kind,
      close: () => handle.close(),
    };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

async function settleDemoMode(handle: DbHandle, requested: boolean): Promise<boolean> {
  const stored = await readSetting(handle.db, 'demo');
  if (stored !== null) {
    if (requested && !stored) {
      throw new Error('Denne databasen har ekte pasientdata og kan ikke åpnes i demomodus. Bruk en ny datamappe for demo.');
    }
    return stored;
  }
  const patients = await handle.db.selectFrom('patient').select('id').limit(1).executeTakeFirst();
  const demo = requested && !patients;
  await writeSetting(handle.db, 'demo', demo);
  return demo;
}
