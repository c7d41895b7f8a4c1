import { copyFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { AppError } from '../../../shared/contract/envelope';
import { osloDateOf, todayInOslo } from '../../../shared/domain/time';
import { appendAudit } from '../audit';
import { carryAuditLog, readHead, type AuditChain } from '../audit-chain';
import { backupDir, databaseFile } from '../data-dir';
import { secureDir, secureFile } from '../secure-fs';
import { backupKeep, type Gate, type RestoreProgress, type StoreTrust } from '../trust-runtime';
import type { DailyBackupProgress } from '../../../shared/contract/backups';
import { migrations } from '../../../migrations';
import { backupDatabase, copyEncrypted, describeBackups, listBackups, parseBackupName, verifyDatabaseFile, type BackupFileInfo } from './backup';
import { checkAgainstManifest, readManifest, sha256File } from './manifest';
import { migrateToLatest } from './migrate';
import { openDatabase, openKeyed, type DbHandle } from './open';

/**
 * Trust on the local file (db/local-store.ts): backups beside it, the daily backup, restore with the file
 * swapped in place, the audit chain checked against its anchor. The team store's counterpart is the
 * server's business (db/team-store.ts).
 */
interface RuntimeDeps {
  dataDir: string;
  clock: () => Date;
  gate: Gate;
  current: () => DbHandle;
  /** Puts a freshly opened handle in place and rewires the services to it. */
  swap: (handle: DbHandle) => Promise<void>;
  dailyBackup?: () => DailyBackupProgress | undefined;
  audit: AuditChain;
}

function stampOf(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

/** Whether today's (Oslo date) verified daily backup is still to be taken: a directory listing, nothing more. */
export function dailyBackupDue(dataDir: string, now: Date): boolean {
  const today = todayInOslo(now);
  return !listBackups(backupDir(dataDir)).some((f) => {
    const parsed = parseBackupName(f);
    return parsed !== null && osloDateOf(parsed.takenAt) === today;
  });
}

/**
 * Takes today's backup unless a verified one from today (Oslo date) is already there. Runs in a worker on its
 * own connection after start (daily-backup.ts), never on the start path.
 */
export async function dailyBackupIfDue(handle: DbHandle, dataDir: string, now: Date): Promise<BackupFileInfo | null> {
  if (!dailyBackupDue(dataDir, now)) return null;
  const result = await backupDatabase(handle.sqlite, handle.key, backupDir(dataDir), 'daily', await backupKeep(handle.db), now);
  return result.verified ? (describeBackups(backupDir(dataDir)).find((b) => result.file.endsWith(b.fileName)) ?? null) : null;
}

/** Trust on the local file: backups beside it, restore with the file swapped in place, the chain checked against its anchor. */
export function createFileTrust(deps: RuntimeDeps): StoreTrust {
  const dir = backupDir(deps.dataDir);
  let progress: RestoreProgress | null = null;
  let restoring = false;

  return {
    verifyAudit: (full) => deps.audit.verify(deps.current().sqlite, { full }),
    auditHead: () => readHead(deps.current().sqlite),
    backups: () => describeBackups(dir),
    progress: () => progress,
    dailyBackupProgress: () => deps.dailyBackup?.() ?? { state: 'not_due', percent: 0 },

    async backupNow(reason) {
      const handle = deps.current();
      const result = await backupDatabase(handle.sqlite, handle.key, dir, reason, await backupKeep(handle.db), deps.clock());
      if (!result.verified) {
        throw new AppError('storage', 'Sikkerhetskopien kunne ikke kontrolleres (integrity_check feilet). Den er ikke regnet som en sikkerhetskopi.');
      }
      const info = describeBackups(dir).find((b) => result.file.endsWith(b.fileName));
      if (!info) throw new AppError('storage', 'Sikkerhetskopien ble fjernet med en gang. Øk antallet som skal beholdes.');
      return info;
    },

    async restore(fileName, actor) {
      if (restoring) throw new AppError('conflict', 'En gjenoppretting pågår allerede');
      if (!listBackups(dir).includes(fileName)) throw new AppError('not_found', 'Fant ikke sikkerhetskopien');
      restoring = true;
      try {
        progress = { phase: 'checking', percent: 0 };
        const source = join(dir, fileName);
        const key = deps.current().key;
        // Content first: the file must be exactly what its manifest says (checksum, schema, rows, audit head).
        const mismatch = checkAgainstManifest(source, key);
        if (mismatch) throw new AppError('invalid_input', mismatch);
        if (!verifyDatabaseFile(source, key)) throw new AppError('invalid_input', 'Sikkerhetskopien er skadet og kan ikke brukes. Velg en annen.');
        assertKnownSchema(source, key);

        return await deps.gate.exclusive(async () => {
          const now = deps.clock();
          const live = databaseFile(deps.dataDir);
          // 1. Keep the current file aside (never rotated away), with the restore noted in its own log.
          progress = { phase: 'aside', percent: 10 };
          const old = deps.current();
          const asideDir = join(deps.dataDir, 'restore-aside');
          secureDir(asideDir);
          const asideFile = join(asideDir, `forlopsbenk-${stampOf(now)}-before-restore.sqlite`);
          if (old.readonly) {
            // A damaged file opened read-only: keep its bytes aside as they are (still encrypted); nothing is written to it.
            copyFileSync(old.file, asideFile);
            secureFile(asideFile);
          } else {
            await old.db
              .transaction()
              .execute((trx) => appendAudit(trx, actor, { action: 'backup.restore', entity: 'backup', entityId: null, patientId: null }, now));
            copyEncrypted(old.sqlite, asideFile);
            if (!verifyDatabaseFile(asideFile, key))
              throw new AppError('storage', 'Kunne ikke ta vare på dagens database før gjenoppretting. Ingenting ble endret.');
          }

          // 2. Copy the chosen backup beside the live file, check it, bring it to the current schema.
          progress = { phase: 'copying', percent: 20 };
          const staged = `${live}.restoring`;
          for (const f of [staged, `${staged}-wal`, `${staged}-shm`]) rmSync(f, { force: true });
          copyFileSync(source, staged); // the backup is encrypted with this folder's key already
          secureFile(staged);
          // What was copied is what was checked (the file cannot have changed in between).
          if (sha256File(staged).sha256 !== readManifest(source)?.sha256) {
            rmSync(staged, { force: true });
            throw new AppError('invalid_input', 'Sikkerhetskopien ble endret under gjenopprettingen. Ingenting ble endret.');
          }
          progress = { phase: 'migrating', percent: 75 };
          const stagedHandle = openDatabase(staged, { key });
          try {
            await migrateToLatest(stagedHandle, { backupDir: dir, keepBackups: await backupKeep(old.db) });
            // The log is not rewound: the restored file carries the whole log, restore entry included.
            carryAuditLog(old.sqlite, stagedHandle.sqlite);
            const ok = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(stagedHandle.db);
            if (ok.rows.length !== 1 || ok.rows[0]?.integrity_check !== 'ok')
              throw new AppError('storage', 'Den gjenopprettede kopien besto ikke kontrollen. Ingenting ble endret.');
          } finally {
            await stagedHandle.close(); // checkpoints the WAL into the file
          }

          // 3. Swap: close the live handle, move the staged file into place (atomic rename), reopen.
          progress = { phase: 'swapping', percent: 90 };
          await old.close();
          let swapped = false;
          try {
            for (const f of [`${live}-wal`, `${live}-shm`]) rmSync(f, { force: true });
            renameSync(staged, live);
            swapped = true;
            await deps.swap(openDatabase(live, { key }));
          } catch (e) {
            // Whatever happened, leave a working store behind: the new file if it is in place, else the old one.
            if (!swapped) rmSync(staged, { force: true });
            await deps.swap(openDatabase(live, { key }));
            throw e;
          }
          progress = { phase: 'done', percent: 100 };
          return { restoredFrom: fileName, asideFile: join('restore-aside', asideFile.split(/[\\/]/).pop() ?? '') };
        });
      } finally {
        restoring = false;
        if (progress?.phase !== 'done') progress = null;
      }
    },
  };
}

/** A backup written by a newer version must not be restored into this one. */
function assertKnownSchema(file: string, key: Buffer): void {
  const db = openKeyed(file, key, { readonly: true });
  try {
    const hasTable = db.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'").get() as { n: number };
    if (!hasTable.n) throw new AppError('invalid_input', 'Filen er ikke en sikkerhetskopi fra Forløpsbenk');
    const names = (db.prepare('select name from kysely_migration').all() as { name: string }[]).map((r) => r.name);
    if (names.some((n) => !(n in migrations))) {
      throw new AppError('invalid_input', 'Sikkerhetskopien er laget av en nyere versjon av Forløpsbenk og kan ikke gjenopprettes her');
    }
  } finally {
    db.close();
  }
}
