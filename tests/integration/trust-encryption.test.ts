// oxlint-disable-next-line import/default -- the package's index.d.ts says `export =`, imported as default (esModuleInterop)
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/app-core';
import { changePassphrase, deriveSubkey, KeyError, keyFileKeyStore, newKeyFileText, passphraseKeyStore } from '../../electron/core/crypto/keys';
import { backupDir, databaseFile } from '../../electron/core/data-dir';
import { checkAgainstManifest } from '../../electron/core/db/manifest';
import { DatabaseKeyError, openKeyed } from '../../electron/core/db/open';
import { startupErrorMessage } from '../../electron/core/storage-errors';
import { makeCore, openTestFile, referral, TEST_PASSPHRASE, testDatabaseKey, type TestCore } from '../fixtures/core';
import { syntheticId } from '../fixtures/trust';

const cores: TestCore[] = [];
async function core(opts: Parameters<typeof makeCore>[0] = {}) {
  const c = await makeCore(opts);
  cores.push(c);
  return c;
}
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose().catch(() => {});
});

const NAME = 'Ragnhild Krypteringsen';
const NID = syntheticId(7);

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)]));
}
function leaks(file: string): string[] {
  const bytes = readFileSync(file);
  return [NAME, NID, 'Krypteringsen', 'Storgata 1'].filter(
    (s) => bytes.includes(Buffer.from(s, 'utf8')) || bytes.includes(Buffer.from(s.toLowerCase(), 'utf8')),
  );
}
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(allFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(f)).digest('hex')]));
}

