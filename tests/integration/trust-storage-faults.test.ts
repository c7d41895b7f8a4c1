import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../electron/core/data-dir';
import { openDatabase } from '../../electron/core/db/open';
import { createDispatcher } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { makeCore, openTestFile, referral, testDatabaseKey, type TestCore } from '../fixtures/core';
import { syntheticId, tableCounts } from '../fixtures/trust';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose().catch(() => {});
});
async function core() {
  const c = await makeCore();
  cores.push(c);
  await c.ok('referrals.create', referral({ nationalId: syntheticId(1) }));
  return c;
}

/** After a refused write: nothing changed, the file is intact, and the next write works. */
async function expectIntactAndUsable(c: TestCore, before: Record<string, number>) {
  expect(tableCounts(c.handle.sqlite)).toEqual(before);
  expect(c.handle.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(await c.ok('audit.verify', {})).toMatchObject({ ok: true });
  const open = (await c.ok('worklist.list', {})).total;
  await c.ok('referrals.create', referral({ nationalId: syntheticId(3) }));
  expect((await c.ok('worklist.list', {})).total).toBe(open + 1);
}

describe('storage faults reach the user as a clear Norwegian message and leave the database intact', () => {
  it('disk full (max_page_count): "Disken er full", rolled back', async () => {
    const c = await core();
    const before = tableCounts(c.handle.sqlite);
    const pages = c.handle.sqlite.pragma('page_count', { simple: true }) as number;
    c.handle.sqlite.pragma(`max_page_count = ${pages}`);
    // Enough text that the write needs new pages.
    const big = { ...referral({ nationalId: syntheticId(2) }) };
    big.patient = { ...big.patient, address: 'x'.repeat(100), gpName: 'y'.repeat(100) };
    let res = await c.dispatch('referrals.create', big);
    for (let i = 4; res.ok && i < 200; i++) res = await c.dispatch('referrals.create', { ...big, patient: { ...big.patient, nationalId: syntheticId(i) } });
    expect(res).toEqual({ ok: false, error: { code: 'storage', message: 'Disken er full. Ingenting ble lagret. Frigjør plass og prøv igjen.' } });
    const after = tableCounts(c.handle.sqlite);
    c.handle.sqlite.pragma('max_page_count = 1073741823');
    // Whatever fitted before the disk filled was acknowledged; the refused write left nothing behind.
    const accepted = after.patient! - before.patient!;
    expect(after.pathway! - before.pathway!).toBe(accepted);
    await expectIntactAndUsable(c, after);
  });

  it('read-only file: "kan bare leses", rolled back', async () => {
    const c = await core();
    const before = tableCounts(c.handle.sqlite);
    // The same services and dispatcher over a connection that may only read the file.
    const readonly = openDatabase(databaseFile(c.dataDir), { key: testDatabaseKey(c.dataDir), readonly: true });
    try {
      const dispatch = createDispatcher(createHandlers({ ctx: { ...c.ctx, db: readonly.db }, transport: 'browser', version: 'test', trust: c.trust }));
      const res = await dispatch('referrals.create', referral({ nationalId: syntheticId(2) }));
      expect(res).toEqual({
        ok: false,
        error: {
          code: 'storage',
          message: 'Databasen kan bare leses (skrivebeskyttet). Ingenting ble lagret. Er den skadet, gjenopprett den nyeste sikkerhetskopien.',
        },
      });
      expect((await dispatch('worklist.list', {})).ok).toBe(true); // reading still works
    } finally {
      await readonly.close();
    }
    await expectIntactAndUsable(c, before);
  });

  it('another connection holding the write lock: waits busy_timeout, then "i bruk av et annet program", rolled back', async () => {
    const c = await core();
    const before = tableCounts(c.handle.sqlite);
    c.handle.sqlite.pragma('busy_timeout = 150');
    const other = openTestFile(c.dataDir, databaseFile(c.dataDir));
    other.pragma('busy_timeout = 0');
    other.exec('begin immediate'); // holds the write lock, like a second program mid-write
    try {
      const res = await c.dispatch('referrals.create', referral({ nationalId: syntheticId(2) }));
      expect(res).toEqual({
        ok: false,
        error: { code: 'storage', message: 'Databasen er i bruk av et annet program. Ingenting ble lagret. Prøv igjen om litt.' },
      });
    } finally {
      other.exec('rollback');
      other.close();
    }
    c.handle.sqlite.pragma('busy_timeout = 5000');
    await expectIntactAndUsable(c, before);
  });
});
