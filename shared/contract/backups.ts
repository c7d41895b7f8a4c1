import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, writes, query } from './method';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
// A restore replaces the database.
const write = writes('*');

export const backupInfoSchema = lazySchema(() =>
  z.object({
    fileName: z.string(),
    /** ISO-8601 UTC, when the copy was taken. */
    takenAt: z.string(),
    reason: z.string(),
    sizeBytes: z.number(),
  }),
);
export type BackupInfo = z.infer<typeof backupInfoSchema>;

/** A backup's file name as listed by backups.status: never a path. */
export const backupFileName = lazySchema(() =>
  z
    .string({ error: 'Velg en sikkerhetskopi' })
    .max(200, { message: 'Ukjent sikkerhetskopi' })
    .regex(/^forlopsbenk-[0-9TZ-]+-[a-z][a-z0-9-]*\.sqlite$/, { message: 'Ukjent sikkerhetskopi' }),
);

/**
 * The daily verified backup after start (off the main thread): not due today, waiting, running (`copying`
 * covers the copy and its integrity_check, both in the worker), finished.
 */
export const DAILY_BACKUP_STATES = ['not_due', 'waiting', 'copying', 'done', 'failed'] as const;

export type DailyBackupState = (typeof DAILY_BACKUP_STATES)[number];
export interface DailyBackupProgress {
  state: DailyBackupState;
  percent: number;
}

export const RESTORE_PHASES = ['checking', 'aside', 'copying', 'migrating', 'swapping', 'done'] as const;

export const backupsContract = {
  'backups.status': method(
    () => z.object({}).optional(),
    () =>
      z.object({
        /** When the newest backup that passed integrity_check was taken; null when there is none. */
        lastVerifiedAt: z.string().nullable(),
        keep: z.number(),
        backups: z.array(backupInfoSchema),
      }),
    query(),
  ),
  'backups.create': method(
    () => z.object({}).optional(),
    () => backupInfoSchema,
    write(),
  ),
  'backups.restore': method(
    () => z.object({ fileName: backupFileName }),
    () => z.object({ restoredFrom: z.string(), asideFile: z.string() }),
    write(),
  ),
  /** Polled by the UI while a restore runs; answered even while the store is swapped. */
  'backups.restoreProgress': method(
    () => z.object({}).optional(),
    () => z.object({ phase: z.enum(RESTORE_PHASES), percent: z.number() }).nullable(),
    query('none', { whileLocked: true, whileRestoring: true }),
  ),
  /** Polled by the status bar after start while today's backup is taken in the background. */
  'backups.dailyProgress': method(
    () => z.object({}).optional(),
    () => z.object({ state: z.enum(DAILY_BACKUP_STATES), percent: z.number() }),
    query('none', { whileLocked: true }),
  ),
};
