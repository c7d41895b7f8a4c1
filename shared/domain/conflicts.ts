/**
 * Double-booking check for a proposed meeting: which people are already busy, with what, and when.
 * Intervals are half-open [start, end): back-to-back bookings (one ends when the next starts) do not clash.
 */
import { requireUtcTimestamp, toUtcTimestamp } from './time';

/** Person key, e.g. 'coordinator', 'patient:12', 'contact:5'. */
export type PersonKey = string;

export type BookingKind = 'meeting' | 'appointment';

export interface ProposedBooking {
  /** ISO-8601 UTC timestamp ending in Z. */
  start: string;
  durationMinutes: number;
  people: readonly PersonKey[];
}

export interface ExistingBooking {
  id: string | number;
  kind: BookingKind;
  start: string;
  durationMinutes: number;
  people: readonly PersonKey[];
  label: string;
}

export interface BookingClash {
  person: PersonKey;
  booking: ExistingBooking;
  /** The time both bookings occupy, as ISO UTC timestamps. */
  overlapStart: string;
  overlapEnd: string;
}

export interface FindClashesOptions {
  /** Leave this booking out, e.g. the meeting being moved. Matched on kind and id. */
  exclude?: { kind: BookingKind; id: string | number };
}

/**
 * Returns one clash per (person in the proposal, existing booking that person is in and that overlaps),
 * ordered by overlap start, then person, then booking. Throws RangeError on an invalid time or duration.
 */
export function findBookingClashes(proposed: ProposedBooking, existing: readonly ExistingBooking[], options: FindClashesOptions = {}): BookingClash[] {
  const [start, end] = interval(proposed.start, proposed.durationMinutes, 'proposed booking');
  const people = new Set(proposed.people);
  const clashes: BookingClash[] = [];
  for (const booking of existing) {
    if (options.exclude && options.exclude.kind === booking.kind && options.exclude.id === booking.id) continue;
    const [bStart, bEnd] = interval(booking.start, booking.durationMinutes, `${booking.kind} ${String(booking.id)}`);
    const from = Math.max(start, bStart);
    const to = Math.min(end, bEnd);
    if (from >= to) continue;
    for (const person of new Set(booking.people)) {
      if (!people.has(person)) continue;
      clashes.push({ person, booking, overlapStart: toUtcTimestamp(from), overlapEnd: toUtcTimestamp(to) });
    }
  }
  return clashes.sort(
    (a, b) =>
      compare(a.overlapStart, b.overlapStart) ||
      compare(a.person, b.person) ||
      compare(a.booking.kind, b.booking.kind) ||
      compare(String(a.booking.id), String(b.booking.id)),
  );
}

function interval(start: string, durationMinutes: number, what: string): [number, number] {
  const ms = requireUtcTimestamp(start, `${what} start`);
  if (!Number.isFinite(durationMinutes) || durationMinutes <= 0) {
    throw new RangeError(`${what}: durationMinutes must be a positive number`);
  }
  return [ms, ms + durationMinutes * 60_000];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
