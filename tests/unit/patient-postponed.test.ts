import { describe, expect, it } from 'vitest';
import { newDateAfter, patientDelay } from '../../shared/domain/patient-postponed';
import { suggestsPatientPostponed } from '../../shared/domain/no-show-policy';

// Issue #13: L is suggested when the patient postponed (cancelled) or did not attend, delaying the planned
// activity by MORE than 7 working days: new date against planned date, with the Saturday setting.
// Planned Wed 1 April 2026; Maundy Thursday 2, Good Friday 3 and Easter Monday 6 April are holidays.
// Working days after it, by hand: 7(1) 8(2) 9(3) 10(4) 13(5) 14(6) 15(7) 16(8).
describe('patientDelay across Easter 2026', () => {
  it.each([
    ['2026-04-13', 5, false],
    ['2026-04-15', 7, false],
    ['2026-04-16', 8, true],
  ] as const)('new date %s: %i working days, suggests %s', (newDate, days, suggests) => {
    expect(patientDelay('2026-04-01', newDate, '2026-03-25')).toEqual({ workingDays: days, basis: 'new_date', suggests });
  });

  it('the new date decides, not the days since the no-show: new date in 5 working days, today weeks later → no L', () => {
    expect(patientDelay('2026-04-01', '2026-04-13', '2026-05-20').suggests).toBe(false);
  });

  it('with Saturdays counted (4 and 11 April count): Tue 14 April is the 8th → suggests', () => {
    expect(patientDelay('2026-04-01', '2026-04-14', '2026-03-25', { countSaturdays: true })).toMatchObject({ workingDays: 8, suggests: true });
    expect(patientDelay('2026-04-01', '2026-04-14', '2026-03-25')).toMatchObject({ workingDays: 6, suggests: false });
  });

  it('no new date yet: the delay so far counts', () => {
    expect(patientDelay('2026-04-01', null, '2026-04-15')).toEqual({ workingDays: 7, basis: 'so_far', suggests: false });
    expect(patientDelay('2026-04-01', null, '2026-04-16')).toEqual({ workingDays: 8, basis: 'so_far', suggests: true });
  });

  it('a new date earlier than planned is no delay', () => {
    expect(patientDelay('2026-04-01', '2026-03-30', '2026-03-25')).toMatchObject({ workingDays: 0, suggests: false });
  });

  it('no-show cases: the linked new time decides when there is one', () => {
    expect(suggestsPatientPostponed('2026-04-01', '2026-05-04T10:00:00Z', {}, '2026-04-13')).toBe(false);
    expect(suggestsPatientPostponed('2026-04-01', '2026-05-04T10:00:00Z')).toBe(true);
  });
});

describe('newDateAfter', () => {
  it('is the first booked or attended appointment after the planned date; cancelled ones do not count', () => {
    const later = [
      { date: '2026-04-20', status: 'booked' },
      { date: '2026-04-10', status: 'cancelled_patient' },
      { date: '2026-04-16', status: 'attended' },
      { date: '2026-03-20', status: 'attended' },
    ];
    expect(newDateAfter('2026-04-01', later)).toBe('2026-04-16');
    expect(newDateAfter('2026-04-01', [{ date: '2026-04-10', status: 'no_show' }])).toBeNull();
  });
});
