import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFile } from '../../electron/core/data-dir';
import { migrateToLatest } from '../../electron/core/db/migrate';
import { openDatabase } from '../../electron/core/db/open';
import { migrations } from '../../migrations';
import { makeCore, openTestFile, referral, testDatabaseKey } from '../fixtures/core';

const fresh = () => mkdtempSync(join(tmpdir(), 'forlopsbenk-store-'));

describe('store: open and migrate', () => {
  it('sets WAL, foreign keys, a busy timeout, the WAL bound and the page cache', async () => {
    const core = await makeCore();
    expect(core.handle.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(core.handle.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(core.handle.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    // The WAL is copied into the file between calls (idle-checkpoint.ts); a commit does it only past 16 MB.
    expect(core.handle.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(4000);
    // A 32 MB page cache: the open caseload's reads fit, not decrypted again on every pass (open.ts).
    expect(core.handle.sqlite.pragma('cache_size', { simple: true })).toBe(-32_768);
    await core.dispose();
  });

  it('applies every migration in order, once', async () => {
    const dir = fresh();
    const handle = openDatabase(join(dir, 'db.sqlite'), { key: testDatabaseKey(dir) });
    const first = await migrateToLatest(handle, { backupDir: join(dir, 'b'), keepBackups: 3 });
    expect(first.applied).toEqual(Object.keys(migrations));
    expect(first.backupFile).toBeNull(); // nothing to back up in a new file
    const again = await migrateToLatest(handle, { backupDir: join(dir, 'b'), keepBackups: 3 });
    expect(again.applied).toEqual([]);
    const count = handle.sqlite.prepare('select count(*) as n from municipality').get() as { n: number };
    expect(count.n).toBe(357);
    await handle.close();
  });

  it('backs up an existing file before migrating it, and the backup holds the old data', async () => {
    const dir = fresh();
    const file = join(dir, 'db.sqlite');
    // An "old version" database: only the first migration applied, with a row in it.
    const handle = openDatabase(file, { key: testDatabaseKey(dir) });
    const { Migrator } = await import('kysely/migration');
    const first = Object.keys(migrations)[0]!;
    const old = new Migrator({
      db: handle.db,
      provider: { getMigrations: async () => ({ [first]: migrations[first]! }) },
      migrationTableName: 'kysely_migration',
    });
    expect((await old.migrateToLatest()).error).toBeUndefined();
    handle.sqlite.prepare("insert into app_setting (key, value) values ('marker', 'old')").run();

    const outcome = await migrateToLatest(handle, { backupDir: join(dir, 'backups'), keepBackups: 3 });
    expect(outcome.applied.length).toBe(Object.keys(migrations).length - 1);
    expect(outcome.backupFile).not.toBeNull();
    const backup = openTestFile(dir, outcome.backupFile!, { readonly: true });
    expect(backup.prepare("select value from app_setting where key = 'marker'").get()).toEqual({ value: 'old' });
    expect((backup.prepare("select count(*) as n from sqlite_master where name = 'municipality'").get() as { n: number }).n).toBe(1);
    expect(backup.prepare('select count(*) as n from municipality').get()).toEqual({ n: 0 }); // pre-migration state
    backup.close();
    await handle.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const dir = fresh();
    const core = await makeCore({ dataDir: dir });
    core.handle.sqlite.prepare("insert into kysely_migration (name, timestamp) values ('29990101_0001_future', '2999-01-01T00:00:00Z')").run();
    await core.close();
    const before = readdirSync(dir).sort();
    await expect(makeCore({ dataDir: dir })).rejects.toThrow(/nyere versjon/);
    expect(existsSync(join(dir, 'backups'))).toBe(before.includes('backups'));
    const db = openTestFile(dir, databaseFile(dir), { readonly: true });
    expect((db.prepare("select count(*) as n from kysely_migration where name like '2999%'").get() as { n: number }).n).toBe(1);
    db.close();
  });

  it('keeps a demo database demo-only and a real one real', async () => {
    const dir = fresh();
    const real = await makeCore({ dataDir: dir, demo: false });
    const res = await real.dispatch('referrals.create', referral());
    expect(res).toMatchObject({ ok: false, error: { issues: [{ path: 'patient.nationalId', message: 'Syntetiske testnumre kan bare brukes i demomodus' }] } });
    await real.close();
  });
});
