import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, referral, type TestCore } from '../fixtures/core';

/**
 * No lost update, on both stores: an edit sends the row version it loaded; a save on an older version is refused
 * with a conflict saying who saved, when and which fields now differ (names only, never values), and nothing is
 * written. (Two people on two connections: tests/pg/no-lost-update-team.test.ts.)
 */
describe('optimistic concurrency on patient, plan measure and meeting minutes', () => {
  let core: TestCore;
  let patientId: number;
  const changes = () => (core.handle.sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
  beforeEach(async () => {
    core = await makeCore();
    patientId = (await core.ok('referrals.create', referral())).patientId;
  });
  afterEach(() => core.dispose());

  it('plan measure: the second save on the same loaded version is refused, names the field and keeps the first', async () => {
    await core.ok('plans.save', {
      patientId,
      period: { from: '2026-11-01', to: '2027-10-31' },
      revisionDates: ['2027-02-01'],
      coordinator: { name: 'Mona Kommune', organisation: 'Oslo kommune' },
      cooperation: '',
      contributions: { patient: '', services: '', relatives: '' },
    });
    const measure = {
      what: 'Samtaler',
      scope: '1 time per uke',
      howCarriedOut: 'På DPS',
      responsible: 'DPS Testby',
      startDate: null,
      dueDate: null,
      goalId: null,
    };
    const { id } = await core.ok('plans.saveMeasure', { patientId, measure });
    const loaded = (await core.ok('plans.get', { patientId })).view!.measureVersions.find((v) => v.measureId === id)!.version;
    expect(loaded).toBe(1);

    // Two people opened the measure at version 1; the first saves a new responsible.
    await core.ok('plans.saveMeasure', { patientId, measure: { ...measure, id, version: loaded, responsible: 'Hjemmetjenesten' } });
    const before = changes();
    const stale = await core.dispatch('plans.saveMeasure', { patientId, measure: { ...measure, id, version: loaded, what: 'Samtaler hver uke' } });
    expect(stale.ok).toBe(false);
    if (!stale.ok) {
      expect(stale.error.code).toBe('conflict');
      expect(stale.error.message).toMatch(/^Tiltaket ble endret av .+ \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d etter at du åpnet det\./);
      // What the other person changed (Ansvarlig), not what this person typed (Tiltak).
      expect(stale.error.message).toContain(' Endret: Ansvarlig. ');
      // Field names only: neither what was saved nor what was sent.
      expect(stale.error.message).not.toContain('Hjemmetjenesten');
      expect(stale.error.message).not.toContain('hver uke');
    }
    expect(changes()).toBe(before);
    const now = (await core.ok('plans.get', { patientId })).view!;
    expect(now.plan.measures.find((m) => m.id === id)).toMatchObject({ what: 'Samtaler', responsible: 'Hjemmetjenesten' });
    expect(now.measureVersions.find((v) => v.measureId === id)?.version).toBe(2);
    // Saving again on the version now loaded goes through (the person chose to replace it).
    await core.ok('plans.saveMeasure', { patientId, measure: { ...measure, id, version: 2, what: 'Samtaler hver uke' } });
  });

  it('patient details: a stale version is refused, the current one saves', async () => {
    const p = (await core.ok('patients.get', { id: patientId })).patient;
    const edit = {
      id: patientId,
      name: p.name,
      phone: p.phone,
      address: p.address,
      postalCode: p.postalCode,
      postalPlace: p.postalPlace,
      municipalityNumber: p.municipalityNumber,
      gpName: p.gpName,
    };
    expect(p.version).toBe(1);
    await core.ok('patients.update', { ...edit, phone: '22 33 44 56', version: 1 });
    const stale = await core.dispatch('patients.update', { ...edit, gpName: 'Dr. Lege', version: 1 });
    expect(!stale.ok && stale.error.code).toBe('conflict');
    if (!stale.ok) {
      expect(stale.error.message).toMatch(/^Pasientopplysningene ble endret av /);
      expect(stale.error.message).toContain(' Endret: Telefon. ');
      expect(stale.error.message).not.toContain('22 33 44 56');
    }
    const now = (await core.ok('patients.get', { id: patientId })).patient;
    expect(now).toMatchObject({ phone: '22 33 44 56', gpName: p.gpName, version: 2 });
  });

  it('meeting minutes: a draft saved by someone else in between refuses the stale save, also when none was loaded', async () => {
    const { id } = await core.ok('meetings.create', {
      patientId,
      kind: 'evaluation',
      date: '2026-11-25',
      time: '10:00',
      durationMinutes: 60,
      place: 'DPS',
      participants: [{ name: 'Kari Testesen', role: 'patient' }],
    });
    const agenda = (await core.ok('meetings.get', { id })).agenda;
    const notes = (text: string) => agenda.map((a) => ({ agendaItemId: a.id, note: text }));
    // Both opened the meeting with no draft (0); the first starts one.
    const first = await core.ok('meetings.saveMinutes', { id, notes: notes('Første'), decisions: '', actionItems: [], draftVersion: 0 });
    expect(first.rowVersion).toBe(1);
    const stale = await core.dispatch('meetings.saveMinutes', { id, notes: notes('Andre'), decisions: 'Vedtak', actionItems: [], draftVersion: 0 });
    expect(!stale.ok && stale.error.code).toBe('conflict');
    if (!stale.ok) expect(stale.error.message).toMatch(/^Referatet ble endret av .*Beslutninger/);
    // The first person goes on editing their draft: each save moves the version on.
    const second = await core.ok('meetings.saveMinutes', { id, notes: notes('Første, mer'), decisions: '', actionItems: [], draftVersion: first.rowVersion });
    expect(second.rowVersion).toBe(2);
    const late = await core.dispatch('meetings.saveMinutes', { id, notes: notes('Gammel'), decisions: '', actionItems: [], draftVersion: 1 });
    expect(!late.ok && late.error.code).toBe('conflict');
    expect((await core.ok('meetings.get', { id })).minutes[0]?.notes[0]?.note).toBe('Første, mer');
  });
});
