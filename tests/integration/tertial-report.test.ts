import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/domain/csv';
import { makeCore, type TestCore, saveProfile } from '../fixtures/core';
import { decidedInTime, decisionMissing, newPathway } from '../fixtures/pathways';
import { missedAppointment } from '../fixtures/no-show';

// Issue #13 §2: the unit leader's tertial report. FIXED_NOW is Monday 2026-11-23 (Oslo), in T3 2026.
let core: TestCore;
beforeEach(async () => {
  core = await makeCore();
  await saveProfile(core);
});
afterEach(async () => {
  await core.dispose();
});

async function caseload() {
  // D11 outpatient, T3: decision in time (first attendance Mon 2 Nov → decision Fri 20 Nov, within 42 days).
  const a = await decidedInTime(core);
  // TSB inpatient, T3: first attendance Mon 26 Oct, decision due in 7 days, none yet → not within time.
  const b = await decisionMissing(core, 'inpatient');
  // D11 received Mon 31 Aug (T2): not in T3. Its assessment (due 14 Sep) is overdue: a breach with a reason.
  const c = await newPathway(core, { referralReceived: '2026-08-31' });
  // D11 received Thu 1 Oct (T3), not assessed: the 10-working-day deadline (15 Oct) passed, reason recorded.
  const d = await newPathway(core, { referralReceived: '2026-10-01' });
  await core.ok('pathways.recordBreachReason', {
    pathwayId: d.pathwayId,
    deadlineKey: 'legal/referral-assessment',
    reasonCode: 'capacity',
    note: 'Sykdom i teamet',
  });
  // No-shows in T3 on pathway a: one resolved within policy (reached the next day), one reached only after 10 days.
  const first = await missedAppointment(core, a, { kind: 'assessment', date: '2026-11-16' });
  await core.ok('noShow.recordAttempt', { caseId: first, date: '2026-11-17', time: '09:15', channel: 'phone', outcome: 'reached', byName: 'Mona', note: '' });
  await core.ok('noShow.close', { caseId: first, outcome: 'declined', note: '' });
  const second = await missedAppointment(core, a, { kind: 'assessment', date: '2026-11-03' });
  await core.ok('noShow.recordAttempt', { caseId: second, date: '2026-11-13', time: '09:15', channel: 'phone', outcome: 'reached', byName: 'Mona', note: '' });
  await core.ok('noShow.close', { caseId: second, outcome: 'declined', note: '' });
  // One still open, on the TSB pathway.
  await missedAppointment(core, b, { kind: 'assessment', date: '2026-11-19' });
  return { a, b, c, d };
}

describe('tertial report', () => {
  it('counts T3 by pathway type and setting, with national figures only beside their measure and pathway', async () => {
    await caseload();
    const r = await core.ok('report.tertial', { year: 2026, tertial: 3 });
    expect(r).toMatchObject({ from: '2026-09-01', to: '2026-12-31', label: '3. tertial 2026 (september–desember)' });
    expect(r.groups.map((g) => [g.pathwayType, g.setting, g.received])).toEqual([
      ['adult_mental', 'outpatient', 2],
      ['tsb', 'inpatient', 1],
    ]);
    const adult = r.groups[0]!.measures.find((m) => m.id === 'decision_in_time')!;
    expect(adult).toMatchObject({ met: 1, missed: 0, share: 100, national: '72 %' });
    const tsb = r.groups[1]!.measures;
    expect(tsb.find((m) => m.id === 'decision_in_time')).toMatchObject({ met: 0, missed: 1, share: 0, national: '82 %' });
    // The first-evaluation figure is outpatient only: not beside an inpatient group.
    expect(tsb.find((m) => m.id === 'first_evaluation_in_time')!.national).toBeNull();
    expect(r.groups[0]!.measures.find((m) => m.id === 'first_evaluation_in_time')!.national).toBe('39–46 %');
    expect(r.groups[0]!.measures.find((m) => m.id === 'assessed_in_time')).toMatchObject({ met: 1, missed: 1, national: null });
    expect(r.breaches).toEqual([{ reasonCode: 'capacity', label: 'Manglende kapasitet', pathwayType: 'adult_mental', setting: 'outpatient', count: 1 }]);
    expect(r.noShows).toEqual([
      { pathwayType: 'adult_mental', setting: 'outpatient', total: 2, resolved: 2, resolvedWithinPolicy: 1, escalated: 0, open: 0 },
      { pathwayType: 'tsb', setting: 'inpatient', total: 1, resolved: 0, resolvedWithinPolicy: 0, escalated: 0, open: 1 },
    ]);
    expect(r.policy).toContain('2 kontaktforsøk');
    expect(r.totals.received).toBe(3);
    expect(r.totals.measures.find((m) => m.id === 'decision_in_time')).toMatchObject({ met: 1, missed: 1, share: 50, national: null });

    // T2 holds only the late-August referral; T1 2026 nothing.
    const t2 = await core.ok('report.tertial', { year: 2026, tertial: 2 });
    expect(t2.groups.map((g) => g.received)).toEqual([1]);
    expect(t2.noShows).toEqual([]);
    expect((await core.ok('report.tertial', { year: 2026, tertial: 1 })).groups).toEqual([]);
  });

  it('prints and exports the same numbers, without any patient, and logs both', async () => {
    const patients = Object.values(await caseload());
    const { html } = await core.ok('report.print', { year: 2026, tertial: 3 });
    expect(html).toContain('<title>Tertialrapport</title>');
    expect(html).toContain('Rapport for 3. tertial 2026 (september–desember)');
    expect(html).toContain('Manglende kapasitet');
    const { csv, fileName } = await core.ok('report.exportCsv', { year: 2026, tertial: 3 });
    expect(fileName).toBe('tertialrapport-2026-T3.csv');
    const rows = parseCsv(csv);
    const decision = rows.find((x) => x[4] === 'Utredning gjennomført innen forløpstid' && x[2]?.startsWith('Tverrfaglig'))!;
    expect(decision.slice(6)).toEqual(['0', '1', '0', '0', '82 %']);
    expect(rows.find((x) => x[4]?.startsWith('Løst innen reglene') && x[2] === 'Psykiske lidelser – voksne')?.[5]).toBe('1');
    for (const text of [html, csv]) {
      for (const { name } of patients) expect(text).not.toContain(name);
      expect(text).not.toMatch(/\d{11}/);
      expect(text).not.toContain('Sykdom i teamet');
    }
    const log = core.handle.sqlite.prepare("select action, entity, entity_id, patient_id from audit_log where action like 'report.%' order by id").all();
    expect(log).toEqual([
      { action: 'report.print', entity: 'report', entity_id: null, patient_id: null },
      { action: 'report.exportCsv', entity: 'report', entity_id: null, patient_id: null },
    ]);
  });

  it('refuses a year before the pathways and a tertial that does not exist, in Norwegian by the field', async () => {
    expect(await core.dispatch('report.tertial', { year: 2018, tertial: 1 })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'year', message: 'Rapporten finnes fra 2019, da pakkeforløpene startet' }] },
    });
    expect(await core.dispatch('report.tertial', { year: 2026, tertial: 4 })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'tertial', message: 'Velg tertial' }] },
    });
  });
});
