import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface BackupResult {
  file: string;
  verified: boolean;
}

const PREFIX = 'forlopsbenk-';
/** forlopsbenk-2026-11-23T09-00-00-000Z-<reason>[-n].sqlite */
const NAME = /^forlopsbenk-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z0-9-]+)\.sqlite$/;

/**
 * Copies the live database with SQLite's online backup API (consistent even while in use),
 * checks the copy with integrity_check, and keeps the newest `keep` backups. A copy that fails the
 * check is renamed `*.sqlite.failed`: it never counts as a backup and is never offered for restore.
 */
export async function backupDatabase(
  sqlite: BetterSqlite3.Database,
  dir: string,
  reason: string,
  keep: number,
  now: Date = new Date(),
  onProgress?: (fraction: number) => void,
): Promise<BackupResult> {
  mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let file = join(dir, `${PREFIX}${stamp}-${reason}.sqlite`);
  for (let n = 2; existsSync(file); n++) file = join(dir, `${PREFIX}${stamp}-${reason}-${n}.sqlite`);
  await sqlite.backup(
    file,
    onProgress && {
      progress: ({ totalPages, remainingPages }) => {
        onProgress((totalPages - remainingPages) / Math.max(1, totalPages));
        return 1024;
      },
    },
  );
  const verified = verifyDatabaseFile(file);
  if (!verified) renameSync(file, `${file}.failed`);
  rotateBackups(dir, keep);
  return { file: verified ? file : `${file}.failed`, verified };
}

export function verifyDatabaseFile(file: string): boolean {
  let copy: BetterSqlite3.Database | null = null;
  try {
    copy = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    return rows.length === 1 && rows[0]?.integrity_check === 'ok';
  } catch {
    return false; // not a database at all, or unreadable
  } finally {
    copy?.close();
  }
}

/** Verified backups (file names), oldest first. */
export function listBackups(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.startsWith(PREFIX) && f.endsWith('.sqlite'))
      .sort(); // ISO timestamps sort chronologically
  } catch {
    return [];
  }
}

export interface BackupFileInfo {
  fileName: string;
  takenAt: string;
  reason: string;
  sizeBytes: number;
}

/** Reads the time and reason from a backup's name; null for a name we did not write. */
export function parseBackupName(fileName: string): { takenAt: string; reason: string } | null {
  const m = NAME.exec(fileName);
  if (!m) return null;
  const [, date, hh, mm, ss, ms, reason] = m;
  return { takenAt: `${date}T${hh}:${mm}:${ss}.${ms}Z`, reason: (reason ?? '').replace(/-\d+$/, '') };
}

/** Verified backups with time, reason and size, newest first. */
export function describeBackups(dir: string): BackupFileInfo[] {
  const out: BackupFileInfo[] = [];
  for (const fileName of listBackups(dir)) {
    const parsed = parseBackupName(fileName);
    if (!parsed) continue;
    let sizeBytes = 0;
    try {
      sizeBytes = statSync(join(dir, fileName)).size;
    } catch {
      continue; // removed meanwhile
    }
    out.push({ fileName, ...parsed, sizeBytes });
  }
  return out.reverse();
}

function rotateBackups(dir: string, keep: number): void {
  const all = listBackups(dir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) rmSync(join(dir, old), { force: true });
  // Failed copies are kept only until the next rotation: enough to look at, never a pile.
  const failed = readdirSync(dir).filter((f) => f.startsWith(PREFIX) && f.endsWith('.sqlite.failed')).sort();
  for (const old of failed.slice(0, Math.max(0, failed.length - 1))) rmSync(join(dir, old), { force: true });
}
