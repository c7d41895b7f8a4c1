import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDir } from '../../electron/core/data-dir';
import { checkAgainstManifest, writeManifest } from '../../electron/core/db/manifest';
import { FIXED_NOW, makeCore, openTestFile, referral, testDatabaseKey, type TestCore } from '../fixtures/core';
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

const patientCount = (c: TestCore) => (c.handle.sqlite.prepare('select count(*) as n from patient').get() as { n: number }).n;

describe('backups', () => {
  it('takes one verified backup per Oslo day after start, in a worker, not one per start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-daily-'));
    const first = await core({ dataDir: dir, dailyBackupDelayMs: 50 });
    // Start did not wait for it: the core answers while the backup is still to come.
    expect(readdirSync(dir).includes('backups') ? readdirSync(backupDir(dir)).filter((f) => f.endsWith('-daily.sqlite')) : []).toHaveLength(0);
    expect((await first.ok('backups.dailyProgress', {})).state).toBe('waiting');
    expect((await first.ok('worklist.list', {})).total).toBe(0);
    await first.dailyBackup.settled();
    expect(await first.ok('backups.dailyProgress', {})).toEqual({ state: 'done', percent: 100 });
    // The worker's copy is encrypted with the folder's key, matches its manifest, and its temporary name is gone.
    const daily = readdirSync(backupDir(dir)).filter((f) => f.endsWith('-daily.sqlite'));
    expect(daily).toHaveLength(1);
    expect(checkAgainstManifest(join(backupDir(dir), daily[0]!), testDatabaseKey(dir))).toBeNull();
    expect(readdirSync(backupDir(dir)).filter((f) => f.endsWith('.partial'))).toEqual([]);
    await first.close();
    const again = await core({ dataDir: dir, dailyBackupDelayMs: 0 });
    expect((await again.ok('backups.dailyProgress', {})).state).toBe('not_due');
    await again.close();
    expect(readdirSync(backupDir(dir)).filter((f) => f.endsWith('-daily.sqlite'))).toHaveLength(1);
    const nextDay = await core({ dataDir: dir, now: new Date(FIXED_NOW.getTime() + 86_400_000), dailyBackupDelayMs: 0 });
    await nextDay.dailyBackup.settled();
    const status = await nextDay.ok('backups.status', {});
    expect(status.backups.filter((b) => b.reason === 'daily')).toHaveLength(2);
    expect(status.lastVerifiedAt).toBe(new Date(FIXED_NOW.getTime() + 86_400_000).toISOString());
  });

  it('a daily backup not yet begun is cancelled by close, and taken at the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-daily-'));
    const first = await core({ dataDir: dir, dailyBackupDelayMs: 60_000 });
    await first.close();
    const files = () => (readdirSync(dir).includes('backups') ? readdirSync(backupDir(dir)).filter((f) => f.endsWith('-daily.sqlite')) : []);
    expect(files()).toHaveLength(0);
    const again = await core({ dataDir: dir, dailyBackupDelayMs: 0 });
    await again.dailyBackup.settled();
    expect(files()).toHaveLength(1);
  });

  it('on demand: verified with integrity_check, listed newest first, rotated to the configured count', async () => {
    const c = await core();
    await c.ok('security.saveSettings', { idleSeconds: 600, backupKeep: 3, retentionMonths: 24 });
    for (let i = 0; i < 4; i++) await c.ok('backups.create', {});
    const status = await c.ok('backups.status', {});
    expect(status.keep).toBe(3);
    expect(status.backups).toHaveLength(3);
    expect(status.backups.every((b) => b.sizeBytes > 0)).toBe(true);
    expect(status.backups[0]!.reason).toBe('manual');
    for (const b of status.backups) {
      const db = openTestFile(c.dataDir, join(backupDir(c.dataDir), b.fileName), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
    const actions = (await c.ok('audit.list', {})).entries.map((e) => e.action);
    expect(actions.filter((a) => a === 'backup.create')).toHaveLength(4);
  });

  it('restores a chosen backup: current file kept aside, dispatcher keeps working on the restored data', async () => {
    const c = await core();
    const first = await c.ok('referrals.create', referral({ nationalId: syntheticId(1) }));
    const backup = await c.ok('backups.create', {});
    await c.ok('referrals.create', referral({ nationalId: syntheticId(2) }));
    expect((await c.ok('worklist.list', {})).total).toBe(2);

    const res = await c.ok('backups.restore', { fileName: backup.fileName });
    expect(res.restoredFrom).toBe(backup.fileName);
    expect(existsSync(join(c.dataDir, res.asideFile))).toBe(true);
    const aside = openTestFile(c.dataDir, join(c.dataDir, res.asideFile), { readonly: true });
    expect((aside.prepare('select count(*) as n from patient').get() as { n: number }).n).toBe(2);
    aside.close();

    // The same dispatch function now serves the restored file: reads and writes work.
    expect((await c.ok('worklist.list', {})).total).toBe(1);
    expect((await c.ok('patients.get', { id: first.patientId })).patient.id).toBe(first.patientId);
    await c.ok('referrals.create', referral({ nationalId: syntheticId(3) }));
    expect((await c.ok('worklist.list', {})).total).toBe(2);
    expect(await c.ok('backups.restoreProgress', {})).toEqual({ phase: 'done', percent: 100 });
    const log = await c.ok('audit.list', {});
    expect(log.entries.some((e) => e.action === 'backup.restore')).toBe(true);
    expect(await c.ok('audit.verify', {})).toMatchObject({ ok: true });
    // A fresh start opens the restored file.
    await c.close();
    const reopened = await core({ dataDir: c.dataDir });
    expect((await reopened.ok('worklist.list', {})).total).toBe(2);
  });

  it('calls made while a restore runs wait for it and then see the restored data', async () => {
    const c = await core();
    const backup = await c.ok('backups.create', {});
    await c.ok('referrals.create', referral({ nationalId: syntheticId(1) }));
    const [restored, list] = await Promise.all([c.dispatch('backups.restore', { fileName: backup.fileName }), c.dispatch('worklist.list', {})]);
    expect(restored.ok).toBe(true);
    expect(list).toMatchObject({ ok: true });
    expect((await c.ok('worklist.list', {})).total).toBe(0);
  });

  it('refuses an unknown, a path-like, a damaged and a newer-version backup, changing nothing', async () => {
    const c = await core();
    await c.ok('referrals.create', referral());
    const before = tableCounts(c.handle.sqlite);
    expect(await c.dispatch('backups.restore', { fileName: '../forlopsbenk.sqlite' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await c.dispatch('backups.restore', { fileName: 'forlopsbenk-2020-01-01T00-00-00-000Z-manual.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    const damaged = 'forlopsbenk-2020-01-01T00-00-00-000Z-manual.sqlite';
    mkdirSync(backupDir(c.dataDir), { recursive: true }); // no backup yet: the daily one runs after start
    writeFileSync(join(backupDir(c.dataDir), damaged), 'this is not a database');
    expect(await c.dispatch('backups.restore', { fileName: damaged })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/innholdsliste/) },
    });

    const newer = await c.ok('backups.create', {});
    const file = openTestFile(c.dataDir, join(backupDir(c.dataDir), newer.fileName));
    file.prepare("insert into kysely_migration (name, timestamp) values ('29990101_0001_future', '2999-01-01')").run();
    file.close();
    // A genuine newer-version backup has a matching manifest: the schema check must refuse it on its own.
    writeManifest(join(backupDir(c.dataDir), newer.fileName), testDatabaseKey(c.dataDir), FIXED_NOW, 'manual');
    expect(await c.dispatch('backups.restore', { fileName: newer.fileName })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/nyere versjon/) },
    });
    const after = tableCounts(c.handle.sqlite);
    expect({ ...after, audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
    expect((await c.ok('worklist.list', {})).total).toBe(1);
  });
});

describe('retention', () => {
  it('lists only patients whose pathways are all closed and who left more than N months ago; deletes exactly those, logged by id', async () => {
    const c = await core();
    const ids: number[] = [];
    for (let i = 1; i <= 4; i++) ids.push((await c.ok('referrals.create', referral({ nationalId: syntheticId(i) }))).patientId);
    const sqlite = c.handle.sqlite;
    const close = (patientId: number, status: string, at: string) =>
      sqlite.prepare('update pathway set status = ?, updated_at = ? where patient_id = ?').run(status, at, patientId);
    close(ids[0]!, 'ended', '2023-01-10T10:00:00.000Z'); // left long ago
    close(ids[1]!, 'own_clinician', '2024-05-01T10:00:00.000Z'); // left long ago
    close(ids[2]!, 'ended', '2026-10-01T10:00:00.000Z'); // left recently
    // ids[3] still open

    const preview = await c.ok('retention.preview', { months: 24 });
    expect(preview.patients.map((p) => p.patientId)).toEqual([ids[0], ids[1]]);
    expect(preview.patients[0]!.name).toBe('Kari Testesen');

    expect(await c.dispatch('retention.delete', { months: 24, patientIds: [ids[0]!, ids[2]!] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(patientCount(c)).toBe(4);

    expect(await c.ok('retention.delete', { months: 24, patientIds: [ids[0]!, ids[1]!] })).toEqual({ deleted: 2 });
    expect(patientCount(c)).toBe(2);
    expect((sqlite.prepare('select count(*) as n from pathway where patient_id in (?, ?)').get(ids[0], ids[1]) as { n: number }).n).toBe(0);
    const log = (await c.ok('audit.list', {})).entries;
    expect(
      log
        .filter((e) => e.action === 'patient.delete')
        .map((e) => e.entityId)
        .sort((a, b) => Number(a) - Number(b)),
    ).toEqual([ids[0]!, ids[1]!].sort((a, b) => a - b));
    expect(log.find((e) => e.action === 'retention.delete')).toMatchObject({ entityId: 2, patientId: null });
    expect(JSON.stringify(sqlite.prepare('select * from audit_log').all())).not.toContain('Testesen');
    expect(await c.ok('audit.verify', {})).toMatchObject({ ok: true });
  });
});
