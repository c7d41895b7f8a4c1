import { userInfo } from 'node:os';
import { backupDir } from './data-dir';
import { secureDir } from './secure-fs';
import { migrateToLatest } from './db/migrate';
import type { DbHandle } from './db/open';
import { openTeamStore } from './db/open-store';
import type { StoreConfig } from './db/store';
import { READ_ONLY_NOTICE, StoreNeedsRestoreError, openStore, restoreNewestBackup } from './db/safe-start';
import { acquireInstanceLock } from './instance-lock';
import { createDispatcher, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { appendAudit, registerAuditKey, registerTeamAuditKey, teamAuditKeyFromEnvironment, type Actor } from './audit';
import { AuditChain } from './audit-chain';
import { startIdleTimer } from './idle-timer';
import type { ServiceContext } from './services/context';
import { readSetting, writeSetting } from './settings';
import { createTeamTrustRuntime } from './team-trust-runtime';
import { scheduleDailyBackup, type DailyBackupRunner } from './daily-backup';
import { ALLOWED_WHILE_LOCKED, LOCK_STATE_KEY, UNGATED_METHODS, createGate, createTrustRuntime, lockStateValue, newLockState, type TrustRuntime } from './trust-runtime';
import { isMethodName } from '../../shared/contract';
import { createStoreRuntime, type SecretStore } from './store-settings';
import { createEventHub, startTeamLive, type CoreEvents } from './team-live';
import type { StoreConnection } from './db/pg-live';
import type { PgHandle } from './db/open-pg';
import { deriveSubkey } from './crypto/keys';

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
  /** How long after start the daily verified backup begins (in a worker); default 2 s, after the worklist is up. */
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
  const log = opts.log ?? (() => {});
  const store = opts.store ?? { kind: 'sqlite' };
  if (store.kind === 'postgres') return startTeamCore(opts, store.url);
  const releaseLock = acquireInstanceLock(ensureDir(opts.dataDir));
  let handle: DbHandle;
  const notices: string[] = [];
  try {
    const now = (opts.clock ?? (() => new Date()))();
    let opened: ReturnType<typeof openStore>;
    try {
      opened = openStore(opts.dataDir, opts.masterKey, now, log);
    } catch (e) {
      // The restore offer, taken: only ever for a store that needs it (never over a healthy file).
      if (!(e instanceof StoreNeedsRestoreError) || !opts.restoreNewestBackup) throw e;
      const name = restoreNewestBackup(opts.dataDir, opts.masterKey, now);
      log(`Gjenopprettet sikkerhetskopien ${name}.`);
      notices.push(`Databasen ble gjenopprettet fra sikkerhetskopien ${name}. Det som ble lagret etter den, er ikke med.`);
      opened = openStore(opts.dataDir, opts.masterKey, now, log);
    }
    handle = opened.handle;
    notices.push(...opened.notices);
  } catch (e) {
    releaseLock();
    throw e;
  }
  // The audit chain's HMAC key: derived from the master key, registered on every connection, never stored.
  const auditKey = deriveSubkey(opts.masterKey, 'audit-chain');
  registerAuditKey(handle.sqlite, auditKey);
  let stopIdle = () => {};
  try {
    const clock = opts.clock ?? (() => new Date());
    let demo: boolean;
    if (handle.readonly) {
      // A damaged file opened read-only: no migration, no setting, no backup of the damage — nothing is written.
      demo = (await readSetting(handle.db, 'demo')) === true;
    } else {
      await migrateToLatest(handle, { backupDir: backupDir(opts.dataDir), keepBackups: KEEP_BACKUPS_DEFAULT });
      demo = await settleDemoMode(handle, opts.demo ?? false);
    }
    const osUser = osUserName();
    const chain = new AuditChain(opts.dataDir, auditKey);
    await settleAuditChain(handle, chain, { profile: 'Forløpsbenk', osUser }, clock());
    const lockState = newLockState(await readSetting(handle.db, LOCK_STATE_KEY));
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
      const storeRuntime = createStoreRuntime({ dataDir: opts.dataDir, store, login: null, connection: () => ({ state: 'online', offlineSince: null, reconnectedAt: null }), secrets: opts.secrets });
      const handlers = createHandlers({ ctx, transport: opts.transport, version: opts.version, trust, notices, store: storeRuntime });
      // Keep the audit actor current when the profile changes.
      const saveProfile = handlers['profile.save'];
      handlers['profile.save'] = async (p) => {
        const saved = await saveProfile(p);
        profileName = saved.coordinatorName;
        return saved;
      };
      inner = createDispatcher(handlers, opts.log);
    };
    const trust = createTrustRuntime({
      dataDir: opts.dataDir,
      clock,
      gate,
      current: () => handle,
      dailyBackup: () => dailyBackup?.progress(),
      swap: async (next) => {
        registerAuditKey(next.sqlite, auditKey);
        handle = next;
        // A restore put a checked file in place: the read-only notice no longer holds.
        if (!next.readonly) notices.splice(0, notices.length, ...notices.filter((n) => n !== READ_ONLY_NOTICE));
        ctx.db = next.db;
        await writeSetting(next.db, LOCK_STATE_KEY, lockStateValue(lockState));
        await wire();
      },
      lock: lockState,
      audit: chain,
    });
    await wire();
    // Trust: a verified backup once a day (Oslo date) — after start, off the main thread, never blocking it.
    // The damaged file opened read-only is never backed up (no copy of the damage).
    const dailyBackup = scheduleDailyBackup({ dataDir: opts.dataDir, key: handle.key, enabled: !handle.readonly, now: clock, delayMs: opts.dailyBackupDelayMs ?? 2000, log });
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
          return await inner(method, input);
        } finally {
          // Anchor the chain's head outside the file once the call's transaction is done.
          noteHead();
        }
      });
    };
    // A failed anchor write must not turn a done call into an error: the anchor catches up on the next call.
    const noteHead = () => {
      try {
        chain.noteHead(handle.sqlite);
      } catch {
        opts.log?.('Kunne ikke oppdatere loggens anker (audit-head.json).');
      }
    };
    noteHead();
    stopIdle = startIdleTimer(trust.lock, () => handle, () => dispatch('lock.lock', { reason: 'idle' }));
    return {
      dispatch,
      get handle() {
        return handle;
      },
      ctx,
      trust,
      store: 'sqlite',
      dailyBackup,
      masterKey: opts.masterKey,
      events: createEventHub(),
      connection: () => ({ state: 'online', offlineSince: null, reconnectedAt: null }),
      notices,
      close: async () => {
        stopIdle();
        await dailyBackup.stop();
        noteHead();
        await handle.close();
        releaseLock();
      },
    };
  } catch (e) {
    stopIdle();
    await handle.close();
    releaseLock();
    throw e;
  }
}

