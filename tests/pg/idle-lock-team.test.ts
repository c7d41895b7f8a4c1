import { describe, expect, it } from 'vitest';
import { IDLE_TICK_MS } from '../../electron/core/idle-timer';
import { asSuperuser, pgServerUrl } from '../fixtures/pg-db';
import { ok, teamLogins } from '../fixtures/pg-team';

/**
 * The idle lock on the team store, per person: each login has its own PIN, idle time and lock state
 * (person_setting, row-level security). Kari's idle lock falls after the idle time, through her own login's
 * grants, and survives her restart; Per on the same database is neither locked nor able to read or write Kari's.
 */
const available = (await pgServerUrl()) !== null;
const tick = () => new Promise((r) => setTimeout(r, IDLE_TICK_MS * 1.6));

describe.skipIf(!available)("team store: the idle lock is each person's own", () => {
  const team = teamLogins({ kari: 'forlopsbenk_coordinator', per: 'forlopsbenk_admin_staff' });
  const { kari: KARI, per: PER } = team.logins;

  it('Kari sets her PIN and idle time; the lock falls after it with no call, and holds over a restart', async () => {
    const kari = await team.core(KARI);
    const per = await team.core(PER);
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
    const again = await team.core(KARI);
    expect(await ok(again, 'lock.status', {})).toMatchObject({ locked: true, pinSet: true });
    expect((await again.dispatch('worklist.list', {})).ok).toBe(false);
    expect((await ok<{ locked: boolean }>(again, 'lock.unlock', { pin: '4821' })).locked).toBe(false);
  });

  it('with psql, each login sees and writes only its own personal settings (row-level security)', async () => {
    expect((await team.as(PER, (c) => c.query('select login, key from person_setting'))).rows).toEqual([]);
    const kariRows = await team.as(KARI, (c) => c.query('select login, key from person_setting order by key'));
    expect(kariRows.rows.map((r) => r.key)).toEqual(expect.arrayContaining(['lock.pinHash', 'lock.state']));
    expect(new Set(kariRows.rows.map((r) => r.login))).toEqual(new Set([KARI]));
    const forge = await team.as(PER, (c) =>
      c.query(`insert into person_setting (login, key, value) values ('${KARI}', 'lock.pinHash', 'x')`).then(
        () => 'ok',
        (e: { code?: string }) => String(e.code),
      ),
    );
    expect(forge).toBe('42501');
    await team.as(PER, (c) => c.query(`update person_setting set value = 'x'`));
    await team.as(PER, (c) => c.query(`delete from person_setting`));
    const still = await asSuperuser(team.url, (c) => c.query(`select count(*)::int as n from person_setting where login = $1`, [KARI]));
    expect(still.rows[0]?.n).toBeGreaterThanOrEqual(2);
  });
});
