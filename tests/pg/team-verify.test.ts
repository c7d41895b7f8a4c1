import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app-core';
import { FIXED_NOW, referral } from '../fixtures/core';
import { asSuperuser, createTestDatabase, pgServerUrl } from '../fixtures/pg-db';

/**
 * The team chain verified with the team's shared key: audit.verify in the app (a login that may read the log)
 * and `npm run team:verify` for IT. An entry changed behind the app's back is found at its id; a login
 * that may not read the log (administrative staff) is told so in Norwegian.
 */
const available = (await pgServerUrl()) !== null;
const suffix = Math.random().toString(36).slice(2, 8);
const LEDER = `leder_${suffix}`; // unit leader
const OLA = `ola_${suffix}`; // administrative staff
type Verification = { ok: boolean; checked: number; total: number; brokenAt: number | null; message: string | null };

describe.skipIf(!available)('team store: verifying the audit chain with the team key', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const cores: Core[] = [];
  const dirs: string[] = [];
  const urlAs = (login: string) => db.url.replace('postgres@', `${login}@`);
  async function coreAs(login: string): Promise<Core> {
    const dataDir = mkdtempSync(join(tmpdir(), 'forlopsbenk-verify-'));
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
  const script = (url: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/team-verify.ts', '--url', url], { encoding: 'utf8', env: { ...process.env }, timeout: 120_000 });

  beforeAll(async () => {
    db = await createTestDatabase();
    await asSuperuser(db.url, async (c) => {
      await c.query(`create role ${LEDER} login in role forlopsbenk_unit_leader`);
      await c.query(`create role ${OLA} login in role forlopsbenk_admin_staff`);
      await c.query(`insert into app_setting (key, value) values ('demo', '1')`);
    });
    const ola = await coreAs(OLA);
    const res = await ola.dispatch('referrals.create', referral());
    if (!res.ok) throw new Error(res.error.message);
    await ola.dispatch('worklist.logSearch', {});
  });
  afterAll(async () => {
    for (const c of cores) await c.close().catch(() => undefined);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    if (!db) return;
    await db.drop();
    await asSuperuser(db.url.replace(/\/[^/]+$/, '/postgres'), async (c) => {
      for (const login of [LEDER, OLA]) await c.query(`drop role if exists ${login}`);
    });
  });

  it('the unit leader verifies the whole chain in the app; administrative staff may not read it', async () => {
    const leder = await coreAs(LEDER);
    const res = await leder.dispatch('audit.verify', { full: true });
    expect(res.ok).toBe(true);
    const v = (res as { value: Verification }).value;
    expect(v).toMatchObject({ ok: true, brokenAt: null });
    expect(v.checked).toBe(v.total);
    expect(v.total).toBeGreaterThanOrEqual(3);
    const refused = await cores[0]!.dispatch('audit.verify', {});
    expect(!refused.ok && refused.error.message).toBe('Din rolle kan ikke lese hele loggen. En koordinator eller enhetsleder kan kontrollere den.');
  });

  it('an entry changed behind the app is found at its id, by the app and by npm run team:verify', async () => {
    expect(script(urlAs(LEDER)).status).toBe(0);
    await asSuperuser(db.url, async (c) => {
      await c.query('alter table audit_log disable trigger audit_log_no_update');
      await c.query(`update audit_log set actor = 'noen andre' where id = 2`);
      await c.query('alter table audit_log enable trigger audit_log_no_update');
    });
    const leder = cores.find((_, i) => i === 1)!;
    const v = ((await leder.dispatch('audit.verify', { full: true })) as { value: Verification }).value;
    expect(v).toMatchObject({ ok: false, brokenAt: 2 });
    expect(v.message).toContain('logg-id 2');
    const out = script(urlAs(LEDER));
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('IKKE hel');
    expect(out.stderr).toContain('logg-id 2');
    // Without the team key the script refuses to guess.
    const env = { ...process.env };
    delete env.FORLOPSBENK_TEAM_AUDIT_KEY;
    const nokey = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/team-verify.ts', '--url', urlAs(LEDER)], {
      encoding: 'utf8',
      env,
      timeout: 120_000,
    });
    expect(nokey.status).toBe(2);
    expect(nokey.stderr).toContain('FORLOPSBENK_TEAM_AUDIT_KEY');
  });
});
