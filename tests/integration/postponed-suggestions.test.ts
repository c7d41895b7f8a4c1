import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, referral, type TestCore } from '../fixtures/core';

// Issue #13: pasientutsatt (L) suggested from patient cancellations and no-shows by the new date against
// the planned date (> 7 working days). FIXED_NOW is Monday 2026-11-23 (Oslo).
let core: TestCore;
let patientId: number;
let pathwayId: number;
beforeEach(async () => {
  core = await makeCore();
  ({ patientId, pathwayId } = await core.ok('referrals.create', referral({ referralReceived: '2026-10-26' })));
});
afterEach(async () => {
  await core.dispose();
});

const book = (date: string) =>
  core.ok('appointments.book', { patientId, pathwayId, kind: 'assessment', date, time: '10:00', durationMinutes: 45, place: 'Rom 1', clinician: '' });

describe('appointments.list: postponed suggestions', () => {
  it('a patient cancellation: so far 15 working days → suggested; a new time 6 working days later → not; 8 → suggested', async () => {
    const planned = await book('2026-11-02');
    await core.ok('appointments.setStatus', { id: planned.id, status: 'cancelled_patient' });
    let list = await core.ok('appointments.list', { patientId });
    expect(list.postponedSuggestions).toEqual([
      { appointmentId: planned.id, pathwayId, cause: 'cancelled_patient', plannedDate: '2026-11-02', newDate: null, workingDays: 15 },
    ]);

    const soon = await book('2026-11-10'); // Tue: 3,4,5,6,9,10 November = 6 working days
    list = await core.ok('appointments.list', { patientId });
    expect(list.postponedSuggestions).toEqual([]);

    await core.ok('appointments.setStatus', { id: soon.id, status: 'cancelled_service' });
    await book('2026-11-12'); // Thu: 8 working days
    list = await core.ok('appointments.list', { patientId });
    expect(list.postponedSuggestions).toMatchObject([{ appointmentId: planned.id, newDate: '2026-11-12', workingDays: 8 }]);

    await core.ok('pathways.recordEvent', { pathwayId, type: 'patient_postponed', date: '2026-11-02', until: '2026-11-12' });
    expect((await core.ok('appointments.list', { patientId })).postponedSuggestions).toEqual([]);
  });

  it('a cancellation by the service never suggests L', async () => {
    const planned = await book('2026-11-02');
    await core.ok('appointments.setStatus', { id: planned.id, status: 'cancelled_service' });
    expect((await core.ok('appointments.list', { patientId })).postponedSuggestions).toEqual([]);
  });

  it('the Saturday setting: a new time on Wed 11 November is 8 working days with Saturdays, 7 without', async () => {
    core.handle.sqlite.prepare("insert or replace into app_setting (key, value) values ('clock.countSaturdays', '1')").run();
    const planned = await book('2026-11-02');
    await core.ok('appointments.setStatus', { id: planned.id, status: 'no_show' });
    await book('2026-11-11'); // 3,4,5,6,7(Sat),9,10,11 = 8 with Saturdays (7 without)
    expect((await core.ok('appointments.list', { patientId })).postponedSuggestions).toMatchObject([{ cause: 'no_show', workingDays: 8 }]);
    core.handle.sqlite.prepare("update app_setting set value = '0' where key = 'clock.countSaturdays'").run();
    expect((await core.ok('appointments.list', { patientId })).postponedSuggestions).toEqual([]);
  });
});
