import { describe, expect, it } from 'vitest';
import { isTime, norwegianDate, osloDateTime, osloLocalToUtc } from '../../shared/domain/appointment-time';

describe('appointment times in Europe/Oslo', () => {
  it('converts wall-clock time to UTC in winter (+01:00) and summer (+02:00)', () => {
    expect(osloLocalToUtc('2026-11-23', '10:00')).toBe('2026-11-23T09:00:00.000Z');
    expect(osloLocalToUtc('2026-06-15', '10:00')).toBe('2026-06-15T08:00:00.000Z');
    expect(osloLocalToUtc('2026-12-31', '23:30')).toBe('2026-12-31T22:30:00.000Z');
    expect(osloLocalToUtc('2027-01-01', '00:15')).toBe('2026-12-31T23:15:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // 29 March 2026: 02:00 → 03:00. Before and after the jump.
    expect(osloLocalToUtc('2026-03-29', '01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(osloLocalToUtc('2026-03-29', '03:30')).toBe('2026-03-29T01:30:00.000Z');
    // 25 October 2026: 03:00 → 02:00.
    expect(osloLocalToUtc('2026-10-25', '09:00')).toBe('2026-10-25T08:00:00.000Z');
    expect(osloLocalToUtc('2026-10-24', '09:00')).toBe('2026-10-24T07:00:00.000Z');
  });

  it('round-trips to the Oslo date and time a person booked', () => {
    for (const [date, time] of [['2026-11-23', '10:00'], ['2026-07-01', '23:59'], ['2026-01-01', '00:00'], ['2026-03-29', '12:45']] as const) {
      expect(osloDateTime(osloLocalToUtc(date, time))).toEqual({ date, time });
    }
  });

  it('accepts only HH:mm and formats dates as dd.MM.yyyy', () => {
    expect(['09:30', '00:00', '23:59'].every(isTime)).toBe(true);
    expect(['9:30', '24:00', '12:60', '12.30', ''].some(isTime)).toBe(false);
    expect(norwegianDate('2026-11-03')).toBe('03.11.2026');
  });
});
