import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { methodFacts, methodNames } from '../../shared/contract';
import { SECURITY_DEFAULTS } from '../../shared/contract/security';
import type { Actor } from './audit';
import type { AuditHead, AuditVerification } from './audit-chain';
import type { BackupFileInfo } from './db/backup';
import { readSetting } from './settings';
import type { DailyBackupProgress } from '../../shared/contract/backups';

/**
 * Lock state of this core, mirrored to app_setting (lock.state) on every change so a restart starts
 * where it stopped: locked stays locked, the failed tries still count. (The PIN hash is lock.pinHash.)
 */
export interface LockState {
  locked: boolean;
  failures: number;
  /** Epoch ms before which no PIN attempt is accepted. */
  blockedUntilMs: number;
  /** Wall clock for throttling and the idle timer (real time even when the domain clock is pinned in tests). */
  now: () => number;
  /** Epoch ms of the last call that counts as use (the core's idle timer locks after lock.idleSeconds). */
  lastActivityMs: number;
  /** Runs PIN checks one at a time: parallel attempts are throttled exactly like sequential ones. */
  serial<T>(fn: () => Promise<T>): Promise<T>;
}

export const LOCK_STATE_KEY = 'lock.state';

export function newLockState(saved: string | null, now: () => number = () => Date.now()): LockState {
  let parsed: { locked?: unknown; failures?: unknown; blockedUntilMs?: unknown } = {};
  try {
    parsed = saved ? (JSON.parse(saved) as typeof parsed) : {};
  } catch {
    parsed = { locked: true }; // an unreadable state is treated as locked, never as open
  }
  let tail: Promise<unknown> = Promise.resolve();
  return {
    locked: parsed.locked === true,
    failures: Number.isInteger(parsed.failures) ? (parsed.failures as number) : 0,
    blockedUntilMs: typeof parsed.blockedUntilMs === 'number' ? parsed.blockedUntilMs : 0,
    now,
    lastActivityMs: now(),
    serial<T>(fn: () => Promise<T>): Promise<T> {
      const run = tail.then(fn, fn);
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

export function lockStateValue(state: LockState): string {
  return JSON.stringify({ locked: state.locked, failures: state.failures, blockedUntilMs: state.blockedUntilMs });
}

export type RestorePhase = 'checking' | 'aside' | 'copying' | 'migrating' | 'swapping' | 'done';
export interface RestoreProgress {
  phase: RestorePhase;
  percent: number;
}

/**
 * What the trust services need from the core beyond a ServiceContext: the lock (the core's, the same on
 * both stores) and what the store does for trust (StoreTrust: the file's own backups, or the server's).
 */
export interface TrustRuntime extends StoreTrust {
  dataDir: string;
  lock: LockState;
}

/** Backups, restore and log checks: what differs between the stores (db/local-store.ts, db/team-store.ts). */
export interface StoreTrust {
  /** Checks the audit chain against the anchor outside the file (incremental unless `full`). */
  verifyAudit(full: boolean): AuditVerification;
  /** The log's current head (last id and hash), for a backup's manifest. */
  auditHead(): AuditHead | null;
  backupNow(reason: 'manual' | 'daily'): Promise<BackupFileInfo>;
  backups(): BackupFileInfo[];
  restore(fileName: string, actor: Actor): Promise<{ restoredFrom: string; asideFile: string }>;
  progress(): RestoreProgress | null;
  /** Today's daily backup, taken in a worker after start (daily-backup.ts). */
  dailyBackupProgress(): DailyBackupProgress;
}

export const BACKUP_KEEP_KEY = 'backup.keep' as const;

export async function backupKeep(db: Kysely<Database>): Promise<number> {
  return (await readSetting(db, BACKUP_KEEP_KEY)) ?? SECURITY_DEFAULTS.backupKeep;
}

/** Methods answered while the store is being swapped or the window is locked (declared in the contract's facts). */
export const UNGATED_METHODS: ReadonlySet<string> = new Set(methodNames.filter((m) => methodFacts(m).whileRestoring));
export const ALLOWED_WHILE_LOCKED: ReadonlySet<string> = new Set(methodNames.filter((m) => methodFacts(m).whileLocked));

/**
 * Lets calls run side by side, except while a restore swaps the database: then new calls wait at the
 * door and the restore waits until every call already inside has finished.
 */
export function createGate() {
  let inFlight = 0;
  let closed: Promise<void> | null = null;
  let drained: (() => void) | null = null;
  return {
    async run<T>(fn: () => Promise<T>): Promise<T> {
      while (closed) await closed;
      inFlight++;
      try {
        return await fn();
      } finally {
        inFlight--;
        if (drained && inFlight <= 1) drained();
      }
    },
    /** Called from inside a running call (the restore itself counts as one in flight). */
    async exclusive<T>(fn: () => Promise<T>): Promise<T> {
      let open!: () => void;
      closed = new Promise<void>((r) => (open = r));
      try {
        if (inFlight > 1) await new Promise<void>((r) => (drained = r));
        drained = null;
        return await fn();
      } finally {
        closed = null;
        open();
      }
    },
  };
}
export type Gate = ReturnType<typeof createGate>;
