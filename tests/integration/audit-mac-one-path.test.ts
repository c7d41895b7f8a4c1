import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createMac, entryMessage, GENESIS_HASH, type AuditFields } from '../../electron/core/audit';
import { makeCore, referral, testAuditKey, type TestCore } from '../fixtures/core';

/**
 * Until the MAC moved into the app, appends on SQLite computed it inside the insert through a connection SQL
 * function. This is a literal copy of that old path (the function as registered then, the insert as issued
 * then), so a log written before the change can be rebuilt here and checked by today's code.
 */
const OLD_FUNCTION = 'forlopsbenk_audit_mac';
function registerOldSqlFunction(c: TestCore): void {
  const mac = createMac(testAuditKey(c.dataDir));
  c.handle.sqlite.function(OLD_FUNCTION, { deterministic: true, directOnly: true }, (message: unknown) => mac(String(message)));
}
async function appendTheOldWay(c: TestCore, action: string, at: Date): Promise<void> {
  await c.handle.db.transaction().execute(async (trx) => {
    const last = await trx.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
    const prev = last?.hash ?? GENESIS_HASH;
    const row: AuditFields = { at: at.toISOString(), actor: 'Før endringen', os_user: 'tester', action, entity: 'audit', entity_id: null, patient_id: null };
    const hash = sql<string>`${sql.raw(OLD_FUNCTION)}(${entryMessage(prev, row)})`;
    await trx
      .insertInto('audit_log')
      .values({ id: (last?.id ?? 0) + 1, ...row, prev_hash: prev, hash })
      .execute();
  });
}

type Row = AuditFields & { id: number; prev_hash: string; hash: string };
function allRows(c: TestCore): Row[] {
  return c.handle.sqlite
    .prepare('select id, at, actor, os_user, action, entity, entity_id, patient_id, prev_hash, hash from audit_log order by id')
    .all() as Row[];
}

describe('audit MAC on one path (computed in the app on both stores)', () => {
  it('a log written by the old SQL-function path verifies unchanged, and new entries link on to it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'forlopsbenk-mac-'));
    let c = await makeCore({ dataDir });
    try {
      // A log from before the change: app entries plus entries whose links the SQL function computed.
      await c.ok('referrals.create', referral());
      registerOldSqlFunction(c);
      for (const action of ['audit.anchorMissing', 'audit.rekey', 'audit.anchorMissing']) await appendTheOldWay(c, action, new Date('2026-11-20T08:00:00Z'));
      const before = allRows(c);
      expect(before.filter((r) => r.actor === 'Før endringen')).toHaveLength(3);
      // Row by row: the SQL function's output and the app's MAC over the same canonical bytes agree.
      const mac = createMac(testAuditKey(c.dataDir));
      const oldMac = c.handle.sqlite.prepare(`select ${OLD_FUNCTION}(?) as h`);
      for (const r of before) {
        const message = entryMessage(r.prev_hash, r);
        expect((oldMac.get(message) as { h: string }).h).toBe(r.hash);
        expect(mac(message)).toBe(r.hash);
      }
      await c.dispose();
      // Today's code on the same file (no SQL function on the new connection): the old links verify in full,
      // and a new entry links on to the old tail.
      c = await makeCore({ dataDir });
      expect(() => c.handle.sqlite.prepare(`select ${OLD_FUNCTION}('x')`).get()).toThrow(/no such function/);
      await c.ok('referrals.create', referral({ nationalId: '01868510028', name: 'Ola Testesen' }));
      expect(await c.ok('audit.verify', { full: true })).toMatchObject({ ok: true, full: true });
      const after = allRows(c);
      expect(after.length).toBeGreaterThan(before.length);
      expect(after.slice(0, before.length)).toEqual(before);
      const first = after[before.length];
      expect(first?.prev_hash).toBe(before.at(-1)?.hash);
      // Tampering still shows: the check is not a pass-through.
      c.handle.sqlite.exec('drop trigger audit_log_no_update');
      c.handle.sqlite.prepare("update audit_log set actor = 'Endret' where id = ?").run(before.at(-2)?.id);
      expect(await c.ok('audit.verify', { full: true })).toMatchObject({ ok: false, brokenAt: before.at(-2)?.id });
    } finally {
      await c.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
