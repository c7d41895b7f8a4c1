import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core';
import { referral } from '../fixtures/core';
import { asSuperuser, pgServerUrl } from '../fixtures/pg-db';
import { ok, teamLogins } from '../fixtures/pg-team';

/**
 * Each person is themselves on the team store (issue #15): two logins on one database, each with their own name
 * (person_profile, row-level security). The unit's letterhead is set up by IT; at first start a login is asked
 * only for its own name. Each sees the other's name in the caseload and the log; the log's "who" is the name of
 * the login that wrote it. Through psql under his own login, Per cannot change Kari's name or the unit's.
 */
const available = (await pgServerUrl()) !== null;

describe.skipIf(!available)('team store: each person is themselves', () => {
  const team = teamLogins({ kari: 'forlopsbenk_coordinator', per: 'forlopsbenk_admin_staff' });
  const { kari: KARI, per: PER } = team.logins;
  const names = () => asSuperuser(team.url, async (c) => (await c.query('select login, name, phone from person_profile order by login')).rows);

  let kari: Core;
  let per: Core;
  beforeAll(async () => {
    await asSuperuser(team.url, async (c) => {
      await c.query(
        `insert into profile (id, unit_name, unit_phone, unit_address, updated_at) values (1, 'DPS Testby', '22 33 44 55', 'Postboks 1', now()::text)`,
      );
    });
    kari = await team.core(KARI);
    per = await team.core(PER);
  });

  it('first start with the unit set up: only the own name is asked for; the unit is read-only to people', async () => {
    expect((await ok<{ needsProfile: boolean }>(kari, 'app.info', {})).needsProfile).toBe(true);
    expect(await ok(kari, 'profile.get', {})).toEqual({
      unit: { unitName: 'DPS Testby', unitPhone: '22 33 44 55', unitAddress: 'Postboks 1' },
      me: null,
      login: KARI,
      unitEditable: false,
    });
    await ok(kari, 'profile.saveMine', { name: 'Kari Koordinator', phone: '91 00 00 01' });
    await ok(per, 'profile.saveMine', { name: 'Per Pleier', phone: '' });
    expect((await ok<{ needsProfile: boolean }>(kari, 'app.info', {})).needsProfile).toBe(false);
    expect((await ok<{ needsProfile: boolean }>(per, 'app.info', {})).needsProfile).toBe(false);
    expect(await names()).toEqual([
      { login: KARI, name: 'Kari Koordinator', phone: '91 00 00 01' },
      { login: PER, name: 'Per Pleier', phone: '' },
    ]);
    // The unit's letterhead is IT's: refused in Norwegian, nothing written.
    const refused = await per.dispatch('profile.saveUnit', { unitName: 'Pers enhet', unitPhone: '22 00 00 00', unitAddress: '' });
    expect(refused.ok ? null : refused.error.message).toMatch(/settes opp av IT/);
    const first = await per.dispatch('profile.save', { coordinatorName: 'Per', unitName: 'Pers enhet', unitPhone: '22 00 00 00', unitAddress: '' });
    expect(first.ok).toBe(false);
    expect((await asSuperuser(team.url, (c) => c.query('select unit_name from profile'))).rows).toEqual([{ unit_name: 'DPS Testby' }]);
  });

  it("each sees the other's name in the caseload and the log; the log's who is the writer's own name", async () => {
    const { pathwayId, patientId } = await ok<{ pathwayId: number; patientId: number }>(kari, 'referrals.create', referral());
    const people = await ok<{ login: string; name: string; self: boolean }[]>(per, 'worklist.people', {});
    expect(people).toEqual(
      expect.arrayContaining([
        { login: KARI, name: 'Kari Koordinator', self: false },
        { login: PER, name: 'Per Pleier', self: true },
      ]),
    );
    // Per takes the pathway over: the entry is his, by his own name.
    await ok(per, 'worklist.reassign', { pathwayId, to: PER });
    const log = await ok<{ entries: { osUser: string; actor: string; personName: string; action: string }[] }>(kari, 'audit.list', { limit: 20 });
    expect(log.entries.find((e) => e.action === 'pathway.reassign')).toMatchObject({ osUser: PER, actor: 'Per Pleier', personName: 'Per Pleier' });
    expect(log.entries.find((e) => e.action === 'pathway.create')).toMatchObject({ osUser: KARI, actor: 'Kari Koordinator', personName: 'Kari Koordinator' });

    // A print names the one who prints it; the patient summary names the pathway's responsible person.
    const kariPrint = await ok<{ html: string }>(kari, 'audit.printPatient', { patientId });
    expect(kariPrint.html).toContain('Kontakt: Kari Koordinator');
    expect(kariPrint.html).toContain('Direkte 91 00 00 01');
    const summary = await ok<{ html: string }>(kari, 'pathways.getSummary', { patientId });
    expect(summary.html).toContain('Forløpskoordinatoren din er <strong>Per Pleier</strong>');
  });

  it("through psql under his own login, Per cannot change Kari's name, take her login, delete it, or change the unit", async () => {
    await team.as(PER, async (c) => {
      // Everyone reads every name (the caseload and the log show them).
      expect((await c.query('select count(*)::int as n from person_profile')).rows[0].n).toBe(2);
      expect((await c.query(`update person_profile set name = 'Endret av Per' where login = $1`, [KARI])).rowCount).toBe(0);
      await expect(c.query(`insert into person_profile (login, name, updated_at) values ($1, 'Falsk Kari', now()::text)`, [`${KARI}_x`])).rejects.toThrow(
        /row-level security/,
      );
      await expect(c.query(`update person_profile set login = $1 where login = current_user`, [KARI])).rejects.toThrow(/row-level security|duplicate key/);
      expect((await c.query(`delete from person_profile where login = $1`, [KARI])).rowCount).toBe(0);
      await expect(c.query(`update profile set unit_name = 'Pers enhet'`)).rejects.toThrow(/permission denied/);
      // His own row he may change.
      expect((await c.query(`update person_profile set phone = '47 00 00 02' where login = current_user`)).rowCount).toBe(1);
    });
    expect(await names()).toEqual([
      { login: KARI, name: 'Kari Koordinator', phone: '91 00 00 01' },
      { login: PER, name: 'Per Pleier', phone: '47 00 00 02' },
    ]);
  });
});
