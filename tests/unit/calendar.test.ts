import Holidays from 'date-holidays';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  dayOfWeek,
  easterSunday,
  holidayName,
  isHoliday,
  isWorkingDay,
  publicHolidays,
  workingDaysBetween,
} from '../../shared/domain/calendar';
import { addDays, daysBetween, todayInOslo } from '../../shared/domain/time';

describe('public holidays against date-holidays (oracle)', () => {
  const oracle = new Holidays('NO');
  it('matches the set of public-holiday dates for every year 2000–2100', () => {
    for (let year = 2000; year <= 2100; year++) {
      // date-holidays also returns observances, bank holidays (Christmas Eve, New Year's Eve) and optional
      // days; only type 'public' are *helligdager*. Two entries can share a date (17 May = Whit Monday 2027).
      const expected = [
        ...new Set(
          oracle
            .getHolidays(year)
            .filter((h) => h.type === 'public')
            .map((h) => h.date.slice(0, 10)),
        ),
      ].sort();
      const actual = publicHolidays(year).map((h) => h.date);
      expect(actual, `year ${year}`).toEqual(expected);
    }
  });
});

describe('Easter and named holidays', () => {
  it('Easter 2026 with the days around it', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(holidayName('2026-04-02')).toBe('Skjærtorsdag');
    expect(holidayName('2026-04-03')).toBe('Langfredag');
    expect(holidayName('2026-04-05')).toBe('Første påskedag');
    expect(holidayName('2026-04-06')).toBe('Andre påskedag');
    expect(isHoliday('2026-04-01')).toBe(false);
    expect(isHoliday('2026-04-07')).toBe(false);
  });

  it('Easter 2027 and 2028', () => {
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2028)).toBe('2028-04-16');
  });

  it('17 May 2027 is also Whit Monday; one date, both names', () => {
    expect(holidayName('2027-05-17')).toBe('Grunnlovsdagen / Andre pinsedag');
    expect(publicHolidays(2027).filter((h) => h.date === '2027-05-17')).toHaveLength(1);
    expect(publicHolidays(2027)).toHaveLength(11);
    expect(publicHolidays(2026)).toHaveLength(12);
  });

  it('Ascension and Whitsun 2026', () => {
    expect(holidayName('2026-05-14')).toBe('Kristi himmelfartsdag');
    expect(holidayName('2026-05-24')).toBe('Første pinsedag');
    expect(holidayName('2026-05-25')).toBe('Andre pinsedag');
  });

  it('Christmas Eve and New Year’s Eve are working days on a weekday', () => {
    expect(dayOfWeek('2026-12-24')).toBe(4);
    expect(isHoliday('2026-12-24')).toBe(false);
    expect(isWorkingDay('2026-12-24')).toBe(true);
    expect(isWorkingDay('2026-12-31')).toBe(true);
    expect(isWorkingDay('2026-12-25')).toBe(false);
    expect(isWorkingDay('2027-01-01')).toBe(false);
  });
});

