import { describe, expect, it } from 'vitest';
import {
  addMonths,
  osloDateOf,
  formatDate,
  formatDateTime,
  formatDateTimeSeconds,
  formatTime,
  isClockTime,
  osloToUtc,
  utcToOslo,
} from '../../shared/domain/time';

describe('Oslo wall-clock time ↔ UTC and formatting (shared/domain/time)', () => {
  it('converts wall-clock time to UTC in winter (+01:00) and summer (+02:00)', () => {
    expect(osloToUtc('2026-11-23', '10:00')).toBe('2026-11-23T09:00:00.000Z');
    expect(osloToUtc('2026-06-15', '10:00')).toBe('2026-06-15T08:00:00.000Z');
    expect(osloToUtc('2026-12-31', '23:30')).toBe('2026-12-31T22:30:00.000Z');
    expect(osloToUtc('2027-01-01', '00:15')).toBe('2026-12-31T23:15:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // 29 March 2026: 02:00 → 03:00. Before and after the jump.
    expect(osloToUtc('2026-03-29', '01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(osloToUtc('2026-03-29', '03:30')).toBe('2026-03-29T01:30:00.000Z');
    // 25 October 2026: 03:00 → 02:00.
    expect(osloToUtc('2026-10-25', '09:00')).toBe('2026-10-25T08:00:00.000Z');
    expect(osloToUtc('2026-10-24', '09:00')).toBe('2026-10-24T07:00:00.000Z');
  });

  it('round-trips to the Oslo date and time a person booked', () => {
    for (const [date, time] of [
      ['2026-11-23', '10:00'],
      ['2026-07-01', '23:59'],
      ['2026-01-01', '00:00'],
      ['2026-03-29', '12:45'],
    ] as const) {
      expect(utcToOslo(osloToUtc(date, time))).toEqual({ date, time });
    }
  });

  it('accepts only HH:mm and formats dates as dd.MM.yyyy', () => {
    expect(['09:30', '00:00', '23:59'].every(isClockTime)).toBe(true);
    expect(['9:30', '24:00', '12:60', '12.30', ''].some(isClockTime)).toBe(false);
    expect(formatDate('2026-11-03')).toBe('03.11.2026');
  });

  it('formats what a person reads: dd.MM.yyyy, HH:mm, in Oslo', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    // A timestamp is shown as its Oslo date, not its UTC date.
    expect(formatDate('2026-12-31T23:30:00.000Z')).toBe('01.01.2027');
    expect(osloDateOf('2026-06-30T22:30:00.000Z')).toBe('2026-07-01');
    expect(osloDateOf('2026-06-30T21:59:00.000Z')).toBe('2026-06-30');
    expect(formatTime('2026-06-15T08:05:00.000Z')).toBe('10:05');
    expect(formatDateTime('2026-11-23T09:00:00.000Z')).toBe('23.11.2026 kl. 10:00');
    expect(formatDateTimeSeconds('2026-11-23T09:00:07.000Z')).toBe('23.11.2026 10:00:07');
  });

  it('rejects a malformed date or time instead of guessing', () => {
    expect(() => osloToUtc('2026-02-30', '10:00')).toThrow(RangeError);
    expect(() => osloToUtc('2026-11-23', '24:00')).toThrow(RangeError);
  });

  it('adds months the way a retention period counts them, clamping to the month end', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2028-03-31', -1)).toBe('2028-02-29');
    expect(addMonths('2026-11-23', -120)).toBe('2016-11-23');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});
