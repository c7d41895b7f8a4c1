/**
 * The change nights end to end: an appointment and a meeting booked through their own contract methods
 * on real SQLite store the same instant for the same Oslo wall-clock time, and the meeting's clash check
 * finds the appointment in the repeated autumn hour (the old converters put them an hour apart).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, referral, type TestCore } from '../fixtures/core';

describe('appointments and meetings on the daylight-saving change nights', () => {
  let core: TestCore;
  let patientId: number;

  beforeEach(async () => {
    core = await makeCore({ now: new Date('2026-10-01T08:00:00Z') });
    patientId = (await core.ok('referrals.create', referral({ referralReceived: '2026-09-28' }))).patientId;
  });
  afterEach(() => core.dispose());

  const meeting = (date: string, time: string) => ({
    patientId,
    kind: 'evaluation' as const,
    date,
    time,
    durationMinutes: 30,
    place: 'Video',
    participants: [{ name: 'Kari Testesen', role: 'patient' as const }],
  });

  it('autumn, 02:30 on 25.10.2026: the first pass for both, and the clash is found', async () => {
    const appt = await core.ok('appointments.book', {
      patientId,
      kind: 'evaluation',
      date: '2026-10-25',
      time: '02:30',
      durationMinutes: 30,
      place: '',
      clinician: 'Behandler',
    });
    expect(appt).toMatchObject({ startAt: '2026-10-25T00:30:00.000Z', date: '2026-10-25', time: '02:30' });

    const { clashes } = await core.ok('meetings.listConflicts', meeting('2026-10-25', '02:30'));
    // The half hour ends at 03:00 summer time, which the clock shows as the second 02:00.
    expect(clashes).toEqual([
      {
        person: 'Pasienten',
        bookingKind: 'appointment',
        bookingLabel: 'Time i spesialisthelsetjenesten, 25.10.2026 kl. 02:30–02:00',
        start: '2026-10-25T00:30:00.000Z',
        end: '2026-10-25T01:00:00.000Z',
      },
    ]);
    // 03:00 that night is 90 minutes after the first 02:30: no clash.
    expect((await core.ok('meetings.listConflicts', meeting('2026-10-25', '03:00'))).clashes).toEqual([]);

    const { id } = await core.ok('meetings.create', { ...meeting('2026-10-25', '02:30'), conflictReason: 'Test av dobbeltbooking' });
    expect(await core.ok('meetings.get', { id })).toMatchObject({ startAt: appt.startAt });
  });

  it('spring, 02:30 on 28.03.2027 does not exist: both are shifted to 03:30 and clash', async () => {
    const appt = await core.ok('appointments.book', {
      patientId,
      kind: 'evaluation',
      date: '2027-03-28',
      time: '02:30',
      durationMinutes: 30,
      place: '',
      clinician: 'Behandler',
    });
    expect(appt).toMatchObject({ startAt: '2027-03-28T01:30:00.000Z', date: '2027-03-28', time: '03:30' });
    const { clashes } = await core.ok('meetings.listConflicts', meeting('2027-03-28', '02:30'));
    expect(clashes.map((c) => [c.bookingKind, c.start])).toEqual([['appointment', '2027-03-28T01:30:00.000Z']]);
  });
});