describe('working days', () => {
  it('weekends are not working days; Saturday only with countSaturdays', () => {
    expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-07', { countSaturdays: true })).toBe(true);
    expect(isWorkingDay('2026-03-08', { countSaturdays: true })).toBe(false); // Sunday
    expect(isWorkingDay('2026-03-09')).toBe(true);
  });

  it('a holiday on a Saturday is never a working day', () => {
    // 1 May 2027 is a Saturday
    expect(dayOfWeek('2027-05-01')).toBe(6);
    expect(isWorkingDay('2027-05-01', { countSaturdays: true })).toBe(false);
  });

  it('10 working days from a plain Monday is the Monday two weeks later (receipt day not counted)', () => {
    expect(addWorkingDays('2026-03-02', 10)).toEqual({ date: '2026-03-16', holidaysSkipped: [] });
  });

  it('10 working days across Easter 2026 skip Maundy Thursday, Good Friday and Easter Monday', () => {
    // Received Monday 30 March 2026: 31/3, 1/4, 7/4, 8/4, 9/4, 10/4, 13/4, 14/4, 15/4, 16/4
    const r = addWorkingDays('2026-03-30', 10);
    expect(r.date).toBe('2026-04-16');
    expect(r.holidaysSkipped).toEqual([
      { date: '2026-04-02', name: 'Skjærtorsdag' },
      { date: '2026-04-03', name: 'Langfredag' },
      { date: '2026-04-06', name: 'Andre påskedag' },
    ]);
  });

  it('counting Saturdays shortens the span', () => {
    // 31/3, 1/4, 4/4 (Sat), 7/4, 8/4, 9/4, 10/4, 11/4 (Sat), 13/4, 14/4
    const r = addWorkingDays('2026-03-30', 10, { countSaturdays: true });
    expect(r.date).toBe('2026-04-14');
    expect(r.holidaysSkipped.map((h) => h.date)).toEqual(['2026-04-02', '2026-04-03', '2026-04-06']);
  });

  it('a Saturday holiday is reported as skipped only when Saturdays count', () => {
    // 17 May 2025 is a Saturday
    expect(addWorkingDays('2025-05-16', 1).holidaysSkipped).toEqual([]);
    expect(addWorkingDays('2025-05-16', 1, { countSaturdays: true })).toEqual({
      date: '2025-05-19',
      holidaysSkipped: [{ date: '2025-05-17', name: 'Grunnlovsdagen' }],
    });
  });

  it('across Christmas and New Year 2026', () => {
    // Wed 23 Dec 2026 + 5: 24/12 (Thu), 28/12, 29/12, 30/12, 31/12
    const r = addWorkingDays('2026-12-23', 5);
    expect(r.date).toBe('2026-12-31');
    expect(r.holidaysSkipped.map((h) => h.name)).toEqual(['Første juledag']); // 26 Dec 2026 is a Saturday
  });

  it('starting on a weekend: the first working day after counts as 1', () => {
    expect(addWorkingDays('2026-03-07', 1).date).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-07', 0).date).toBe('2026-03-07');
  });

  it('negative n walks backwards', () => {
    expect(addWorkingDays('2026-04-07', -1).date).toBe('2026-04-01');
    expect(addWorkingDays('2026-04-07', -1).holidaysSkipped.map((h) => h.date)).toEqual(['2026-04-02', '2026-04-03', '2026-04-06']);
  });

  it('workingDaysBetween counts (a, b]', () => {
    expect(workingDaysBetween('2026-03-30', '2026-04-16')).toBe(10);
    expect(workingDaysBetween('2026-04-16', '2026-03-30')).toBe(-10);
    expect(workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(workingDaysBetween('2026-03-06', '2026-03-09')).toBe(1);
    expect(workingDaysBetween('2026-03-06', '2026-03-09', { countSaturdays: true })).toBe(2);
  });

  it('property: workingDaysBetween inverts addWorkingDays and the result is a working day', () => {
    const day = fc.integer({ min: 0, max: 365 * 80 }).map((i) => addDays('2000-01-01', i));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 120 }), fc.boolean(), (start, n, countSaturdays) => {
        const opts = { countSaturdays };
        const { date, holidaysSkipped } = addWorkingDays(start, n, opts);
        expect(workingDaysBetween(start, date, opts)).toBe(n);
        expect(isWorkingDay(date, opts)).toBe(true);
        for (const h of holidaysSkipped) {
          expect(h.date > start && h.date < date).toBe(true);
          expect(isHoliday(h.date)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('calendar days and time zone', () => {
  it('adds calendar days across DST changes and month/year ends', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-04-01', '2026-03-01')).toBe(-31);
  });

  it('rejects invalid dates', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow();
  });

  it('todayInOslo uses Norwegian local date, not UTC', () => {
    expect(todayInOslo(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01'); // CEST, UTC+2
    expect(todayInOslo(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(todayInOslo(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01'); // CET, UTC+1
    expect(todayInOslo(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
  });
});
