import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/domain/csv';
import { makeCore, referral, type TestCore } from '../fixtures/core';

describe("the patient's own access log speaks plain Norwegian", () => {
  let core: TestCore;
  beforeEach(async () => {
    core = await makeCore();
    await core.ok('profile.save', { coordinatorName: 'Kari Koordinator', unitName: 'DPS Testby', unitPhone: '22 00 00 00' });
  });
  afterEach(() => core.dispose());

  it('names every action in words, logs viewing a deadline explanation as a view, and leaves out the OS account', async () => {
    const { patientId, pathwayId } = await core.ok('referrals.create', referral());
    await core.ok('patients.get', { id: patientId });
    await core.ok('pathways.getExplanation', { pathwayId });
    await core.ok('plans.save', {
      patientId,
      period: { from: '2026-11-01', to: '2027-11-01' },
      revisionDates: ['2027-02-01'],
      coordinator: { name: 'Koordinator i kommunen', organisation: 'Koordinerende enhet', contactId: null },
      cooperation: 'Samarbeid med NAV.',
      contributions: { patient: 'Møter til timer.', services: 'Oppfølging.', relatives: 'Støtte.' },
    });
    await core.ok('plans.get', { patientId });
    await core.ok('plans.saveItem', { patientId, kind: 'need', item: { text: 'Hjelp om morgenen' } });
    const appt = await core.ok('appointments.book', {
      patientId,
      pathwayId,
      kind: 'assessment',
      date: '2026-11-20',
      time: '10:00',
      durationMinutes: 45,
      place: 'Rom 1',
      clinician: '',
    });
    await core.ok('appointments.setStatus', { id: appt.id, status: 'no_show' });

    const { csv } = await core.ok('audit.exportCsv', { patientId });
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['Tidspunkt', 'Bruker', 'Handling', 'Type', 'Post-id', 'Logg-id']);
    const actions = rows.slice(1).map((r) => r[2]!);
    expect(actions).toContain('Så forklaringen av fristene');
    expect(actions).toContain('Åpnet individuell plan');
    expect(actions).toContain('Endret behov i individuell plan');
    expect(actions).toContain('Registrerte at pasienten ikke møtte');
    const types = rows.slice(1).map((r) => r[3]!);
    // No code words: no dotted action codes, no snake_case entity names, no English.
    for (const text of [...actions, ...types]) expect(text).not.toMatch(/[a-z]+[._][a-z]+|individual|plan_|no_show/i);
    expect(csv).not.toMatch(/OS-bruker|root/);

    const { html } = await core.ok('audit.printPatient', { patientId });
    expect(html).toContain('Åpnet individuell plan');
    expect(html).toContain('Så forklaringen av fristene');
    expect(html).not.toMatch(/OS-bruker|>root<|individual_plan|pathway\.explain|Utskrevet/);
    expect(html).toContain('Skrevet ut');
  });
});
