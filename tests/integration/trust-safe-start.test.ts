import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDir, databaseFile } from '../../electron/core/data-dir';
import { READ_ONLY_NOTICE, StoreNeedsRestoreError } from '../../electron/core/db/safe-start';
import { startupErrorMessage, storageErrorMessage } from '../../electron/core/storage-errors';
import { makeCore, openTestFile, referral, TEST_PASSPHRASE, type TestCore } from '../fixtures/core';
import { syntheticId, tableCounts } from '../fixtures/trust';

const cores: TestCore[] = [];
async function core(opts: Parameters<typeof makeCore>[0] = {}) {
  const c = await makeCore(opts);
  cores.push(c);
  return c;
}
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose().catch(() => {});
});

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

/** A folder with two patients and a verified backup holding the first; closed. */
async function folderWithBackup(): Promise<{ dir: string; backup: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-safe-'));
  const c = await makeCore({ dataDir: dir });
  await c.ok('referrals.create', referral({ nationalId: syntheticId(1) }));
  const backup = await c.ok('backups.create', {});
  await c.ok('referrals.create', referral({ nationalId: syntheticId(2) }));
  await c.close();
  return { dir, backup: backup.fileName };
}

/** Flips bytes in the middle of the patient table's page: the schema still reads, quick_check does not pass. */
function damagePatientPage(dir: string): void {
  const db = openTestFile(dir, databaseFile(dir), { readonly: true });
  const { rootpage } = db.prepare("select rootpage from sqlite_master where name = 'patient'").get() as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(databaseFile(dir), 'r+');
  writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (rootpage - 1) * pageSize + 2048);
  closeSync(fd);
}