function ensureDir(dir: string): string {
  secureDir(dir);
  return dir;
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

/**
 * The chain at start: a log from before the chain was keyed is re-keyed once (and that is logged); a log
 * whose anchor outside the file has gone missing says so in the log itself before a new anchor is set.
 */
async function settleAuditChain(handle: DbHandle, chain: AuditChain, actor: Actor, now: Date): Promise<void> {
  if (chain.rekeyLegacy(handle.sqlite, actor, now)) return;
  if (chain.hasAnchor()) return;
  const any = await handle.db.selectFrom('audit_log').select('id').limit(1).executeTakeFirst();
  if (any) await appendAudit(handle.db, actor, { action: 'audit.anchorMissing', entity: 'audit', entityId: null, patientId: null }, now);
}

/**
 * The core on the team store (PostgreSQL): no local file, so no instance lock, no file encryption key, no
 * daily backup and no audit anchor file (backups and log checks are the server's). IT migrates the schema
 * with team:init; here it is only checked. The audit chain is keyed with the team's shared key
 * (FORLOPSBENK_TEAM_AUDIT_KEY), since entries from every desk link into one chain.
 */
async function startTeamCore(opts: CoreOptions, url: string): Promise<Core> {
  registerTeamAuditKey(teamAuditKeyFromEnvironment(process.env));
  const opened = await openTeamStore(url);
  const handle = opened.handle;
  try {
    const clock = opts.clock ?? (() => new Date());
    const demo = await settleDemoMode(handle, opts.demo ?? false);
    // On the team store "who" is the database login.
    const osUser = opened.login ?? osUserName();
    const lockState = newLockState(await readSetting(handle.db, LOCK_STATE_KEY));
    let profileName = 'Ikke registrert';
    const ctx: ServiceContext = { db: handle.db, clock, actor: (): Actor => ({ profile: profileName, osUser }), demo };
    const notices: string[] = [];
    const gate = createGate();
    const trust = createTeamTrustRuntime({
      dataDir: opts.dataDir,
      clock,
      gate,
      current: () => handle,
      swap: async () => {},
      lock: lockState,
      audit: undefined as never,
    });
    // Live: committed writes announced to the other desks (LISTEN/NOTIFY), a lost server noticed at once.
    const live = startTeamLive(handle as PgHandle, url);
    const storeRuntime = createStoreRuntime({ dataDir: opts.dataDir, store: { kind: 'postgres', url }, login: opened.login, connection: () => live.connection(), secrets: opts.secrets });
    const handlers = createHandlers({ ctx, transport: opts.transport, version: opts.version, trust, notices, store: storeRuntime });
    const profile = await handle.db.selectFrom('profile').select('coordinator_name').executeTakeFirst();
    profileName = profile?.coordinator_name ?? 'Ikke registrert';
    const saveProfile = handlers['profile.save'];
    handlers['profile.save'] = async (p) => {
      const saved = await saveProfile(p);
      profileName = saved.coordinatorName;
      return saved;
    };
    const inner = live.wrap(createDispatcher(handlers, opts.log));
    const dispatch: Dispatch = (method, input) => {
      if (typeof method === 'string' && UNGATED_METHODS.has(method)) return inner(method, input);
      return gate.run(async () => {
        const lockMethod = typeof method === 'string' && ALLOWED_WHILE_LOCKED.has(method);
        if (trust.lock.locked && !lockMethod && isMethodName(method)) {
          return { ok: false, error: { code: 'locked', message: 'Forløpsbenk er låst. Lås opp med PIN-koden.' } };
        }
        if (!lockMethod) trust.lock.lastActivityMs = trust.lock.now();
        return inner(method, input);
      });
    };
    // The idle lock reads its settings synchronously from the SQLite file; on the team store it is not yet wired.
    const stopIdle = () => {};
    return {
      dispatch,
      handle,
      ctx,
      trust,
      store: 'postgres',
      events: live.events,
      connection: () => live.connection(),
      // The team store's backups are the server's: no daily copy here.
      dailyBackup: { progress: () => ({ state: 'not_due', percent: 0 }), settled: async () => {}, stop: async () => {} },
      masterKey: opts.masterKey,
      notices,
      close: async () => {
        stopIdle();
        await live.close();
        await handle.close();
      },
    };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
