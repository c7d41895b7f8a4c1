import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, referral, type TestCore } from '../fixtures/core';
import { syntheticId } from '../fixtures/trust';
import { FREE_ATTEMPTS } from '../../electron/core/services/lock.service';
import { entryHash, GENESIS_HASH } from '../../electron/core/audit';

const ROOT = join(import.meta.dirname, '../..');
const cores: TestCore[] = [];
async function core(opts: { dataDir?: string } = {}): Promise<TestCore> {
  const c = await makeCore(opts);
  cores.push(c);
  return c;
}
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose().catch(() => undefined);
});

/** Runs the locker in its own process and SIGKILLs it once it has locked. */
function lockThenKill(dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/faults/locker.ts'), dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('LOCKED')) child.kill('SIGKILL');
    });
    child.on('close', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(err.slice(0, 800)))));
  });
}

describe('fault: restart while locked', () => {
  it('lock, SIGKILL, start again → starts locked, with the failed tries still counted', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'forlopsbenk-lockkill-'));
    try {
      await lockThenKill(dataDir);
      const c = await core({ dataDir });
      expect(await c.ok('lock.status', {})).toMatchObject({ locked: true, pinSet: true, retryAfterSeconds: 0 });
      expect(await c.dispatch('worklist.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
      expect(c.trust.lock.failures).toBe(2);
      // Two misses were made before the kill: the third starts the wait, as if there had been no restart.
      expect((await c.dispatch('lock.unlock', { pin: '2222' })).ok).toBe(false);
      expect(await c.dispatch('lock.unlock', { pin: '4821' })).toMatchObject({
        ok: false,
        error: { code: 'locked', message: expect.stringMatching(/Vent \d+ sekunder/) },
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('fault: 200 parallel PIN attempts', () => {
  async function attempts(parallel: boolean) {
    const c = await core();
    await c.ok('lock.setPin', { pin: '4821' });
    await c.ok('lock.lock', { reason: 'manual' });
    // The right PIN sits at position 100 of 200; the other 199 are wrong.
    const pins = Array.from({ length: 200 }, (_, i) => (i === 100 ? '4821' : String(1000 + i)));
    const results = parallel
      ? await Promise.all(pins.map((pin) => c.dispatch('lock.unlock', { pin })))
      : await pins.reduce<Promise<Awaited<ReturnType<TestCore['dispatch']>>[]>>(
          async (acc, pin) => [...(await acc), await c.dispatch('lock.unlock', { pin })],
          Promise.resolve([]),
        );
    const kinds = results.map((r) => (r.ok ? 'unlocked' : r.error.code));
    const evaluated = (await c.ok('lock.status', {})).locked
      ? (c.handle.sqlite.prepare("select count(*) as n from audit_log where action = 'lock.unlockFailed'").get() as { n: number }).n
      : -1;
    return { kinds, evaluated, locked: c.trust.lock.locked, failures: c.trust.lock.failures };
  }

  it('are throttled exactly like 200 sequential ones: three evaluated, the rest told to wait, still locked', async () => {
    const sequential = await attempts(false);
    const parallel = await attempts(true);
    expect(sequential.evaluated).toBe(FREE_ATTEMPTS);
    expect(parallel).toEqual(sequential);
    expect(parallel.kinds.filter((k) => k === 'invalid_input')).toHaveLength(FREE_ATTEMPTS);
    expect(parallel.kinds.filter((k) => k === 'locked')).toHaveLength(200 - FREE_ATTEMPTS);
    expect(parallel.locked).toBe(true);
  }, 300_000);
});

/** Drops every guard on audit_log, runs `edit`, puts the guards back: what someone with the file and a SQLite tool can do. */
function unguarded(c: TestCore, edit: () => void): void {
  const sqlite = c.handle.sqlite;
  const triggers = sqlite.prepare("select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'").all() as {
    name: string;
    sql: string;
  }[];
  sqlite.pragma('foreign_keys = OFF');
  for (const t of triggers) sqlite.exec(`drop trigger ${t.name}`);
  edit();
  for (const t of triggers) if (sqlite.prepare("select 1 from sqlite_master where name = 'audit_log'").get()) sqlite.exec(t.sql);
  sqlite.pragma('foreign_keys = ON');
}

async function loggedCore(): Promise<{ c: TestCore; ids: number[] }> {
  const c = await core();
  await c.ok('referrals.create', referral());
  await c.ok('referrals.create', referral({ nationalId: syntheticId(1) }));
  for (let i = 0; i < 4; i++) await c.ok('worklist.list', { search: `s${i}` });
  expect(await c.ok('audit.verify', {})).toMatchObject({ ok: true });
  const ids = (c.handle.sqlite.prepare('select id from audit_log order by id').all() as { id: number }[]).map((r) => r.id);
  return { c, ids };
}

describe('fault: audit forgeries', () => {
  it('every write but a plain append is refused by the database itself', async () => {
    const { c, ids } = await loggedCore();
    const s = c.handle.sqlite;
    const last = ids.at(-1)!;
    const cols = 'id, at, actor, os_user, action, entity, entity_id, patient_id, prev_hash, hash';
    const forged = `1, '2026-01-01T00:00:00.000Z', 'x', 'x', 'patient.open', 'patient', null, null, '${GENESIS_HASH}', 'f'`;
    for (const stmt of [
      `insert or replace into audit_log (${cols}) values (${forged})`,
      `replace into audit_log (${cols}) values (${forged})`,
      `insert into audit_log (${cols}) values (${forged}) on conflict (id) do update set actor = 'x'`,
      `insert into audit_log (at, actor, os_user, action, entity, prev_hash, hash) values ('t', 'x', 'x', 'a', 'e', 'p', 'h')`,
      `update audit_log set actor = 'x' where id = ${last}`,
      `update or replace audit_log set id = 1 where id = ${last}`,
      'delete from audit_log',
      'drop table audit_log',
    ]) {
      expect(() => s.exec(stmt), stmt).toThrow();
    }
    expect(await c.ok('audit.verify', { full: true })).toMatchObject({ ok: true, total: ids.length + 0 });
  });

  it('a chain re-hashed without the key does not verify (first bad position 1)', async () => {
    const { c } = await loggedCore();
    unguarded(c, () => {
      const s = c.handle.sqlite;
      let prev = GENESIS_HASH;
      for (const r of s.prepare('select * from audit_log order by id').all() as Parameters<typeof entryHash>[1][] & { id: number }[]) {
        const row = r as unknown as Parameters<typeof entryHash>[1] & { id: number };
        const hash = entryHash(prev, { ...row, actor: 'Noen andre' });
        s.prepare("update audit_log set actor = 'Noen andre', prev_hash = ?, hash = ? where id = ?").run(prev, hash, row.id);
        prev = hash;
      }
    });
    expect(await c.ok('audit.verify', { full: true })).toMatchObject({ ok: false, brokenAt: 1, problem: 'link' });
    expect(await c.ok('audit.verify', {})).toMatchObject({ ok: false });
  });

  it('a cut tail is reported at the first missing entry', async () => {
    const { c, ids } = await loggedCore();
    const cut = ids.at(-2)!;
    unguarded(c, () => c.handle.sqlite.prepare('delete from audit_log where id >= ?').run(cut));
    const res = await c.ok('audit.verify', {});
    expect(res).toMatchObject({ ok: false, brokenAt: cut, problem: 'missing', message: expect.stringMatching(new RegExp(`logg-id ${cut}`)) });
  });

  it('an emptied table is reported at position 1', async () => {
    const { c } = await loggedCore();
    unguarded(c, () => c.handle.sqlite.exec('delete from audit_log_pin; delete from audit_log'));
    expect(await c.ok('audit.verify', {})).toMatchObject({ ok: false, brokenAt: 1, problem: 'missing' });
  });

  it('a dropped table is reported (and nothing is written unlogged)', async () => {
    const { c } = await loggedCore();
    unguarded(c, () => c.handle.sqlite.exec('drop table audit_log_pin; drop table audit_log'));
    expect(await c.ok('audit.verify', {})).toMatchObject({ ok: false, brokenAt: 1, problem: 'dropped', message: expect.stringMatching(/fjernet/) });
    expect((await c.dispatch('referrals.create', referral({ nationalId: syntheticId(7) }))).ok).toBe(false);
  });

  it('a forged appended row is reported at its own id, even with the chain arithmetic right', async () => {
    const { c, ids } = await loggedCore();
    const s = c.handle.sqlite;
    const last = s.prepare('select hash from audit_log order by id desc limit 1').get() as { hash: string };
    const row = {
      at: '2026-11-23T09:30:00.000Z',
      actor: 'Kari Koordinator',
      os_user: 'kari',
      action: 'patient.open',
      entity: 'patient',
      entity_id: 1,
      patient_id: 1,
    };
    const id = ids.at(-1)! + 1;
    // A plain append passes the database guard; only the key tells it apart.
    s.prepare(
      'insert into audit_log (id, at, actor, os_user, action, entity, entity_id, patient_id, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(id, row.at, row.actor, row.os_user, row.action, row.entity, row.entity_id, row.patient_id, last.hash, entryHash(last.hash, row));
    expect(await c.ok('audit.verify', {})).toMatchObject({ ok: false, brokenAt: id, problem: 'link' });
  });

  it('an edited entry behind the verified anchor is found by the full verify', async () => {
    const { c, ids } = await loggedCore();
    unguarded(c, () => c.handle.sqlite.prepare("update audit_log set os_user = 'someone' where id = ?").run(ids[1]));
    expect(await c.ok('audit.verify', { full: true })).toMatchObject({ ok: false, brokenAt: ids[1], problem: 'link', full: true });
  });
});
