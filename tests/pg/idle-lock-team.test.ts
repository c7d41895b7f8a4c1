import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app-core';
import { IDLE_TICK_MS } from '../../electron/core/idle-timer';
import { FIXED_NOW } from '../fixtures/core';
import { asSuperuser, createTestDatabase, pgServerUrl } from '../fixtures/pg-db';

/**
 * The idle lock on the team store, per person: each login has its own PIN, idle time and lock state
 * (person_setting, row-level security). Kari's idle lock falls after the idle time, through her own login's
 * grants, and survives her restart; Per on the same database is neither locked nor able to read or write Kari's.
 */
const available = (await pgServerUrl()) !== null;
const suffix = Math.random().toString(36).slice(2, 8);
const KARI = `kari_${suffix}`; // coordinator
const PER = `per_${suffix}`; // administrative staff
const tick = () => new Promise((r) => setTimeout(r, IDLE_TICK_MS * 1.6));

describe.skipIf(!available)("team store: the idle lock is each person's own", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const cores: Core[] = [];
  const dirs: string[] = [];
  const urlAs = (login: string) => db.url.replace('postgres@', `${login}@`);
  async function coreAs(login: string): Promise<Core> {
    const dataDir = mkdtempSync(join(tmpdir(), 'forlopsbenk-idle-'));
    dirs.push(dataDir);
    const core = await startCore({
      dataDir,
      masterKey: randomBytes(32),
      transport: 'browser',
      version: 'test',
      demo: true,
      clock: () => FIXED_NOW,
      store: { kind: 'postgres', url: urlAs(login) },
    });
    cores.push(core);
    return core;
  }
  async function ok<T>(core: Core, method: string, input: unknown): Promise<T> {
    const res = await core.dispatch(method, input);
    if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
    return res.value as T;
  }
  async function as<T>(login: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
    const c = new pg.Client({ connectionString: urlAs(login) });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await asSuperuser(db.url, async (c) => {
      await c.query(`create role ${KARI} login in role forlopsbenk_coordinator`);
      await c.query(`create role ${PER} login in role forlopsbenk_admin_staff`);
      await c.query(`insert into app_setting (key, value) values ('demo', '1')`);
    });
  });
  afterAll(async () => {
    for (const c of cores) await c.close().catch(() => undefined);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    if (!db) return;
    await db.drop();
    await asSuperuser(db.url.replace(/\/[^/]+$/, '/postgres'), async (c) => {
      for (const login of [KARI, PER]) await c.query(`drop role if exists ${login}`);
    });
  });

  it('Kari sets her PIN and idle time; the lock falls after it with no call, and holds over a restart', async () => {
    const kari = await coreAs(KARI);
    const per = await coreAs(PER);
    await ok(kari, 'lock.setPin', { pin: '4821' });
    await ok(kari, 'security.saveSettings', { idleSeconds: 60, backupKeep: 10, retentionMonths: 24 });
    expect(await ok(kari, 'lock.status', {})).toMatchObject({ pinSet: true, idleSeconds: 60 });
    expect(await ok(per, 'lock.status', {})).toMatchObject({ pinSet: false, idleSeconds: 600 });

    let offset = 0;
    kari.trust.lock.now = () => Date.now() + offset;
    await tick();
    expect(kari.trust.lock.locked).toBe(false);
    offset = 61_000;
    await tick();
    expect(await ok(kari, 'lock.status', {})).toMatchObject({ locked: true });
    // Per is not locked by Kari's lock.
    expect(per.trust.lock.locked).toBe(false);
    expect((await per.dispatch('worklist.list', {})).ok).toBe(true);

    // Kari's lock state is hers in the database: a restart of her app starts locked, Per's does not.
    await kari.close();
    const again = await coreAs(KARI);
    expect(await ok(again, 'lock.status', {})).toMatchObject({ locked: true, pinSet: true });
    expect((await again.dispatch('worklist.list', {})).ok).toBe(false);
    expect((await ok<{ locked: boolean }>(again, 'lock.unlock', { pin: '4821' })).locked).toBe(false);
  });

  it('with psql, each login sees and writes only its own personal settings (row-level security)', async () => {
    expect((await as(PER, (c) => c.query('select login, key from person_setting'))).rows).toEqual([]);
    const kariRows = await as(KARI, (c) => c.query('select login, key from person_setting order by key'));
    expect(kariRows.rows.map((r) => r.key)).toEqual(expect.arrayContaining(['lock.pinHash', 'lock.state']));
    expect(new Set(kariRows.rows.map((r) => r.login))).toEqual(new Set([KARI]));
    const forge = await as(PER, (c) =>
      c.query(`insert into person_setting (login, key, value) values ('${KARI}', 'lock.pinHash', 'x')`).then(
        () => 'ok',
        (e: { code?: string }) => String(e.code),
      ),
    );
    expect(forge).toBe('42501');
    await as(PER, (c) => c.query(`update person_setting set value = 'x'`));
    await as(PER, (c) => c.query(`delete from person_setting`));
    const still = await asSuperuser(db.url, (c) => c.query(`select count(*)::int as n from person_setting where login = $1`, [KARI]));
    expect(still.rows[0]?.n).toBeGreaterThanOrEqual(2);
  });
});
