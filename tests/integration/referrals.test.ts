import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, referral, type TestCore } from '../fixtures/core';

const count = (core: TestCore, table: string) => (core.handle.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('referrals and the worklist', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = await makeCore();
    await core.ok('profile.save', { coordinatorName: 'Kari Koordinator', unitName: 'DPS Testby', unitPhone: '22 00 00 00' });
  });
  afterEach(() => core.dispose());

  it('registers a referral and shows it on the worklist with a masked id', async () => {
    const created = await core.ok('referrals.create', referral());
    expect(created.patientExisted).toBe(false);
    const list = await core.ok('worklist.list', {});
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({
      name: 'Kari Testesen',
      nationalIdMasked: '018685 *****',
      synthetic: true,
      referralReceived: '2026-11-02',
      nextActionLabel: 'Vurder henvisningen',
      dueDate: '2026-11-16',
      state: 'overdue',
    });
    const page = await core.ok('patients.get', { id: created.patientId });
    expect(page.patient.municipalityName).toBe('Oslo');
    expect(page.pathways).toHaveLength(1);
  });

  it('refuses a second active pathway of the same type, and changes nothing', async () => {
    await core.ok('referrals.create', referral());
    const before = { patients: count(core, 'patient'), pathways: count(core, 'pathway'), audit: count(core, 'audit_log') };
    const res = await core.dispatch('referrals.create', referral());
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ path: 'pathway.pathwayType', message: 'Pasienten har allerede et aktivt forløp av denne typen' }] },
    });
    expect({ patients: count(core, 'patient'), pathways: count(core, 'pathway'), audit: count(core, 'audit_log') }).toEqual(before);
    // Another pathway type for the same patient is fine, and reuses the patient.
    const tsb = await core.ok('referrals.create', referral({ pathwayType: 'tsb' }));
    expect(tsb.patientExisted).toBe(true);
  });

  it('gives field-level Norwegian errors and saves nothing', async () => {
    const bad = referral({ nationalId: '01868512382', referralReceived: '2027-01-01' });
    const res = await core.dispatch('referrals.create', { ...bad, patient: { ...bad.patient, municipalityNumber: '9999' } });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const byPath = Object.fromEntries((res.error.issues ?? []).map((i) => [i.path, i.message]));
    expect(byPath).toEqual({
      'patient.nationalId': 'Fødselsnummeret har feil kontrollsiffer',
      'pathway.referralReceived': 'Mottaksdato kan ikke være fram i tid',
      'patient.municipalityNumber': 'Ukjent kommunenummer',
    });
    expect(count(core, 'patient')).toBe(0);
  });

  it('rolls back the patient when the pathway insert fails', async () => {
    core.handle.sqlite.exec("create trigger fail_pathway before insert on pathway begin select raise(abort, 'simulated failure'); end");
    const res = await core.dispatch('referrals.create', referral());
    expect(res).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(count(core, 'patient')).toBe(0);
  });

  it('searches by name and id prefix, filters by type, and logs that a search happened without what was searched', async () => {
    await core.ok('referrals.create', referral());
    await core.ok('referrals.create', referral({ nationalId: '01868510028', name: 'Ola Hansen', pathwayType: 'tsb' }));
    expect((await core.ok('worklist.list', { search: 'hans' })).rows.map((r) => r.name)).toEqual(['Ola Hansen']);
    expect((await core.ok('worklist.list', { search: '0186851002' })).total).toBe(1);
    expect((await core.ok('worklist.list', { search: '%' })).total).toBe(0); // wildcards typed by the user match literally
    expect((await core.ok('worklist.list', { pathwayType: 'adult_mental' })).rows.map((r) => r.name)).toEqual(['Kari Testesen']);
    // Searches are logged once per search by worklist.logSearch (the renderer calls it when typing rests), not per call.
    expect(core.handle.sqlite.prepare("select * from audit_log where action = 'worklist.search'").all()).toHaveLength(0);
    await core.ok('worklist.logSearch', {});
    const audit = core.handle.sqlite.prepare("select * from audit_log where action = 'worklist.search'").all();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toMatch(/hans|0186851002/i);
  });

  it('audits writes and record openings with ids only, in an append-only chain', async () => {
    const created = await core.ok('referrals.create', referral());
    await core.ok('patients.get', { id: created.patientId });
    const rows = core.handle.sqlite.prepare('select action, entity_id, patient_id, actor from audit_log order by id').all();
    expect(rows).toEqual([
      { action: 'profile.save', entity_id: 1, patient_id: null, actor: 'Ikke registrert' },
      { action: 'patient.create', entity_id: created.patientId, patient_id: created.patientId, actor: 'Kari Koordinator' },
      { action: 'pathway.create', entity_id: created.pathwayId, patient_id: created.patientId, actor: 'Kari Koordinator' },
      { action: 'patient.open', entity_id: created.patientId, patient_id: created.patientId, actor: 'Kari Koordinator' },
    ]);
    expect(() => core.handle.sqlite.exec("update audit_log set action = 'x'")).toThrow(/append-only/);
    expect(() => core.handle.sqlite.exec('delete from audit_log')).toThrow(/append-only/);
  });
});
