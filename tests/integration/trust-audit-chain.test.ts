import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, openTestFile, referral, testAuditKey, type TestCore } from '../fixtures/core';
import { syntheticId } from '../fixtures/trust';
import { AUDIT_HEAD_FILE, AuditChain } from '../../electron/core/audit-chain';
import { entryHash, GENESIS_HASH, type AuditFields } from '../../electron/core/audit';
import { databaseFile } from '../../electron/core/data-dir';

const cores: TestCore[] = [];
async function core(opts: Parameters<typeof makeCore>[0] = {}): Promise<TestCore> {
  const c = await makeCore(opts);
  cores.push(c);
  return c;
}
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose().catch(() => undefined);
});

const ids = (c: TestCore) => (c.handle.sqlite.prepare('select id from audit_log order by id').all() as { id: number }[]).map((r) => r.id);

describe('audit chain: keyed, anchored, serialised', () => {
  it('survives parallel calls through the dispatcher, six and more concurrent searches among them', async () => {
    const c = await core();
    await c.ok('referrals.create', referral());
    const calls = [
      // worklist.list no longer logs per call: the search log is worklist.logSearch, an append of its own.
      ...Array.from({ length: 8 }, (_, i) => c.dispatch('worklist.list', { search: `Kari ${i}` })),
      ...Array.from({ length: 8 }, () => c.dispatch('worklist.logSearch', {})),
      ...Array.from({ length: 6 }, (_, i) => c.dispatch('referrals.create', referral({ nationalId: syntheticId(10 + i) }))),
      ...Array.from({ length: 6 }, () => c.dispatch('patients.get', { id: 1 })),
    ];
    const results = await Promise.all(calls);
    expect(results.every((r) => r.ok)).toBe(true);
    const list = ids(c);
    expect(list).toEqual(list.map((_, i) => i + 1)); // no gaps, no duplicates
    expect(await c.ok('audit.verify', { full: true })).toMatchObject({ ok: true, checked: list.length, total: list.length });
  });

  it('anchors the head in a 0600 file beside the database (never the key), and verifies incrementally', async () => {
    const c = await core();
    await c.ok('referrals.create', referral());
    const first = await c.ok('audit.verify', {});
    expect(first).toMatchObject({ ok: true, full: true });
    await c.ok('worklist.logSearch', {});
    const second = await c.ok('audit.verify', {});
    expect(second).toMatchObject({ ok: true, full: false, checked: 1 });
    for (let i = 0; i < 5; i++) await c.ok('worklist.logSearch', {}); // anchor writes off the call path, coalesced
    const last = c.handle.sqlite.prepare('select id, hash from audit_log order by id desc limit 1').get() as { id: number; hash: string };
    await c.close(); // waits for the last anchor write
    const file = join(c.dataDir, AUDIT_HEAD_FILE);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const anchored = JSON.parse(readFileSync(file, 'utf8')) as { head: { seq: number; hash: string } };
    expect(anchored.head).toEqual({ seq: last.id, hash: last.hash });
    const raw = readFileSync(databaseFile(c.dataDir));
    const key = testAuditKey(c.dataDir);
    expect(raw.includes(key)).toBe(false);
    expect(raw.includes(Buffer.from(key.toString('hex')))).toBe(false);
  });

  it('another key does not verify the chain', async () => {
    const c = await core();
    await c.ok('referrals.create', referral());
    await c.close();
    rmSync(join(c.dataDir, AUDIT_HEAD_FILE));
    const sqlite = openTestFile(c.dataDir, databaseFile(c.dataDir), { readonly: true });
    try {
      expect(new AuditChain(c.dataDir, testAuditKey(c.dataDir)).verify(sqlite, { full: true })).toMatchObject({ ok: true });
      expect(new AuditChain(c.dataDir, Buffer.alloc(32, 7)).verify(sqlite, { full: true })).toMatchObject({ ok: false, brokenAt: 1 });
    } finally {
      sqlite.close();
    }
  });

  it('a removed anchor file is logged on the next start', async () => {
    const c = await core();
    await c.ok('referrals.create', referral());
    await c.close();
    rmSync(join(c.dataDir, AUDIT_HEAD_FILE));
    const again = await core({ dataDir: c.dataDir });
    expect((await again.ok('audit.list', {})).entries.map((e) => e.action)).toContain('audit.anchorMissing');
  });

  it('a restore does not rewind the log: entries made after the backup are kept, no id is used twice', async () => {
    const c = await core();
    await c.ok('referrals.create', referral());
    const backup = await c.ok('backups.create', {});
    await c.ok('referrals.create', referral({ nationalId: syntheticId(3) }));
    await c.ok('worklist.logSearch', {});
    const before = c.handle.sqlite.prepare('select id, action, hash from audit_log order by id').all() as { id: number; action: string; hash: string }[];
    await c.ok('backups.restore', { fileName: backup.fileName });
    const after = c.handle.sqlite.prepare('select id, action, hash from audit_log order by id').all() as { id: number; action: string; hash: string }[];
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((r) => r.action)).toContain('backup.restore');
    await c.ok('worklist.logSearch', {}); // an append after the restore
    const all = ids(c);
    expect(all).toEqual(all.map((_, i) => i + 1));
    expect(await c.ok('audit.verify', {})).toMatchObject({ ok: true });
    expect(await c.ok('audit.verify', { full: true })).toMatchObject({ ok: true });
    // The restored data is the backup's: the second patient is gone, its log entries are not.
    expect((await c.ok('worklist.list', {})).rows.length).toBe(1);
  });

  it('a log from before the keyed chain is re-keyed on the first start, and that is logged', async () => {
    const c = await core();
    await c.ok('referrals.create', referral());
    await c.ok('patients.get', { id: 1 });
    const s = c.handle.sqlite;
    // Make it look like a log written by the previous version: unkeyed SHA-256 links, marked by 0170, no anchor.
    for (const t of s.prepare("select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'").all() as { name: string }[])
      s.exec(`drop trigger ${t.name}`);
    let prev = GENESIS_HASH;
    for (const r of s.prepare('select * from audit_log order by id').all() as (AuditFields & { id: number })[]) {
      const hash = entryHash(prev, r);
      s.prepare('update audit_log set prev_hash = ?, hash = ? where id = ?').run(prev, hash, r.id);
      prev = hash;
    }
    s.exec("insert into app_setting (key, value) values ('audit.chain', 'sha256')");
    s.exec(`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit log is append-only'); end`);
    s.exec(`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit log is append-only'); end`);
    s.exec(
      `create trigger audit_log_append_only before insert on audit_log when new.id is null or new.id <> coalesce((select max(id) from audit_log), 0) + 1 begin select raise(abort, 'audit log is append-only'); end`,
    );
    await c.close();
    rmSync(join(c.dataDir, AUDIT_HEAD_FILE));
    const upgraded = await core({ dataDir: c.dataDir });
    const actions = (await upgraded.ok('audit.list', {})).entries.map((e) => e.action);
    expect(actions[0]).toBe('audit.rekey');
    expect(await upgraded.ok('audit.verify', { full: true })).toMatchObject({ ok: true });
    expect(upgraded.handle.sqlite.prepare("select value from app_setting where key = 'audit.chain'").get()).toBeUndefined();
  });
});
