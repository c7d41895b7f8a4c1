// oxlint-disable-next-line import/default -- the package's index.d.ts says `export =`, imported as default (esModuleInterop)
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { secureDir, secureFile } from '../secure-fs';
import { contentFacts, writeManifest } from './manifest';
import { openKeyed } from './open';
import { parseBackupName } from './backup';
import { isPlainSqlite } from './plain-sqlite';

/**
 * Encrypts a plain file into `target` (a new file): VACUUM INTO a plain, self-contained copy, then
 * `PRAGMA rekey` on that copy (SQLite3 Multiple Ciphers encrypts a plain file in place; not in WAL mode,
 * and a VACUUM INTO copy is never in WAL mode). Verified: integrity_check and the same content facts.
 */
export function encryptCopy(plainFile: string, target: string, key: Buffer): void {
  const plain = new BetterSqlite3(plainFile, { readonly: true, fileMustExist: true });
  let before: ReturnType<typeof contentFacts>;
  try {
    before = contentFacts(plain);
    rmSync(target, { force: true });
    plain.prepare('vacuum into ?').run(target);
  } finally {
    plain.close();
  }
  secureFile(target);
  const copy = new BetterSqlite3(target, { fileMustExist: true });
  try {
    copy.pragma("cipher = 'sqlcipher'");
    copy.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    copy.close();
  }
  const check = openKeyed(target, key, { readonly: true });
  try {
    const ok = check.pragma('integrity_check', { simple: true }) === 'ok';
    if (!ok || JSON.stringify(contentFacts(check)) !== JSON.stringify(before)) throw new Error('encrypted copy differs');
  } finally {
    check.close();
  }
}

/**
 * First start of the encrypting version on a plain database:
 * 1. fold the WAL into the file (the plain file is then self-contained; a crash anywhere below leaves it usable),
 * 2. a verified plain backup aside (`*.plain-before-encryption`, never offered for restore),
 * 3. an encrypted, verified copy replaces the live file,
 * 4. plain backups and restore-aside copies are encrypted the same way (backups get their manifest),
 * 5. the plain pre-encryption backup is deleted. Returns what to tell the user.
 */
export function encryptPlainStore(dataDir: string, live: string, key: Buffer, backupsDir: string, now: Date): string {
  const w = new BetterSqlite3(live, { fileMustExist: true });
  try {
    w.pragma('wal_checkpoint(TRUNCATE)');
    w.pragma('journal_mode = DELETE');
  } finally {
    w.close();
  }
  secureDir(backupsDir);
  const plainBackup = join(backupsDir, `forlopsbenk-${now.toISOString().replace(/[:.]/g, '-')}.plain-before-encryption`);
  const src = new BetterSqlite3(live, { readonly: true, fileMustExist: true });
  try {
    src.prepare('vacuum into ?').run(plainBackup);
  } finally {
    src.close();
  }
  secureFile(plainBackup);
  const verify = new BetterSqlite3(plainBackup, { readonly: true, fileMustExist: true });
  try {
    if (verify.pragma('integrity_check', { simple: true }) !== 'ok')
      throw new Error('Sikkerhetskopien før kryptering kunne ikke kontrolleres. Databasen ble ikke endret.');
  } finally {
    verify.close();
  }
  const staged = `${live}.encrypting`;
  encryptCopy(live, staged, key);
  for (const f of [`${live}-wal`, `${live}-shm`]) rmSync(f, { force: true });
  renameSync(staged, live);
  const converted = encryptLeftovers(dataDir, key, backupsDir, now);
  return (
    'Databasen er nå kryptert på disken. En ukryptert sikkerhetskopi ble tatt og kontrollert først, og er nå slettet' +
    (converted > 0 ? `; ${converted} eldre sikkerhetskopier er også kryptert.` : '.') +
    ' Ta godt vare på passordfrasen eller nøkkelfilen: uten den kan dataene ikke leses.'
  );
}

/**
 * Plain backups and restore copies from before encryption are encrypted the same way (backups get their
 * manifest), and the plain pre-encryption backup goes. Runs on every start (a readdir and a 16-byte read per
 * file), so an upgrade interrupted after the live file was encrypted is finished next time. Returns how many.
 */
export function encryptLeftovers(dataDir: string, key: Buffer, backupsDir: string, now: Date): number {
  let converted = 0;
  for (const dir of [backupsDir, join(dataDir, 'restore-aside')]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (!name.endsWith('.sqlite') || !isPlainSqlite(file)) continue;
      encryptCopy(file, `${file}.encrypting`, key);
      renameSync(`${file}.encrypting`, file);
      if (dir === backupsDir) {
        const parsed = parseBackupName(name);
        writeManifest(file, key, parsed ? new Date(parsed.takenAt) : now, parsed?.reason ?? 'manual');
      }
      converted++;
    }
    // Failed copies from before are plain too and were never backups; the pre-encryption backup has served.
    for (const name of readdirSync(dir)) {
      if ((name.endsWith('.sqlite.failed') && isPlainSqlite(join(dir, name))) || name.endsWith('.plain-before-encryption') || name.endsWith('.encrypting')) {
        rmSync(join(dir, name), { force: true });
      }
    }
  }
  return converted;
}
