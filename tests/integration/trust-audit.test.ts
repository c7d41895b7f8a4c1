import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/domain/csv';
import { makeCore, referral, type TestCore } from '../fixtures/core';
import { syntheticId } from '../fixtures/trust';

/** Drops the append-only triggers, runs `edit`, puts them back: what an attacker with the file could do. */
function withoutTriggers(core: TestCore, edit: () => void): void {
  const sqlite = core.handle.sqlite;
  const triggers = sqlite.prepare("select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'").all() as {
    name: string;
    sql: string;
  }[];
  expect(triggers.length).toBe(3);
  for (const t of triggers) sqlite.exec(`drop trigger ${t.name}`);
  edit();
  for (const t of triggers) sqlite.exec(t.sql);
}

describe('audit trail', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = await makeCore();
    await core.ok('profile.save', { coordinatorName: 'Kari Koordinator', unitName: 'DPS Testby', unitPhone: '22 33 44 55', unitAddress: '' });
  });
  afterEach(() => core.dispose());

  it('records who (profile name and OS user), what and which record — never content', async () => {
    const { patientId } = await core.ok('referrals.create', referral({ name: 'Kari Hemmelig' }));
    await core.ok('patients.get', { id: patientId });
    const { entries } = await core.ok('audit.list', { patientId });
    expect(entries.map((e) => e.action)).toContain('patient.open');
    for (const e of entries) {
      expect(e.actor).toBe('Kari Koordinator');
      expect(e.osUser.length).toBeGreaterThan(0);
      expect(e.patientId).toBe(patientId);
    }
    const all = core.handle.sqlite.prepare('select * from audit_log').all();
    expect(JSON.stringify(all)).not.toContain('Hemmelig');
    expect(JSON.stringify(all)).not.toContain('01868512381');
  });

  it('verifies an intact chain and reports exactly the entry that was edited', async () => {
    await core.ok('referrals.create', referral());
    await core.ok('referrals.create', referral({ nationalId: syntheticId(1) }));
    const before = await core.ok('audit.verify', {});
    expect(before).toMatchObject({ ok: true, brokenAt: null });
    const ids = (core.handle.sqlite.prepare('select id from audit_log order by id').all() as { id: number }[]).map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    const victim = ids[2]!;
    withoutTriggers(core, () => core.handle.sqlite.prepare("update audit_log set os_user = 'someone-else' where id = ?").run(victim));
    expect(await core.ok('audit.verify', { full: true })).toMatchObject({ ok: false, checked: 2, brokenAt: victim, problem: 'link' });
  });

  it('reports the entry after a removed one, and an entry whose hash was recomputed without the chain', async () => {
    for (let i = 0; i < 3; i++) await core.ok('worklist.logSearch', {});
    const ids = (core.handle.sqlite.prepare('select id from audit_log order by id').all() as { id: number }[]).map((r) => r.id);
    const removed = ids[1]!;
    withoutTriggers(core, () => core.handle.sqlite.prepare('delete from audit_log where id = ?').run(removed));
    expect(await core.ok('audit.verify', { full: true })).toMatchObject({ ok: false, brokenAt: removed, problem: 'missing' });
  });

  it('the database refuses UPDATE and DELETE of an audit entry', async () => {
    await core.ok('referrals.create', referral());
    const sqlite = core.handle.sqlite;
    expect(() => sqlite.prepare("update audit_log set actor = 'x'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('delete from audit_log').run()).toThrow(/append-only/);
    expect(await core.ok('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('filters by patient and period (Oslo days), newest first, on an index', async () => {
    const a = await core.ok('referrals.create', referral());
    const b = await core.ok('referrals.create', referral({ nationalId: syntheticId(2) }));
    await core.ok('patients.get', { id: a.patientId });
    const forA = await core.ok('audit.list', { patientId: a.patientId });
    expect(forA.entries.every((e) => e.patientId === a.patientId)).toBe(true);
    expect(forA.total).toBe(forA.entries.length);
    expect(forA.entries[0]!.action).toBe('patient.open');
    // FIXED_NOW is 23.11.2026 10:00 Oslo.
    expect((await core.ok('audit.list', { from: '2026-11-23', to: '2026-11-23' })).total).toBeGreaterThan(0);
    expect((await core.ok('audit.list', { from: '2026-11-24' })).total).toBe(0);
    expect((await core.ok('audit.list', { to: '2026-11-22' })).total).toBe(0);
    expect(b.patientId).toBeGreaterThan(0);
    const refused = await core.dispatch('audit.list', { from: '2026-11-24', to: '2026-11-01' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'to' }] } });

    const plan = (q: string, ...params: unknown[]) =>
      (core.handle.sqlite.prepare(`explain query plan ${q}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('select * from audit_log where patient_id = ? and at >= ? order by at desc, id desc limit 100', 1, '2026-01-01')).toMatch(
      /USING INDEX audit_log_patient/,
    );
    expect(plan('select * from audit_log where at >= ? and at < ? order by at desc, id desc limit 100', '2026-01-01', '2026-12-01')).toMatch(
      /USING (COVERING )?INDEX audit_log_at/,
    );
  });

  it("exports one patient's log as semicolon CSV and as a printable document, and logs the export", async () => {
    const { patientId } = await core.ok('referrals.create', referral({ name: '<img src=x onerror=alert(1)>' }));
    await core.ok('patients.get', { id: patientId });
    const { csv, fileName } = await core.ok('audit.exportCsv', { patientId });
    expect(fileName).toBe(`logg-pasient-${patientId}-2026-11-23.csv`);
    expect(fileName).not.toMatch(/img|Kari/);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['Tidspunkt', 'Bruker', 'Handling', 'Type', 'Post-id', 'Logg-id']);
    expect(rows.some((r) => r[0] === '23.11.2026 10:00:00' && r[2] === 'Åpnet pasientsiden' && r[1] === 'Kari Koordinator')).toBe(true);
    expect(csv).not.toContain('onerror');

    const { html } = await core.ok('audit.printPatient', { patientId });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('Logg over tilgang og endringer');
    expect(html).toContain('Åpnet pasientsiden');
    const after = await core.ok('audit.list', { patientId });
    expect(
      after.entries
        .slice(0, 2)
        .map((e) => e.action)
        .sort(),
    ).toEqual(['audit.exportCsv', 'audit.print']);
    expect(await core.dispatch('audit.exportCsv', { patientId: 99999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
