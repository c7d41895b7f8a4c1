import { closeSync, openSync, readFileSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDir } from '../../electron/core/data-dir';
import { MANIFEST_SUFFIX, type BackupManifest } from '../../electron/core/db/manifest';
import { makeCore, referral, type TestCore } from '../fixtures/core';
import { syntheticId, tableCounts } from '../fixtures/trust';

const cores: TestCore[] = [];
async function core() {
  const c = await makeCore();
  cores.push(c);
  return c;
}
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose().catch(() => {});
});

function flipByte(file: string, at: number): void {
  const fd = openSync(file, 'r+');
  const b = Buffer.alloc(1);
  readSync(fd, b, 0, 1, at);
  b[0] = b[0]! ^ 0x01;
  writeSync(fd, b, 0, 1, at);
  closeSync(fd);
}

/** Restore must refuse; the live data, the file list and the dispatcher stay as they were. */
async function expectRefused(c: TestCore, fileName: string, why: RegExp) {
  const before = tableCounts(c.handle.sqlite);
  const res = await c.dispatch('backups.restore', { fileName });
  expect(res).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(why) } });
  expect(tableCounts(c.handle.sqlite)).toEqual(before);
  expect((await c.ok('worklist.list', {})).total).toBe(2);
}

describe('backups verified by content', () => {
  it('each backup has a manifest: SHA-256, schema version, row counts, audit chain head', async () => {
    const c = await core();
    await c.ok('referrals.create', referral({ nationalId: syntheticId(1) }));
    const b = await c.ok('backups.create', {});
    const file = join(backupDir(c.dataDir), b.fileName);
    const m = JSON.parse(readFileSync(`${file}${MANIFEST_SUFFIX}`, 'utf8')) as BackupManifest;
    expect(m.file).toBe(b.fileName);
    expect(m.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    expect(m.schemaVersion).toBe(
      Object.keys((await import('../../migrations')).migrations)
        .sort()
        .at(-1),
    );
    expect(m.rowCounts.patient).toBe(1);
    expect(m.rowCounts.municipality).toBe(357);
    // The head is what the live log held when the backup was taken (the backup's own entry comes after).
    const head = c.handle.sqlite.prepare("select id, hash from audit_log where action != 'backup.create' order by id desc limit 1").get();
    expect(m.auditHead).toEqual(head);
  });

  it('refuses an altered, a swapped, a manifest-less and a count-tampered backup, and says why', async () => {
    const c = await core();
    await c.ok('referrals.create', referral({ nationalId: syntheticId(1) }));
    const altered = await c.ok('backups.create', {});
    const missing = await c.ok('backups.create', {});
    const counted = await c.ok('backups.create', {});
    await c.ok('referrals.create', referral({ nationalId: syntheticId(2) }));
    const dir = backupDir(c.dataDir);

    // One altered byte (a patient-name page is encrypted, so any byte of the file will do).
    flipByte(join(dir, altered.fileName), 9000);
    await expectRefused(c, altered.fileName, /endret etter at den ble tatt/);
    // The same, with the checksum in the manifest "fixed" too: the content check still refuses it.
    const mf = join(dir, `${altered.fileName}${MANIFEST_SUFFIX}`);
    const m = JSON.parse(readFileSync(mf, 'utf8')) as BackupManifest;
    writeFileSync(
      mf,
      JSON.stringify({
        ...m,
        sha256: createHash('sha256')
          .update(readFileSync(join(dir, altered.fileName)))
          .digest('hex'),
      }),
    );
    await expectRefused(c, altered.fileName, /kan ikke leses med nøkkelen|skadet|stemmer ikke/);

    rmSync(join(dir, `${missing.fileName}${MANIFEST_SUFFIX}`));
    await expectRefused(c, missing.fileName, /mangler innholdsliste/);

    const cm = join(dir, `${counted.fileName}${MANIFEST_SUFFIX}`);
    const cmj = JSON.parse(readFileSync(cm, 'utf8')) as BackupManifest;
    writeFileSync(cm, JSON.stringify({ ...cmj, rowCounts: { ...cmj.rowCounts, patient: 5 } }));
    await expectRefused(c, counted.fileName, /Antall rader/);

    // A manifest copied from another backup does not vouch for this one.
    writeFileSync(cm, JSON.stringify({ ...cmj, file: missing.fileName }));
    await expectRefused(c, counted.fileName, /en annen sikkerhetskopi/);
    expect(await c.ok('backups.restoreProgress', {})).toBeNull(); // no restore ever started
  });
});
