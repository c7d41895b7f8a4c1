import { userInfo } from 'node:os';
import { appendAudit, registerAuditKey, type Actor } from '../audit';
import { AuditChain } from '../audit-chain';
import { deriveSubkey } from '../crypto/keys';
import { scheduleDailyBackup, type DailyBackupRunner } from '../daily-backup';
import { backupDir } from '../data-dir';
import { acquireInstanceLock } from '../instance-lock';
import { secureDir } from '../secure-fs';
import { forgetCleanClose, markCleanClose } from './clean-close';
import { idleCheckpoint } from './idle-checkpoint';
import { createFileTrust } from './file-trust';
import type { CoreStore, StoreStartOptions } from './core-store';
import { migrateToLatest } from './migrate';
import type { DbHandle } from './open';
import { READ_ONLY_NOTICE, StoreNeedsRestoreError, openStore, restoreNewestBackup } from './safe-start';
import { LOCAL_LIVE } from '../team-live';

export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'ukjent';
  }
}

/**
 * The local store: one encrypted SQLite file in the data folder, for one person at one desk (and the demo).
 * Opened the safe way (safe-start.ts), migrated here, backed up daily, its audit chain anchored outside the file.
 */
export async function openLocalStore(opts: StoreStartOptions): Promise<CoreStore> {
  secureDir(opts.dataDir);
  const releaseLock = acquireInstanceLock(opts.dataDir);
  let handle: DbHandle;
  const notices: string[] = [];
  try {
    let opened: ReturnType<typeof openStore>;
    try {
      opened = openStore(opts.dataDir, opts.masterKey, opts.now, opts.log);
    } catch (e) {
      // The restore offer, taken: only ever for a store that needs it (never over a healthy file).
      if (!(e instanceof StoreNeedsRestoreError) || !opts.restoreNewestBackup) throw e;
      const name = restoreNewestBackup(opts.dataDir, opts.masterKey, opts.now);
      opts.log(`Gjenopprettet sikkerhetskopien ${name}.`);
      notices.push(`Databasen ble gjenopprettet fra sikkerhetskopien ${name}. Det som ble lagret etter den, er ikke med.`);
      opened = openStore(opts.dataDir, opts.masterKey, opts.now, opts.log);
    }
    handle = opened.handle;
    notices.push(...opened.notices);
  } catch (e) {
    releaseLock();
    throw e;
  }
  // The audit chain's HMAC key: derived from the master key, registered on every handle, never stored.
  const auditKey = deriveSubkey(opts.masterKey, 'audit-chain');
  registerAuditKey(handle.db, auditKey);
  try {
    // A damaged file opened read-only: no migration, no backup of the damage — nothing is written.
    if (!handle.readonly) await migrateToLatest(handle, { backupDir: backupDir(opts.dataDir), keepBackups: opts.keepBackups });
  } catch (e) {
    await handle.close();
    releaseLock();
    throw e;
  }
  const chain = new AuditChain(opts.dataDir, auditKey, () => opts.log('Kunne ikke oppdatere loggens anker (audit-head.json).'));
  let daily: DailyBackupRunner | null = null;
  // A failed anchor write must not turn a done call into an error: the anchor catches up on the next call.
  const noteHead = () => {
    try {
      chain.noteHead(handle.sqlite);
    } catch {
      opts.log('Kunne ikke oppdatere loggens anker (audit-head.json).');
    }
  };
  // The WAL is copied into the file between actions, not in the write that crosses the autocheckpoint.
  const checkpoint = idleCheckpoint(() => handle.sqlite);

  return {
    kind: 'sqlite',
    get handle() {
      return handle;
    },
    osUser: osUserName(),
    login: null,
    // One desk on its own file: nothing to hear from others, always connected.
    live: LOCAL_LIVE,
    notices,
    /**
     * A log from before the chain was keyed is re-keyed once (and that is logged); a log whose anchor
     * outside the file has gone missing says so in the log itself before a new anchor is set.
     */
    async settleAuditChain(actor: Actor, now: Date) {
      if (chain.rekeyLegacy(handle.sqlite, actor, now)) return;
      if (chain.hasAnchor()) return;
      const any = await handle.db.selectFrom('audit_log').select('id').limit(1).executeTakeFirst();
      if (any) await appendAudit(handle.db, actor, { action: 'audit.anchorMissing', entity: 'audit', entityId: null, patientId: null }, now);
    },
    trust: (deps) =>
      createFileTrust({
        dataDir: opts.dataDir,
        clock: deps.clock,
        gate: deps.gate,
        current: () => handle,
        dailyBackup: deps.dailyBackup,
        audit: chain,
        swap: async (next) => {
          registerAuditKey(next.db, auditKey);
          handle = next;
          // A restore put a checked file in place: the read-only notice no longer holds.
          if (!next.readonly) notices.splice(0, notices.length, ...notices.filter((n) => n !== READ_ONLY_NOTICE));
          await deps.onSwap(next);
        },
      }),
    // Trust: a verified backup once a day (Oslo date) — after start, off the main thread, never blocking it.
    // The damaged file opened read-only is never backed up (no copy of the damage).
    scheduleDailyBackup: (o) =>
      (daily = scheduleDailyBackup({
        dataDir: opts.dataDir,
        key: handle.key,
        enabled: !handle.readonly,
        now: o.now,
        delayMs: o.delayMs,
        ...(o.after ? { after: o.after } : {}),
        log: o.log,
      })),
    // Anchor the chain's head outside the file once the call's transaction is done.
    afterCall: () => {
      noteHead();
      checkpoint.afterCall();
    },
    async close() {
      checkpoint.stop();
      noteHead();
      await chain.settled();
      const closing = handle;
      await closing.close();
      // The next start skips the whole-file quick_check when the file is exactly as left here; not after a
      // failed daily backup (its copy reads every page: the failure may be damage), nor for a read-only file.
      if (!closing.readonly && daily?.progress().state !== 'failed') markCleanClose(opts.dataDir, closing.file);
      else forgetCleanClose(opts.dataDir);
      releaseLock();
    },
  };
}
