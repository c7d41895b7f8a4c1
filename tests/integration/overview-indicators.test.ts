import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../fixtures/core';
import { assessRight, decidedInTime, decisionMissing, newPathway } from '../fixtures/pathways';

// Issue #13: indicators matched to the Directorate's measures. FIXED_NOW is Monday 2026-11-23 (Oslo).
let core: TestCore;
beforeEach(async () => {
  core = await makeCore();
});
afterEach(async () => {
  await core.dispose();
});

describe('Oversikt', () => {
  it('72/82/55 % stand beside "assessment completed within pathway time" (first attendance → decision) only', async () => {
    // D11: first attendance Mon 2 Nov, decision within 42 days (by Mon 14 Dec): met on Fri 20 Nov.
    await decidedInTime(core);
    // TSB: first attendance Mon 26 Oct, decision due in 21 days (Mon 16 Nov), none yet → missed.
    const b = await decisionMissing(core, 'outpatient');

    const { indicators } = await core.ok('overview.get', { from: '2026-10-01', to: '2026-11-30' });
    const byId = Object.fromEntries(indicators.map((i) => [i.id, i]));
    expect(byId.decision_in_time).toMatchObject({ label: 'Utredning gjennomført innen forløpstid', met: 1, missed: 1, pending: 0, share: 50 });
    expect(byId.decision_in_time?.national).toContain('72 % voksne, 82 % TSB, 55 % barn og unge');
    expect(byId.care_started_in_time).toMatchObject({ label: 'Helsehjelp startet innen frist', national: null });
    expect(byId.assessed_in_time?.national).toBeNull();
    expect(indicators.filter((i) => i.national?.includes('72 %'))).toHaveLength(1);
    expect(byId.first_evaluation_in_time?.label).toContain('poliklinikk');

    const missed = await core.ok('overview.listPatients', { from: '2026-10-01', to: '2026-11-30', indicator: 'decision_in_time', part: 'missed' });
    expect(missed.rows.map((r) => [r.pathwayId, r.due, r.met])).toEqual([[b.pathwayId, '2026-11-16', null]]);
  });

  it('the first-evaluation indicator counts outpatient pathways only', async () => {
    for (const setting of ['outpatient', 'inpatient'] as const) {
      const p = await newPathway(core, { pathwayType: 'tsb', referralReceived: '2026-10-12', setting });
      await assessRight(core, p.pathwayId, '2026-10-13', 'treatment');
      await core.ok('pathways.recordEvent', { pathwayId: p.pathwayId, type: 'first_attendance', date: '2026-10-14' });
      await core.ok('pathways.recordEvent', { pathwayId: p.pathwayId, type: 'clinical_decision', date: '2026-10-15', outcome: 'CT' });
    }
    const { indicators } = await core.ok('overview.get', { from: '2026-10-01', to: '2026-11-30' });
    // Each first evaluation was due 22 Oct and is still missing: only the outpatient one counts.
    expect(indicators.find((i) => i.id === 'first_evaluation_in_time')).toMatchObject({ met: 0, missed: 1, pending: 0 });
  });
});

describe('patient summary wording', () => {
  it('says helsehjelp for the kind of care the right is for, and describes L without "at your wish"', async () => {
    const a = await newPathway(core, { referralReceived: '2026-11-02' });
    await assessRight(core, a.pathwayId, '2026-11-09', 'assessment');
    await core.ok('pathways.recordEvent', { pathwayId: a.pathwayId, type: 'patient_postponed', date: '2026-11-16' });
    const { html } = await core.ok('pathways.getSummary', { patientId: a.patientId });
    expect(html).toContain('Du har rett til utredning. Utredningen skal starte senest 15.12.2026.');
    expect(html).toContain('En avtale ble utsatt fordi du meldte avbud, ba om å utsette den eller ikke kom.');
    expect(html).not.toContain('etter ønske fra deg');
  });
});
