import { appendAudit } from '../audit';
import { backupKeep, type TrustRuntime } from '../trust-runtime';
import type { ServiceContext } from './context';
import { requireTrust } from './trust-deps';

export function createBackupsService(ctx: ServiceContext, trustOrNone: TrustRuntime | undefined) {
  return {
    async status() {
      const trust = requireTrust(trustOrNone);
      const backups = trust.backups();
      const keep = await backupKeep(ctx.db);
      return { lastVerifiedAt: backups[0]?.takenAt ?? null, keep, backups };
    },

    /** On demand: online backup, integrity_check, rotation; the audit entry lands in the live file. */
    async create() {
      const trust = requireTrust(trustOrNone);
      const info = await trust.backupNow('manual');
      await ctx.db
        .transaction()
        .execute((trx) => appendAudit(trx, ctx.actor(), { action: 'backup.create', entity: 'backup', entityId: null, patientId: null }, ctx.clock()));
      return info;
    },

    restore(fileName: string) {
      return requireTrust(trustOrNone).restore(fileName, ctx.actor());
    },

    dailyProgress() {
      return requireTrust(trustOrNone).dailyBackupProgress();
    },

    restoreProgress() {
      return requireTrust(trustOrNone).progress();
    },
  };
}