describe('encryption at rest', () => {
  it('no name or national id in the raw bytes of the database, its WAL, any backup or restore copy; 0600 files, 0700 folders', async () => {
    const c = await core();
    await c.ok('referrals.create', referral({ name: NAME, nationalId: NID }));
    const backup = await c.ok('backups.create', {});
    await c.ok('referrals.create', referral({ name: `${NAME} To`, nationalId: syntheticId(8) }));
    const restored = await c.ok('backups.restore', { fileName: backup.fileName });
    await c.ok('referrals.create', referral({ name: 'Ragnhild Krypteringsen Tre', nationalId: syntheticId(9) })); // lands in the WAL
    const live = databaseFile(c.dataDir);
    expect(statSync(`${live}-wal`).size).toBeGreaterThan(0);
    const files = allFiles(c.dataDir);
    expect(files).toEqual(expect.arrayContaining([live, `${live}-wal`, join(backupDir(c.dataDir), backup.fileName), join(c.dataDir, restored.asideFile)]));
    for (const f of files) expect({ f, leaks: leaks(f) }).toEqual({ f, leaks: [] });
    // And the data is really there, behind the key.
    const db = openTestFile(c.dataDir, join(c.dataDir, restored.asideFile), { readonly: true });
    expect(db.prepare('select name from patient order by id').all()).toEqual([{ name: NAME }, { name: `${NAME} To` }]);
    db.close();
    if (process.platform !== 'win32') {
      for (const d of [c.dataDir, backupDir(c.dataDir), join(c.dataDir, 'restore-aside')]) expect((statSync(d).mode & 0o777).toString(8)).toBe('700');
      for (const f of files) expect({ f, mode: (statSync(f).mode & 0o777).toString(8) }).toEqual({ f, mode: '600' });
    }
  });

  it('opening without the key, or with another key, fails with a clear Norwegian message', async () => {
    const c = await core();
    await c.ok('referrals.create', referral({ name: NAME, nationalId: NID }));
    const file = databaseFile(c.dataDir);
    const plain = new BetterSqlite3(file, { readonly: true });
    let raw: unknown;
    try {
      plain.prepare('select * from patient').all();
    } catch (e) {
      raw = e;
    } finally {
      plain.close();
    }
    expect(raw).toMatchObject({ code: 'SQLITE_NOTADB' });
    expect(startupErrorMessage(raw)).toMatch(/^Databasefilen er skadet/);
    expect(() => openKeyed(file, deriveSubkey(Buffer.alloc(32, 1), 'database'), { readonly: true })).toThrow(DatabaseKeyError);
    expect(() => openKeyed(file, deriveSubkey(Buffer.alloc(32, 1), 'database'), { readonly: true })).toThrow(/kunne ikke åpnes med denne nøkkelen/);
  });

  it('a wrong passphrase is refused and nothing changes', async () => {
    const c = await core();
    await c.ok('referrals.create', referral({ name: NAME, nationalId: NID }));
    await c.close();
    const before = snapshot(c.dataDir);
    expect(() => passphraseKeyStore('feil-passordfrase').load(c.dataDir)).toThrow(KeyError);
    expect(() => passphraseKeyStore('feil-passordfrase').load(c.dataDir)).toThrow(/Feil passordfrase\. Ingenting ble endret/);
    expect(snapshot(c.dataDir)).toEqual(before);
    // Even a start handed a wrong master key changes nothing.
    await expect(startCore({ dataDir: c.dataDir, masterKey: Buffer.alloc(32, 9), transport: 'browser', version: 'test' })).rejects.toThrow(/nøkkelen/);
    expect(snapshot(c.dataDir)).toEqual(before);
    // The right one still opens it; a changed passphrase keeps the same data.
    changePassphrase(c.dataDir, TEST_PASSPHRASE, 'ny-lang-passordfrase');
    const again = await startCore({
      dataDir: c.dataDir,
      masterKey: passphraseKeyStore('ny-lang-passordfrase').load(c.dataDir),
      transport: 'browser',
      version: 'test',
    });
    expect((await again.dispatch('worklist.list', {})).ok).toBe(true);
    await again.close();
  });

  it('a key file must be private, 256 bits, and belong to the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-keyfile-'));
    const keyFile = join(dir, 'nokkel.txt');
    writeFileSync(keyFile, newKeyFileText(), { mode: 0o644 });
    chmodSync(keyFile, 0o644);
    if (process.platform !== 'win32') expect(() => keyFileKeyStore(keyFile).load(join(dir, 'data'))).toThrow(/kan leses av andre/);
    chmodSync(keyFile, 0o600);
    const master = keyFileKeyStore(keyFile).load(join(dir, 'data'));
    expect(master.toString('hex')).toBe(readFileSync(keyFile, 'utf8').trim());
    const other = join(dir, 'annen.txt');
    writeFileSync(other, newKeyFileText(), { mode: 0o600 });
    expect(() => keyFileKeyStore(other).load(join(dir, 'data'))).toThrow(/passer ikke til denne datamappen/);
  });

  it('subkeys: 256 bits, one per purpose, stable', () => {
    const m = Buffer.alloc(32, 3);
    expect(deriveSubkey(m, 'database')).toHaveLength(32);
    expect(deriveSubkey(m, 'database').equals(deriveSubkey(m, 'audit-chain'))).toBe(false);
    expect(deriveSubkey(m, 'audit-chain').equals(deriveSubkey(Buffer.from(m), 'audit-chain'))).toBe(true);
  });

  it('a plain database from an earlier version is encrypted on first start, after a verified backup that is then removed', async () => {
    const c = await core();
    const { patientId } = await c.ok('referrals.create', referral({ name: NAME, nationalId: NID }));
    const oldBackup = await c.ok('backups.create', {});
    await c.close();
    // Make the folder what an earlier version left: plain database (with a WAL), plain backup, no manifests.
    const key = testDatabaseKey(c.dataDir);
    const live = databaseFile(c.dataDir);
    for (const f of [live, join(backupDir(c.dataDir), oldBackup.fileName)]) {
      const db = openKeyed(f, key);
      db.pragma('journal_mode = DELETE');
      db.pragma("rekey = ''");
      db.close();
    }
    readdirSync(backupDir(c.dataDir))
      .filter((f) => f.endsWith('.manifest.json'))
      .forEach((f) => writeFileSync(join(backupDir(c.dataDir), f), ''));
    const plainNow = new BetterSqlite3(live);
    plainNow.pragma('journal_mode = WAL');
    plainNow.prepare("insert into app_setting (key, value) values ('in-wal', '1')").run();
    expect(leaks(live).length + leaks(`${live}-wal`).length).toBeGreaterThan(0);
    plainNow.close();
    expect(readFileSync(live).subarray(0, 15).toString()).toBe('SQLite format 3');

    const log: string[] = [];
    const up = await startCore({
      dataDir: c.dataDir,
      masterKey: (await import('../fixtures/core')).testMasterKey(c.dataDir),
      transport: 'browser',
      version: 'test',
      log: (l) => log.push(l),
    });
    try {
      expect(log.join('\n')).toMatch(/Databasen er nå kryptert/);
      const info = await up.dispatch('app.info', {});
      expect(info).toMatchObject({ ok: true, value: { notices: [expect.stringMatching(/kryptert.*ukryptert sikkerhetskopi.*slettet/)] } });
      const patient = await up.dispatch('patients.get', { id: patientId });
      expect(patient).toMatchObject({ ok: true, value: { patient: { name: NAME } } });
      expect(up.handle.sqlite.prepare("select value from app_setting where key = 'in-wal'").get()).toEqual({ value: '1' });
      for (const f of allFiles(c.dataDir)) expect({ f, leaks: leaks(f) }).toEqual({ f, leaks: [] });
      expect(readdirSync(backupDir(c.dataDir)).some((f) => f.includes('plain'))).toBe(false);
      expect(checkAgainstManifest(join(backupDir(c.dataDir), oldBackup.fileName), key)).toBeNull();
      const restored = await up.dispatch('backups.restore', { fileName: oldBackup.fileName });
      expect(restored.ok).toBe(true);
    } finally {
      await up.close();
    }
    expect(existsSync(`${live}.encrypting`)).toBe(false);
  });

  it('an upgrade interrupted after the live file was encrypted is finished on the next start', async () => {
    const c = await core();
    await c.ok('referrals.create', referral({ name: NAME, nationalId: NID }));
    const b = await c.ok('backups.create', {});
    await c.close();
    const file = join(backupDir(c.dataDir), b.fileName);
    const db = openKeyed(file, testDatabaseKey(c.dataDir));
    db.pragma('journal_mode = DELETE');
    db.pragma("rekey = ''");
    db.close();
    writeFileSync(join(backupDir(c.dataDir), 'forlopsbenk-2026-11-23T08-00-00-000Z.plain-before-encryption'), readFileSync(file));
    expect(leaks(file).length).toBeGreaterThan(0);
    const again = await core({ dataDir: c.dataDir });
    for (const f of allFiles(c.dataDir)) expect({ f, leaks: leaks(f) }).toEqual({ f, leaks: [] });
    expect(readdirSync(backupDir(c.dataDir)).some((f) => f.includes('plain'))).toBe(false);
    expect(checkAgainstManifest(file, testDatabaseKey(c.dataDir))).toBeNull();
    expect((await again.ok('backups.restore', { fileName: b.fileName })).restoredFrom).toBe(b.fileName);
  });

  it('npm run key exports the key to a private file that opens the folder with --key-file', async () => {
    const c = await core();
    await c.close();
    const out = join(mkdtempSync(join(tmpdir(), 'forlopsbenk-export-')), 'nokkel.hex');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/key.ts', '--data-dir', c.dataDir, '--export-key', out], {
      env: { ...process.env, FORLOPSBENK_PASSPHRASE: TEST_PASSPHRASE },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    if (process.platform !== 'win32') expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(keyFileKeyStore(out).load(c.dataDir).equals(passphraseKeyStore(TEST_PASSPHRASE).load(c.dataDir))).toBe(true);
    const refused = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/key.ts', '--data-dir', c.dataDir, '--export-key', out], {
      env: { ...process.env, FORLOPSBENK_PASSPHRASE: 'feil-passordfrase' },
      encoding: 'utf8',
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Feil passordfrase');
  });
});
