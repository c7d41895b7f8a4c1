import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface BackupResult {
  file: string;
  verified: boolean;
}

const PREFIX = 'forlopsbenk-';

/**
 * Copies the live database with SQLite's online backup API (consistent even while in use),
 * checks the copy with integrity_check, and keeps the newest `keep` backups.
 */
export async function backupDatabase(
  sqlite: BetterSqlite3.Database,
  dir: string,
  reason: string,
  keep: number,
  now: Date = new Date(),
): Promise<BackupResult> {
  mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const file = join(dir, `${PREFIX}${stamp}-${reason}.sqlite`);
  await sqlite.backup(file);
  const verified = verifyDatabaseFile(file);
  rotateBackups(dir, keep);
  return { file, verified };
}

export function verifyDatabaseFile(file: string): boolean {
  const copy = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    return rows.length === 1 && rows[0]?.integrity_check === 'ok';
  } finally {
    copy.close();
  }
}

export function listBackups(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.startsWith(PREFIX) && f.endsWith('.sqlite'))
      .sort(); // ISO timestamps sort chronologically
  } catch {
    return [];
  }
}

function rotateBackups(dir: string, keep: number): void {
  const all = listBackups(dir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) rmSync(join(dir, old), { force: true });
}
