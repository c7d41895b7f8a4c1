import type { DbHandle } from './db/open';
import type { StoreConfig } from './db/store';
import { openCoreStore } from './db/open-core-store';
import { createDispatcher, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';
import type { Actor } from './audit';
import { startIdleTimer } from './idle-timer';
import type { ServiceContext } from './services/context';
import { ownPerson } from './people';
import { readSetting, writeSetting } from './settings';
import type { DailyBackupRunner } from './daily-backup';
import { ALLOWED_WHILE_LOCKED, LOCK_STATE_KEY, UNGATED_METHODS, createGate, lockStateValue, newLockState, type TrustRuntime } from './trust-runtime';
import { isMethodName } from '../../shared/contract';
import { createStoreRuntime, type SecretStore } from './store-settings';
import type { CoreEvents } from './team-live';
import type { StoreConnection } from './db/pg-live';

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
  /**
   * When the daily verified backup begins (in a worker). Default: 2 s after the worklist is up (its first page
   * served; at most 30 s after start, for a start that never shows it). An explicit delay counts from start.
   */
  dailyBackupDelayMs?: number;
  /**
   * The data folder's 256-bit master key (electron/core/crypto/keys.ts). The database key and the
   * audit-chain HMAC key are derived from it (deriveSubkey); it is never stored in the database.
   */
  masterKey: Buffer;
  /** Desktop: the OS key store for the team store password (safeStorage); absent in browser mode. */
  secrets?: SecretStore;
  /** The person chose the restore offer after a refused start (missing, empty or damaged database). */
  restoreNewestBackup?: boolean;
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
  /** Today's verified backup, taken in a worker after start; close() waits for a running one. */
  dailyBackup: DailyBackupRunner;
  /** The master key the core was started with (for deriveSubkey). */
  masterKey: Buffer;
  /** Pushed to the windows: other desks' changes and the team store's connection (team store only). */
  events: CoreEvents;
  /** The team store's connection now (always online for the local file). */
  connection(): StoreConnection;
  /** What the person must be told this session (encrypted on upgrade, opened read-only); shown via app.info. */
  notices: string[];
  close(): Promise<void>;
}

export const KEEP_BACKUPS_DEFAULT = 10;

/**
 * The composition root shared by Electron, browser mode, scripts and tests, on either store: open the
 * store (db/open-core-store.ts: the local file or the team store; what differs between them stays there),
 * settle demo mode and the audit chain, wire the services into one dispatcher behind the lock.
 */
export async function startCore(opts: CoreOptions): Promise<Core> {
  const log = opts.log ?? (() => {});
  const clock = opts.clock ?? (() => new Date());
  const store = await openCoreStore(opts.store ?? { kind: 'sqlite' }, {
    dataDir: opts.dataDir,
    masterKey: opts.masterKey,
    now: clock(),
    log,
    restoreNewestBackup: opts.restoreNewestBackup ?? false,
    keepBackups: KEEP_BACKUPS_DEFAULT,
  });
  const notices = store.notices;
  let stopIdle = () => {};
  let dailyBackup: DailyBackupRunner | undefined;
  try {
    const handle = () => store.handle;
    // A damaged file opened read-only: no setting is written.
    const demo = handle().readonly ? (await readSetting(handle().db, 'demo')) === true : await settleDemoMode(handle(), opts.demo ?? false);
    const osUser = store.osUser;
    await store.settleAuditChain({ profile: 'Forløpsbenk', osUser }, clock());
    const lockState = newLockState(await readSetting(handle().db, LOCK_STATE_KEY));
    let profileName = 'Ikke registrert';
    const ctx: ServiceContext = {
      db: handle().db,
      clock,
      actor: (): Actor => ({ profile: profileName, osUser }),
      demo,
    };
    const gate = createGate();
    let inner: Dispatch = async () => ({ ok: false, error: { code: 'internal', message: 'Noe gikk galt. Prøv igjen.' } });
    // (Re)builds the services on the current handle: at start and after a restore swapped the file.
    const wire = async () => {
      // The audit log's name is the person's own (person_profile, this login's row), never the unit's.
      profileName = (await ownPerson(handle().db))?.name ?? 'Ikke registrert';
      const storeRuntime = createStoreRuntime({
        dataDir: opts.dataDir,
        store: opts.store ?? { kind: 'sqlite' },
        login: store.login,
        connection: () => store.live.connection(),
        secrets: opts.secrets,
      });
      const handlers = createHandlers({ ctx, transport: opts.transport, version: opts.version, trust, notices, store: storeRuntime });
      // Keep the audit actor current when the person's name changes.
      const saveProfile = handlers['profile.save'];
      handlers['profile.save'] = async (p) => {
        const saved = await saveProfile(p);
        profileName = saved.coordinatorName;
        return saved;
      };
      const saveMine = handlers['profile.saveMine'];
      handlers['profile.saveMine'] = async (p) => {
        const saved = await saveMine(p);
        profileName = saved.name;
        return saved;
      };
      // On the team store: committed writes announced to the other desks, a lost server noticed at once.
      inner = store.live.wrap(createDispatcher(handlers, opts.log));
    };
    const trust: TrustRuntime = {
      dataDir: opts.dataDir,
      lock: lockState,
      ...store.trust({
        clock,
        gate,
        dailyBackup: () => dailyBackup?.progress(),
        onSwap: async (next) => {
          ctx.db = next.db;
          await writeSetting(next.db, LOCK_STATE_KEY, lockStateValue(lockState));
          await wire();
        },
      }),
    };
    await wire();
    let worklistUp = () => {};
    const firstPage = new Promise<void>((resolve) => {
      worklistUp = resolve;
      setTimeout(resolve, 30_000).unref?.();
    });
    const runner = store.scheduleDailyBackup({
      now: clock,
      delayMs: opts.dailyBackupDelayMs ?? 2000,
      ...(opts.dailyBackupDelayMs === undefined ? { after: firstPage } : {}),
      log,
    });
    dailyBackup = runner;
    log(`daily backup: ${runner.progress().state}`);
    // One stable entry point for every transport: survives a restore, refuses patient data while locked.
    const dispatch: Dispatch = (method, input) => {
      if (typeof method === 'string' && UNGATED_METHODS.has(method)) return inner(method, input);
      return gate.run(async () => {
        const lockMethod = typeof method === 'string' && ALLOWED_WHILE_LOCKED.has(method);
        if (trust.lock.locked && !lockMethod && isMethodName(method)) {
          return { ok: false, error: { code: 'locked', message: 'Forløpsbenk er låst. Lås opp med PIN-koden.' } };
        }
        if (!lockMethod) trust.lock.lastActivityMs = trust.lock.now();
        try {
          const res = await inner(method, input);
          if (method === 'worklist.list' && res.ok) worklistUp();
          return res;
        } finally {
          store.afterCall();
        }
      });
    };
    store.afterCall();
    stopIdle = startIdleTimer(
      trust.lock,
      () => handle().db,
      () => dispatch('lock.lock', { reason: 'idle' }),
    );
    return {
      dispatch,
      get handle() {
        return store.handle;
      },
      ctx,
      trust,
      store: store.kind,
      dailyBackup: runner,
      masterKey: opts.masterKey,
      events: store.live.events,
      connection: () => store.live.connection(),
      notices,
      close: async () => {
        stopIdle();
        await runner.stop();
        await store.close();
      },
    };
  } catch (e) {
    // A start that fails after the daily backup was scheduled leaves no backup behind to run on a closed store.
    stopIdle();
    await dailyBackup?.stop();
    await store.close();
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
