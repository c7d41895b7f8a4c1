// oxlint-disable-next-line import/default -- the package's index.d.ts says `export =`, imported as default (esModuleInterop)
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { secureDir, secureFile } from '../secure-fs';
import { openKeyed } from './open';
import { checkAgainstManifest, writeManifest, MANIFEST_SUFFIX } from './manifest';

export interface BackupResult {
  file: string;
  verified: boolean;
}

const PREFIX = 'forlopsbenk-';
/** forlopsbenk-2026-11-23T09-00-00-000Z-<reason>[-n].sqlite */
const NAME = /^forlopsbenk-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z0-9-]+)\.sqlite$/;

/**
 * Copies the live database with `VACUUM INTO` (a consistent snapshot even while in use, encrypted with the
 * live file's key — SQLite's online backup API cannot write an encrypted copy), checks the copy with
 * integrity_check, writes its manifest (SHA-256, schema version, row counts, audit head) and keeps the newest
 * `keep` backups. A copy that fails the check is renamed `*.sqlite.failed`: never a backup, never offered.
 */
export async function backupDatabase(
  sqlite: BetterSqlite3.Database,
  key: Buffer,
  dir: string,
  reason: string,
  keep: number,
  now: Date = new Date(),
): Promise<BackupResult> {
  secureDir(dir);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let file = join(dir, `${PREFIX}${stamp}-${reason}.sqlite`);
  for (let n = 2; existsSync(file); n++) file = join(dir, `${PREFIX}${stamp}-${reason}-${n}.sqlite`);
  // Written under a temporary name (not listed as a backup) and renamed only after the check and the manifest:
  // a process killed half-way never leaves a half file under a valid backup name.
  const partial = `${file}.partial`;
  copyEncrypted(sqlite, partial);
  const verified = verifyDatabaseFile(partial, key);
  if (!verified) {
    renameSync(partial, `${file}.failed`);
  } else {
    writeManifest(partial, key, now, reason, file);
    renameSync(partial, file);
  }
  rotateBackups(dir, keep);
  return { file: verified ? file : `${file}.failed`, verified };
}

/** VACUUM INTO: the copy gets the source connection's cipher and key. */
export function copyEncrypted(sqlite: BetterSqlite3.Database, target: string): void {
  rmSync(target, { force: true });
  sqlite.prepare('vacuum into ?').run(target);
  secureFile(target);
}

export function verifyDatabaseFile(file: string, key: Buffer): boolean {
  let copy: BetterSqlite3.Database | null = null;
  try {
    copy = openKeyed(file, key, { readonly: true });
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    return rows.length === 1 && rows[0]?.integrity_check === 'ok';
  } catch {
    return false; // not a database at all, wrong key, or unreadable
  } finally {
    copy?.close();
  }
}

/** Backups (file names), oldest first. */
export function listBackups(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.startsWith(PREFIX) && f.endsWith('.sqlite'))
      .sort(); // ISO timestamps sort chronologically
  } catch {
    return [];
  }
}

/** The newest backup whose content matches its manifest and passes integrity_check, or null. */
export function newestVerifiedBackup(dir: string, key: Buffer): string | null {
  for (const name of listBackups(dir).reverse()) {
    const file = join(dir, name);
    if (checkAgainstManifest(file, key) === null && verifyDatabaseFile(file, key)) return name;
  }
  return null;
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

/** Backups with time, reason and size, newest first. */
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
  for (const old of all.slice(0, Math.max(0, all.length - keep))) {
    rmSync(join(dir, old), { force: true });
    rmSync(join(dir, `${old}${MANIFEST_SUFFIX}`), { force: true });
  }
  // Failed copies are kept only until the next rotation: enough to look at, never a pile.
  const failed = readdirSync(dir)
    .filter((f) => f.startsWith(PREFIX) && f.endsWith('.sqlite.failed'))
    .sort();
  for (const old of failed.slice(0, Math.max(0, failed.length - 1))) rmSync(join(dir, old), { force: true });
}
