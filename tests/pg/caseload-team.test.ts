import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core';
import { referral } from '../fixtures/core';
import { asSuperuser, pgServerUrl } from '../fixtures/pg-db';
import { ok, teamLogins } from '../fixtures/pg-team';

/**
 * The caseload on the team store with two people, each under their own login: the responsible person is the
 * database's current_user; Mine is one's own, Enheten the unit's; giving a pathway to a colleague moves it
 * from one Mine to the other and is audited under the giver's login.
 */
const available = (await pgServerUrl()) !== null;

describe.skipIf(!available)('team store caseload: Mine / Enheten between two logins', () => {
  const team = teamLogins({ kari: 'forlopsbenk_coordinator', ola: 'forlopsbenk_admin_staff' });
  const { kari: KARI, ola: OLA } = team.logins;
  let kari: Core;
  let ola: Core;
  const mine = async (core: Core, scope: 'mine' | 'unit' = 'mine') =>
    (await ok<{ rows: { pathwayId: number; responsible: string }[] }>(core, 'worklist.list', { scope })).rows.map((r) => r.pathwayId);

  beforeAll(async () => {
    kari = await team.core(KARI);
    ola = await team.core(OLA);
  });

  it("what Kari registers is hers: in her Mine, in Ola's Enheten, not in Ola's Mine", async () => {
    const { pathwayId } = await ok<{ pathwayId: number }>(kari, 'referrals.create', referral());
    const responsible = await asSuperuser(team.url, (c) => c.query('select responsible from pathway where id = $1', [pathwayId]));
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

  it('the search keys follow the same scope: Mine and Enheten as the worklist shows them', async () => {
    const keys = async (core: Core, scope: 'mine' | 'unit') =>
      (await ok<{ keys: [number, ...unknown[]][] }>(core, 'worklist.searchKeys', { scope })).keys.map((k) => k[0]);
    expect(await keys(kari, 'mine')).toEqual(await mine(kari));
    expect(await keys(ola, 'mine')).toEqual([]);
    expect(await keys(ola, 'unit')).toEqual(await mine(ola, 'unit'));
    expect((await keys(ola, 'unit')).length).toBeGreaterThan(0);
  });

  it("Kari gives it to Ola: it moves to Ola's Mine, and the log says Kari did it", async () => {
    const [pathwayId] = await mine(kari);
    await ok(kari, 'worklist.reassign', { pathwayId, to: OLA });
    expect(await mine(kari)).toEqual([]);
    expect(await mine(ola)).toEqual([pathwayId]);
    const entry = await asSuperuser(team.url, (c) =>
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
