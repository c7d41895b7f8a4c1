import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app-core';
import { FIXED_NOW, referral } from '../fixtures/core';
import { asSuperuser, createTestDatabase, pgServerUrl } from '../fixtures/pg-db';

/**
 * The caseload on the team store with two people, each under their own login: the responsible person is the
 * database's current_user; Mine is one's own, Enheten the unit's; giving a pathway to a colleague moves it
 * from one Mine to the other and is audited under the giver's login.
 */
const available = (await pgServerUrl()) !== null;
const suffix = Math.random().toString(36).slice(2, 8);
const KARI = `kari_${suffix}`; // coordinator
const OLA = `ola_${suffix}`; // administrative staff

describe.skipIf(!available)('team store caseload: Mine / Enheten between two logins', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const cores: Core[] = [];
  const dirs: string[] = [];
  let kari: Core;
  let ola: Core;
  const urlAs = (login: string) => db.url.replace('postgres@', `${login}@`);
  async function coreAs(login: string): Promise<Core> {
    const dataDir = mkdtempSync(join(tmpdir(), 'forlopsbenk-caseload-'));
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
  const mine = async (core: Core, scope: 'mine' | 'unit' = 'mine') =>
    (await ok<{ rows: { pathwayId: number; responsible: string }[] }>(core, 'worklist.list', { scope })).rows.map((r) => r.pathwayId);

  beforeAll(async () => {
    db = await createTestDatabase();
    await asSuperuser(db.url, async (c) => {
      await c.query(`create role ${KARI} login in role forlopsbenk_coordinator`);
      await c.query(`create role ${OLA} login in role forlopsbenk_admin_staff`);
      await c.query(`insert into app_setting (key, value) values ('demo', '1')`);
    });
    kari = await coreAs(KARI);
    ola = await coreAs(OLA);
  });
  afterAll(async () => {
    for (const c of cores) await c.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    if (!db) return;
    await db.drop();
    await asSuperuser(db.url.replace(/\/[^/]+$/, '/postgres'), async (c) => {
      for (const login of [KARI, OLA]) await c.query(`drop role if exists ${login}`);
    });
  });

  it("what Kari registers is hers: in her Mine, in Ola's Enheten, not in Ola's Mine", async () => {
    const { pathwayId } = await ok<{ pathwayId: number }>(kari, 'referrals.create', referral());
    const responsible = await asSuperuser(db.url, (c) => c.query('select responsible from pathway where id = $1', [pathwayId]));
    expect(responsible.rows[0]?.responsible).toBe(KARI);
    expect(await mine(kari)).toEqual([pathwayId]);
    expect(await mine(ola)).toEqual([]);
    expect(await mine(ola, 'unit')).toEqual([pathwayId]);
    const people = await ok<{ login: string; name: string; self: boolean }[]>(ola, 'worklist.people', {});
    // Neither has given a name yet: '' (the login is shown; tests/pg/people-team.test.ts has the names).
    expect(people).toEqual(
      expect.arrayContaining([
        { login: KARI, name: '', self: false },
        { login: OLA, name: '', self: true },
      ]),
    );
  });

  it("Kari gives it to Ola: it moves to Ola's Mine, and the log says Kari did it", async () => {
    const [pathwayId] = await mine(kari);
    await ok(kari, 'worklist.reassign', { pathwayId, to: OLA });
    expect(await mine(kari)).toEqual([]);
    expect(await mine(ola)).toEqual([pathwayId]);
    const entry = await asSuperuser(db.url, (c) =>
      c.query(`select os_user, entity, entity_id from audit_log where action = 'pathway.reassign' order by id desc limit 1`),
    );
    expect(entry.rows[0]).toEqual({ os_user: KARI, entity: 'pathway', entity_id: pathwayId });
  });

  it('a login outside the groups cannot be made responsible', async () => {
    const [pathwayId] = await mine(ola);
    const res = await ola.dispatch('worklist.reassign', { pathwayId, to: 'postgres' });
    expect(!res.ok && res.error.code).toBe('invalid_input');
  });
});