describe('safe starts', () => {
  for (const how of ['missing', 'empty'] as const) {
    it(`a ${how} database where backups exist is not replaced by a new one: refused with the restore offer`, async () => {
      const { dir, backup } = await folderWithBackup();
      const live = databaseFile(dir);
      if (how === 'missing') rmSync(live);
      else writeFileSync(live, '');
      const err = await makeCore({ dataDir: dir }).then(
        (c) => c.close().then(() => null),
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(StoreNeedsRestoreError);
      expect((err as StoreNeedsRestoreError).newestBackup).toBe(backup);
      expect((err as Error).message).toMatch(
        how === 'missing' ? /^Databasefilen mangler.*Gjenopprett den nyeste/ : /^Databasefilen er tom.*Gjenopprett den nyeste/,
      );
      expect(startupErrorMessage(err)).toBe((err as Error).message);
      // Nothing new was created in its place.
      expect(how === 'missing' ? existsSync(live) : statSync(live).size).toBe(how === 'missing' ? false : 0);
      // The person takes the offer: the backup's data is back.
      const restored = await core({ dataDir: dir, restoreNewestBackup: true });
      expect((await restored.ok('worklist.list', {})).total).toBe(1);
      expect((await restored.ok('app.info', {})).notices[0]).toMatch(/gjenopprettet fra sikkerhetskopien/);
    });
  }

  it('the restore offer never acts on a healthy database', async () => {
    const { dir } = await folderWithBackup();
    const c = await core({ dataDir: dir, restoreNewestBackup: true });
    expect((await c.ok('worklist.list', {})).total).toBe(2);
    expect((await c.ok('app.info', {})).notices).toEqual([]);
  });

  it('a genuinely first start (no backups) still just starts, also over a 0-byte file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-first-'));
    writeFileSync(databaseFile(dir), '');
    const c = await core({ dataDir: dir });
    expect((await c.ok('worklist.list', {})).total).toBe(0);
  });

  it('a database failing quick_check opens read-only with a Norwegian notice; no write lands; restore brings it back', async () => {
    const { dir, backup } = await folderWithBackup();
    const live = databaseFile(dir);
    damagePatientPage(dir);
    const before = sha(live);
    const backupsBefore = readdirSync(backupDir(dir)).sort();
    const c = await core({ dataDir: dir });
    expect(c.handle.readonly).toBe(true);
    const info = await c.ok('app.info', {});
    expect(info.notices).toContain(READ_ONLY_NOTICE);
    const res = await c.dispatch('profile.save', { coordinatorName: 'Ny Navn', unitName: 'DPS', unitPhone: '22 00 00 00' });
    expect(res).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/^Databasen kan bare leses/) } });
    expect(sha(live)).toBe(before);
    expect(existsSync(`${live}-wal`) ? statSync(`${live}-wal`).size : 0).toBe(0);
    expect(readdirSync(backupDir(dir)).sort()).toEqual(backupsBefore); // no backup of the damage, no migration backup
    // The restore offer works from inside the read-only session.
    const restored = await c.ok('backups.restore', { fileName: backup });
    expect(restored.restoredFrom).toBe(backup);
    expect((await c.ok('app.info', {})).notices).not.toContain(READ_ONLY_NOTICE);
    await c.ok('referrals.create', referral({ nationalId: syntheticId(3) }));
    expect((await c.ok('worklist.list', {})).total).toBe(2);
  });

  it('a second core on the same folder is refused clearly, in this process and from another one', async () => {
    const c = await core();
    await expect(makeCore({ dataDir: c.dataDir })).rejects.toThrow(/allerede åpen på denne datamappen/);
    await c.close();
    // Another process (the same production core, as browser mode runs it) holds the folder.
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/faults/writer.ts', c.dataDir, '100'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORLOPSBENK_PASSPHRASE: TEST_PASSPHRASE },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('READY') && resolve());
        child.on('exit', (code) => reject(new Error(`writer exited ${code}`)));
      });
      await expect(makeCore({ dataDir: c.dataDir })).rejects.toThrow(/allerede åpen på denne datamappen/);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    // The lock dies with the process: the next start works.
    const next = await core({ dataDir: c.dataDir });
    expect((await next.dispatch('worklist.list', {})).ok).toBe(true);
  });

  it('a file from a newer version is refused before anything in it changes (rollback journal stays)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-newer-'));
    const c = await makeCore({ dataDir: dir });
    await c.ok('referrals.create', referral());
    await c.close();
    const db = openTestFile(dir, databaseFile(dir));
    db.pragma('journal_mode = DELETE');
    db.prepare("insert into kysely_migration (name, timestamp) values ('29990101_0001_future', '2999-01-01')").run();
    const counts = tableCounts(db);
    db.close();
    const live = databaseFile(dir);
    const before = sha(live);
    const files = readdirSync(dir).sort();
    await expect(makeCore({ dataDir: dir })).rejects.toThrow(/nyere versjon/);
    expect(sha(live)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(files);
    const after = openTestFile(dir, live, { readonly: true });
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(tableCounts(after)).toEqual(counts);
    after.close();
  });

  it('no raw English SQLite message reaches a person', () => {
    const english = /disk image|malformed|unable to|file is not|no such|constraint failed|database is locked|readonly database|SQLITE_/i;
    for (const code of [
      'SQLITE_CORRUPT',
      'SQLITE_NOTADB',
      'SQLITE_CANTOPEN',
      'SQLITE_IOERR_WRITE',
      'SQLITE_FULL',
      'SQLITE_READONLY',
      'SQLITE_BUSY',
      'SQLITE_PERM',
      'SQLITE_ERROR',
    ]) {
      const e = Object.assign(new Error('database disk image is malformed'), { code });
      expect(storageErrorMessage(e)?.message).not.toMatch(english);
      expect(startupErrorMessage(e)).not.toMatch(english);
    }
    expect(startupErrorMessage(new Error('SQLITE_CANTOPEN: unable to open database file'))).not.toMatch(english);
    expect(startupErrorMessage(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }))).toMatch(/tilgang til datamappen/);
  });
});
