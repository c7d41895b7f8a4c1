/**
 * Daylight-saving change nights, both directions, through the one converter in shared/domain/time.ts that
 * appointments and meetings both book with. The rule: a repeated autumn time is the earlier instant; a
 * skipped spring time is shifted forward by the gap. 2026: spring 29 March, autumn 25 October.
 */
import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBookingClashes } from '../../shared/domain/conflicts';
import { osloDaysToUtcRange, osloToUtc, todayInOslo, utcToOslo } from '../../shared/domain/time';

const MIN = 60_000;
const HOUR = 60 * MIN;
const iso = (ms: number) => new Date(ms).toISOString();

describe('spring change (29.03.2026: 02:00 becomes 03:00)', () => {
  it('Oslo → UTC: before the gap +01:00, after it +02:00, in it shifted forward by an hour', () => {
    expect(osloToUtc('2026-03-29', '01:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(osloToUtc('2026-03-29', '02:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(osloToUtc('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(osloToUtc('2026-03-29', '02:59')).toBe('2026-03-29T01:59:00.000Z');
    expect(osloToUtc('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(osloToUtc('2026-03-29', '03:30')).toBe('2026-03-29T01:30:00.000Z');
    // A time in the gap reads back as the shifted time.
    expect(utcToOslo(osloToUtc('2026-03-29', '02:30'))).toEqual({ date: '2026-03-29', time: '03:30' });
  });

  it('UTC → Oslo: the clock jumps from 01:59 to 03:00', () => {
    expect(utcToOslo('2026-03-29T00:59:00.000Z')).toEqual({ date: '2026-03-29', time: '01:59' });
    expect(utcToOslo('2026-03-29T01:00:00.000Z')).toEqual({ date: '2026-03-29', time: '03:00' });
    expect(utcToOslo('2026-03-28T23:00:00.000Z')).toEqual({ date: '2026-03-29', time: '00:00' });
  });

  it('every minute of the night round-trips (no time is ambiguous in spring)', () => {
    for (let ms = Date.parse('2026-03-28T21:00:00Z'); ms <= Date.parse('2026-03-29T04:00:00Z'); ms += MIN) {
      const { date, time } = utcToOslo(ms);
      expect(osloToUtc(date, time)).toBe(iso(ms));
    }
  });

  it('the change day has 23 hours', () => {
    const { from, to } = osloDaysToUtcRange('2026-03-29', 1);
    expect([from, to]).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect(Date.parse(to) - Date.parse(from)).toBe(23 * HOUR);
  });
});

describe('autumn change (25.10.2026: 03:00 becomes 02:00 again)', () => {
  it('Oslo → UTC: a time in the repeated hour is the earlier instant (summer time, +02:00)', () => {
    expect(osloToUtc('2026-10-25', '01:59')).toBe('2026-10-24T23:59:00.000Z');
    expect(osloToUtc('2026-10-25', '02:00')).toBe('2026-10-25T00:00:00.000Z');
    expect(osloToUtc('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(osloToUtc('2026-10-25', '02:59')).toBe('2026-10-25T00:59:00.000Z');
    expect(osloToUtc('2026-10-25', '03:00')).toBe('2026-10-25T02:00:00.000Z');
    expect(osloToUtc('2026-10-24', '02:30')).toBe('2026-10-24T00:30:00.000Z');
    expect(osloToUtc('2026-10-26', '02:30')).toBe('2026-10-26T01:30:00.000Z');
  });

  it('UTC → Oslo: both passes of the hour read as the same wall-clock time', () => {
    expect(utcToOslo('2026-10-25T00:30:00.000Z')).toEqual({ date: '2026-10-25', time: '02:30' });
    expect(utcToOslo('2026-10-25T01:30:00.000Z')).toEqual({ date: '2026-10-25', time: '02:30' });
    expect(utcToOslo('2026-10-25T00:59:00.000Z')).toEqual({ date: '2026-10-25', time: '02:59' });
    expect(utcToOslo('2026-10-25T01:00:00.000Z')).toEqual({ date: '2026-10-25', time: '02:00' });
    expect(utcToOslo('2026-10-25T02:00:00.000Z')).toEqual({ date: '2026-10-25', time: '03:00' });
  });

  it('every minute round-trips, except the second pass, which resolves to the first', () => {
    const secondPassFrom = Date.parse('2026-10-25T01:00:00Z');
    const secondPassTo = Date.parse('2026-10-25T02:00:00Z');
    for (let ms = Date.parse('2026-10-24T21:00:00Z'); ms <= Date.parse('2026-10-25T04:00:00Z'); ms += MIN) {
      const { date, time } = utcToOslo(ms);
      const secondPass = ms >= secondPassFrom && ms < secondPassTo;
      expect(osloToUtc(date, time)).toBe(iso(secondPass ? ms - HOUR : ms));
    }
  });

  it('the change day has 25 hours, and today in Oslo follows the local midnight', () => {
    const { from, to } = osloDaysToUtcRange('2026-10-25', 1);
    expect([from, to]).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z']);
    expect(Date.parse(to) - Date.parse(from)).toBe(25 * HOUR);
    expect(todayInOslo(new Date('2026-10-24T21:59:59Z'))).toBe('2026-10-24');
    expect(todayInOslo(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    expect(todayInOslo(new Date('2026-10-25T22:59:59Z'))).toBe('2026-10-25');
    expect(todayInOslo(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });
});

describe('against @date-fns/tz as an oracle, 1990–2100', () => {
  const pad = (n: number) => String(n).padStart(2, '0');
  const instant = fc.integer({ min: Date.parse('1990-01-01T00:00:00Z') / MIN, max: Date.parse('2100-12-31T00:00:00Z') / MIN }).map((m) => m * MIN);

  it('UTC → Oslo agrees at any minute', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const z = new TZDate(ms, 'Europe/Oslo');
        const date = `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`;
        expect(utcToOslo(ms)).toEqual({ date, time: `${pad(z.getHours())}:${pad(z.getMinutes())}` });
      }),
      { numRuns: 3000 },
    );
  });

  it('Oslo → UTC agrees, except that the repeated hour takes the earlier pass where the library takes the later', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const { date, time } = utcToOslo(ms);
        const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
        const [h, mi] = time.split(':').map(Number) as [number, number];
        const lib = new TZDate(y, mo - 1, d, h, mi, 'Europe/Oslo').getTime();
        const repeated = utcToOslo(lib - HOUR).time === time && utcToOslo(lib - HOUR).date === date;
        expect(osloToUtc(date, time)).toBe(iso(repeated ? lib - HOUR : lib));
      }),
      { numRuns: 3000 },
    );
  });

  it('every minute of every change night 2020–2040 reads the same as the library', () => {
    for (let year = 2020; year <= 2040; year++) {
      for (const month of [2, 9]) {
        const lastDay = new Date(Date.UTC(year, month + 1, 0));
        const sunday = Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay());
        for (let ms = sunday - 2 * HOUR; ms <= sunday + 4 * HOUR; ms += MIN) {
          const z = new TZDate(ms, 'Europe/Oslo');
          expect(utcToOslo(ms).time).toBe(`${pad(z.getHours())}:${pad(z.getMinutes())}`);
        }
      }
    }
  });
});

describe('an appointment and a meeting booked in the repeated hour', () => {
  // Both features book { date, time } in Oslo and store osloToUtc(date, time). The old appointment
  // converter put 02:30 on the second pass (00:30Z + 1h) while the meeting converter used the first, so
  // these two half-hour bookings did not overlap and the clash was missed.
  const appointment = {
    id: 7,
    kind: 'appointment' as const,
    start: osloToUtc('2026-10-25', '02:30'),
    durationMinutes: 30,
    people: ['patient:1'],
    label: 'Time i spesialisthelsetjenesten',
  };

  it('land on the same instant and clash', () => {
    const meetingStart = osloToUtc('2026-10-25', '02:30');
    expect(meetingStart).toBe(appointment.start);
    const clashes = findBookingClashes({ start: meetingStart, durationMinutes: 30, people: ['patient:1', 'coordinator'] }, [appointment]);
    expect(clashes).toEqual([{ person: 'patient:1', booking: appointment, overlapStart: '2026-10-25T00:30:00.000Z', overlapEnd: '2026-10-25T01:00:00.000Z' }]);
  });

  it('overlaps inside the hour are found; 03:00 is an hour and a half after 02:30 that night, so no clash', () => {
    expect(findBookingClashes({ start: osloToUtc('2026-10-25', '02:45'), durationMinutes: 60, people: ['patient:1'] }, [appointment])).toHaveLength(1);
    expect(findBookingClashes({ start: osloToUtc('2026-10-25', '02:15'), durationMinutes: 30, people: ['patient:1'] }, [appointment])).toHaveLength(1);
    expect(findBookingClashes({ start: osloToUtc('2026-10-25', '02:00'), durationMinutes: 30, people: ['patient:1'] }, [appointment])).toHaveLength(0);
    expect(findBookingClashes({ start: osloToUtc('2026-10-25', '03:00'), durationMinutes: 30, people: ['patient:1'] }, [appointment])).toHaveLength(0);
  });

  it('in the spring gap, both are shifted to the same instant and clash', () => {
    const start = osloToUtc('2026-03-29', '02:30');
    const booked = { ...appointment, start };
    expect(findBookingClashes({ start: osloToUtc('2026-03-29', '02:30'), durationMinutes: 30, people: ['patient:1'] }, [booked])).toHaveLength(1);
    expect(findBookingClashes({ start: osloToUtc('2026-03-29', '03:30'), durationMinutes: 30, people: ['patient:1'] }, [booked])).toHaveLength(1);
  });
});
