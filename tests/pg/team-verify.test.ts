import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { referral } from '../fixtures/core';
import { asSuperuser, pgServerUrl } from '../fixtures/pg-db';
import { teamLogins } from '../fixtures/pg-team';

/**
 * The team chain verified with the team's shared key: audit.verify in the app (a login that may read the log)
 * and `npm run team:verify` for IT. An entry changed behind the app's back is found at its id; a login
 * that may not read the log (administrative staff) is told so in Norwegian.
 */
const available = (await pgServerUrl()) !== null;
type Verification = { ok: boolean; checked: number; total: number; brokenAt: number | null; message: string | null };

describe.skipIf(!available)('team store: verifying the audit chain with the team key', () => {
  const team = teamLogins({ leder: 'forlopsbenk_unit_leader', ola: 'forlopsbenk_admin_staff' });
  const { leder: LEDER, ola: OLA } = team.logins;
  const script = (url: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/team-verify.ts', '--url', url], { encoding: 'utf8', env: { ...process.env }, timeout: 120_000 });

  beforeAll(async () => {
    const ola = await team.core(OLA);
    const res = await ola.dispatch('referrals.create', referral());
    if (!res.ok) throw new Error(res.error.message);
    await ola.dispatch('worklist.logSearch', {});
  });

  it('the unit leader verifies the whole chain in the app; administrative staff may not read it', async () => {
    const leder = await team.core(LEDER);
    const res = await leder.dispatch('audit.verify', { full: true });
    expect(res.ok).toBe(true);
    const v = (res as { value: Verification }).value;
    expect(v).toMatchObject({ ok: true, brokenAt: null });
    expect(v.checked).toBe(v.total);
    expect(v.total).toBeGreaterThanOrEqual(3);
    const refused = await team.cores[0]!.dispatch('audit.verify', {});
    expect(!refused.ok && refused.error.message).toBe('Din rolle kan ikke lese hele loggen. En koordinator eller enhetsleder kan kontrollere den.');
  });

  it('an entry changed behind the app is found at its id, by the app and by npm run team:verify', async () => {
    expect(script(team.urlAs(LEDER)).status).toBe(0);
    await asSuperuser(team.url, async (c) => {
      await c.query('alter table audit_log disable trigger audit_log_no_update');
      await c.query(`update audit_log set actor = 'noen andre' where id = 2`);
      await c.query('alter table audit_log enable trigger audit_log_no_update');
    });
    const leder = team.cores.find((_, i) => i === 1)!;
    const v = ((await leder.dispatch('audit.verify', { full: true })) as { value: Verification }).value;
    expect(v).toMatchObject({ ok: false, brokenAt: 2 });
    expect(v.message).toContain('logg-id 2');
    const out = script(team.urlAs(LEDER));
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('IKKE hel');
    expect(out.stderr).toContain('logg-id 2');
    // Without the team key the script refuses to guess.
    const env = { ...process.env };
    delete env.FORLOPSBENK_TEAM_AUDIT_KEY;
    const nokey = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/team-verify.ts', '--url', team.urlAs(LEDER)], {
      encoding: 'utf8',
      env,
      timeout: 120_000,
    });
    expect(nokey.status).toBe(2);
    expect(nokey.stderr).toContain('FORLOPSBENK_TEAM_AUDIT_KEY');
  });
});
