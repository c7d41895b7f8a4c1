import type { Actor } from '../audit';
import type { DailyBackupRunner } from '../daily-backup';
import type { Gate, StoreTrust } from '../trust-runtime';
import type { DbHandle } from './open';
import type { StoreConfig } from './store';
import type { TeamLive } from '../team-live';

/**
 * What the one core needs from the store it runs on. Everything that differs between the local SQLite file
 * and the unit's team store on PostgreSQL is behind this: opening and migrating, the audit key and the
 * chain's anchor, backups and restore (the file's own, or the server's business), the daily backup.
 * The core itself (services, dispatcher, lock, demo mode) is the same on both.
 */
export interface CoreStore {
  readonly kind: StoreConfig['kind'];
  /** The open database; replaced by a restore (read it each time, do not keep it). */
  readonly handle: DbHandle;
  /** The audit log's "who" beside the profile: the OS user, or the database login on the team store. */
  readonly osUser: string;
  /** The database login on the team store (null on the local file). */
  readonly login: string | null;
  /** Live updates and the connection (LISTEN/NOTIFY on the team store; nothing to hear on the local file). */
  readonly live: Omit<TeamLive, 'close'>;
  /** What the person must be told this session (encrypted on upgrade, opened read-only); shown via app.info. */
  readonly notices: string[];
  /** The audit chain at start: a legacy log re-keyed, a missing anchor noted (local file only). */
  settleAuditChain(actor: Actor, now: Date): Promise<void>;
  /** Backups, restore and log checks for trust (refused as the server's business on the team store). */
  trust(deps: StoreTrustDeps): StoreTrust;
  /** Today's verified backup after start, in a worker (none on the team store). */
  scheduleDailyBackup(opts: { now: () => Date; delayMs: number; after?: Promise<void>; log: (line: string) => void }): DailyBackupRunner;
  /** After each call's transaction: anchors the log's head outside the file (local file only). */
  afterCall(): void;
  close(): Promise<void>;
}

export interface StoreTrustDeps {
  clock: () => Date;
  gate: Gate;
  dailyBackup: () => ReturnType<DailyBackupRunner['progress']> | undefined;
  /** A restore put a new handle in place: the core rewires its services to it. */
  onSwap: (handle: DbHandle) => Promise<void>;
}

export interface StoreStartOptions {
  dataDir: string;
  masterKey: Buffer;
  now: Date;
  log: (line: string) => void;
  /** The person chose the restore offer after a refused start (local file only). */
  restoreNewestBackup: boolean;
  /** Keeps N backups before a migration (local file only). */
  keepBackups: number;
}

/** A daily-backup runner that never runs: the team store's backups are the server's. */
export const NO_DAILY_BACKUP: DailyBackupRunner = {
  progress: () => ({ state: 'not_due', percent: 0 }),
  settled: async () => {},
  stop: async () => {},
};
