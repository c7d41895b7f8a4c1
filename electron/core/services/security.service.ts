import { SECURITY_DEFAULTS, type SecuritySettings } from '../../../shared/contract/security';
import { appendAudit } from '../audit';
import { readSetting, writeSetting } from '../settings';
import { BACKUP_KEEP_KEY, backupKeep } from '../trust-runtime';
import type { ServiceContext } from './context';
import { IDLE_KEY, idleSeconds } from './lock.service';

export const RETENTION_KEY = 'retention.months' as const;

export async function retentionMonths(ctx: ServiceContext): Promise<number> {
  return (await readSetting(ctx.db, RETENTION_KEY)) ?? SECURITY_DEFAULTS.retentionMonths;
}

/**
 * Auto-lock (the person's own, person_setting), backup rotation and retention (the unit's, app_setting). A unit
 * setting is written only when it changes: on the team store most logins may not change the unit's settings,
 * and saving one's own idle time must not need that right.
 */
export function createSecurityService(ctx: ServiceContext) {
  async function getSettings(): Promise<SecuritySettings> {
    return { idleSeconds: await idleSeconds(ctx), backupKeep: await backupKeep(ctx.db), retentionMonths: await retentionMonths(ctx) };
  }
  return {
    getSettings,
    async saveSettings(s: SecuritySettings): Promise<SecuritySettings> {
      const before = await getSettings();
      await ctx.db.transaction().execute(async (trx) => {
        await writeSetting(trx, IDLE_KEY, s.idleSeconds);
        if (s.backupKeep !== before.backupKeep) await writeSetting(trx, BACKUP_KEEP_KEY, s.backupKeep);
        if (s.retentionMonths !== before.retentionMonths) await writeSetting(trx, RETENTION_KEY, s.retentionMonths);
        await appendAudit(trx, ctx.actor(), { action: 'settings.save', entity: 'setting', entityId: null, patientId: null }, ctx.clock());
      });
      return getSettings();
    },
  };
}
