import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, writes, query } from './method';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
const write = writes(['lock']);

/** The trust settings: auto-lock, backup rotation, retention. */
export const securitySettingsSchema = lazySchema(() =>
  z.object({
    /** Idle time before the window locks. The UI offers whole minutes; tests may use less. */
    idleSeconds: z
      .number({ error: 'Velg tid før låsing' })
      .int()
      .min(5)
      .max(4 * 3600),
    /** How many backups to keep (oldest removed first). */
    backupKeep: z
      .number({ error: 'Velg hvor mange sikkerhetskopier som skal beholdes' })
      .int()
      .min(1, { message: 'Behold minst én sikkerhetskopi' })
      .max(100, { message: 'Høyst 100 sikkerhetskopier' }),
    /** Patients who left the worklist more than this many months ago may be deleted. */
    retentionMonths: z.number({ error: 'Velg antall måneder' }).int().min(1, { message: 'Minst 1 måned' }).max(240, { message: 'Høyst 240 måneder' }),
  }),
);
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;

export const SECURITY_DEFAULTS: SecuritySettings = { idleSeconds: 600, backupKeep: 10, retentionMonths: 24 };

export const securityContract = {
  'security.getSettings': method(
    () => z.object({}).optional(),
    () => securitySettingsSchema,
    query(),
  ),
  'security.saveSettings': method(
    () => securitySettingsSchema,
    () => securitySettingsSchema,
    write(),
  ),
};
