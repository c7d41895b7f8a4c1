import { describe, expect, it } from 'vitest';
import { breachLetterParagraphs, breachRisk, HELFO_CONTACT } from '../../shared/domain/care-deadline-breach';

const base = { careStartedOn: null, bookedDates: [] as string[], postponedOffers: [] as string[] };

describe('deadline breach risk (fristbrudd)', () => {
  it('counts working days to the deadline across Easter: 8 left, so it warns (11 weekdays without the holidays)', () => {
    const r = breachRisk({ ...base, careDeadline: '2027-04-06', today: '2027-03-22' });
    expect(r).toMatchObject({ state: 'at_risk', workingDaysLeft: 8 });
    // Two weeks earlier the same deadline is outside the warning window.
    expect(breachRisk({ ...base, careDeadline: '2027-04-06', today: '2027-03-08' })).toMatchObject({ state: 'unbooked', workingDaysLeft: 18 });
  });

  it('counts across Christmas and New Year (24 and 31 December are working days)', () => {
    expect(breachRisk({ ...base, careDeadline: '2027-01-05', today: '2026-12-18' })).toMatchObject({ state: 'at_risk', workingDaysLeft: 10 });
    expect(breachRisk({ ...base, careDeadline: '2027-01-06', today: '2026-12-18' })).toMatchObject({ state: 'unbooked', workingDaysLeft: 11 });
  });

  it('follows the Saturday setting', () => {
    expect(breachRisk({ ...base, careDeadline: '2027-04-06', today: '2027-03-22', calendar: { countSaturdays: true } })).toMatchObject({ workingDaysLeft: 10 });
  });

  it('does not warn when a time is booked on or before the deadline, and warns when it is the day after', () => {
    expect(breachRisk({ ...base, careDeadline: '2027-04-06', today: '2027-03-22', bookedDates: ['2027-04-06'] })).toMatchObject({
      state: 'booked',
      date: '2027-04-06',
    });
    expect(breachRisk({ ...base, careDeadline: '2027-04-06', today: '2027-03-22', bookedDates: ['2027-04-07'] }).state).toBe('at_risk');
  });

  it('attributes the delay to the patient when an offered time within the deadline was postponed by the patient', () => {
    expect(breachRisk({ ...base, careDeadline: '2027-04-06', today: '2027-04-20', postponedOffers: ['2027-03-30'] })).toMatchObject({
      state: 'patient_postponed',
      offeredDate: '2027-03-30',
    });
    // An offer after the deadline does not take the service off the hook.
    expect(breachRisk({ ...base, careDeadline: '2027-04-06', today: '2027-04-20', postponedOffers: ['2027-04-08'] }).state).toBe('breached');
  });

  it('is breached the day after the deadline (17 May deadline, checked on 18 May), and met when care started in time', () => {
    expect(breachRisk({ ...base, careDeadline: '2027-05-17', today: '2027-05-17' })).toMatchObject({ state: 'at_risk', workingDaysLeft: 0 });
    expect(breachRisk({ ...base, careDeadline: '2027-05-17', today: '2027-05-18' }).state).toBe('breached');
    expect(breachRisk({ ...base, careDeadline: '2027-05-17', today: '2027-06-01', careStartedOn: '2027-05-17' }).state).toBe('met');
    expect(breachRisk({ ...base, careDeadline: '2027-05-17', today: '2027-06-01', careStartedOn: '2027-05-18' }).state).toBe('breached');
    expect(breachRisk({ ...base, careDeadline: null, today: '2027-06-01' }).state).toBe('none');
  });

  it('writes the patient letter with Helfo’s route and whether Helfo was notified', () => {
    const p = breachLetterParagraphs({ deadline: '06.04.2027', unitName: 'DPS Testby', unitPhone: '22 00 00 00', helfoNotifiedOn: '30.03.2027' }).join('\n');
    expect(p).toContain('06.04.2027');
    expect(p).toContain('varslet Helfo 30.03.2027');
    expect(p).toContain(HELFO_CONTACT.phone);
    expect(breachLetterParagraphs({ deadline: '06.04.2027', unitName: '', unitPhone: '', helfoNotifiedOn: null }).join('\n')).toContain('Vi varsler Helfo');
    expect(HELFO_CONTACT.source).toMatch(/helsenorge\.no/);
  });
});
