import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findBookingClashes, type ExistingBooking, type ProposedBooking } from '../../shared/domain/conflicts';

const proposal: ProposedBooking = {
  start: '2026-03-02T09:00:00.000Z',
  durationMinutes: 60,
  people: ['coordinator', 'patient:12', 'contact:5'],
};

function booking(overrides: Partial<ExistingBooking> & Pick<ExistingBooking, 'id'>): ExistingBooking {
  return {
    kind: 'meeting',
    start: '2026-03-02T09:00:00.000Z',
    durationMinutes: 60,
    people: ['coordinator'],
    label: 'Samarbeidsmøte – evaluering',
    ...overrides,
  };
}

describe('findBookingClashes', () => {
  it('returns nothing when there are no bookings', () => {
    expect(findBookingClashes(proposal, [])).toEqual([]);
  });

  it('reports the person, the booking and the overlap window', () => {
    const appt = booking({ id: 7, kind: 'appointment', start: '2026-03-02T09:30:00Z', durationMinutes: 60, people: ['patient:12'], label: 'Poliklinisk time' });
    const clashes = findBookingClashes(proposal, [appt]);
    expect(clashes).toEqual([{ person: 'patient:12', booking: appt, overlapStart: '2026-03-02T09:30:00.000Z', overlapEnd: '2026-03-02T10:00:00.000Z' }]);
  });

  it('treats back-to-back bookings as no clash, on both sides', () => {
    const before = booking({ id: 1, start: '2026-03-02T08:00:00Z', durationMinutes: 60 });
    const after = booking({ id: 2, start: '2026-03-02T10:00:00Z', durationMinutes: 30 });
    expect(findBookingClashes(proposal, [before, after])).toEqual([]);
  });

  it('clashes on a one-minute overlap', () => {
    const b = booking({ id: 3, start: '2026-03-02T09:59:00Z', durationMinutes: 30 });
    expect(findBookingClashes(proposal, [b])).toMatchObject([
      { person: 'coordinator', overlapStart: '2026-03-02T09:59:00.000Z', overlapEnd: '2026-03-02T10:00:00.000Z' },
    ]);
  });

  it('handles a booking that contains the proposal, and one the proposal contains', () => {
    const outer = booking({ id: 'a', start: '2026-03-02T08:00:00Z', durationMinutes: 240, people: ['contact:5'] });
    const inner = booking({ id: 'b', start: '2026-03-02T09:15:00Z', durationMinutes: 15, people: ['coordinator'] });
    const clashes = findBookingClashes(proposal, [outer, inner]);
    expect(clashes.map((c) => [c.person, c.booking.id, c.overlapStart, c.overlapEnd])).toEqual([
      ['contact:5', 'a', '2026-03-02T09:00:00.000Z', '2026-03-02T10:00:00.000Z'],
      ['coordinator', 'b', '2026-03-02T09:15:00.000Z', '2026-03-02T09:30:00.000Z'],
    ]);
  });

  it('ignores overlapping bookings that share nobody with the proposal', () => {
    const other = booking({ id: 4, people: ['patient:99', 'contact:6'] });
    expect(findBookingClashes(proposal, [other])).toEqual([]);
  });

  it('reports one clash per shared person, once even if a key is repeated', () => {
    const b = booking({ id: 5, people: ['coordinator', 'patient:12', 'patient:12', 'contact:8'] });
    const clashes = findBookingClashes({ ...proposal, people: [...proposal.people, 'coordinator'] }, [b]);
    expect(clashes.map((c) => c.person)).toEqual(['coordinator', 'patient:12']);
  });

  it('can exclude the booking being moved, matched on kind and id', () => {
    const self = booking({ id: 9, kind: 'meeting' });
    const appt = booking({ id: 9, kind: 'appointment', people: ['patient:12'] });
    const clashes = findBookingClashes(proposal, [self, appt], { exclude: { kind: 'meeting', id: 9 } });
    expect(clashes.map((c) => [c.booking.kind, c.booking.id])).toEqual([['appointment', 9]]);
  });

  it('orders clashes by overlap start, then person', () => {
    const late = booking({ id: 1, start: '2026-03-02T09:45:00Z', people: ['coordinator'] });
    const early = booking({ id: 2, start: '2026-03-02T08:30:00Z', people: ['patient:12', 'coordinator'] });
    const clashes = findBookingClashes(proposal, [late, early]);
    expect(clashes.map((c) => [c.booking.id, c.person])).toEqual([
      [2, 'coordinator'],
      [2, 'patient:12'],
      [1, 'coordinator'],
    ]);
  });

  it('rejects invalid times and durations', () => {
    expect(() => findBookingClashes({ ...proposal, start: '2026-03-02 09:00' }, [])).toThrow(RangeError);
    expect(() => findBookingClashes({ ...proposal, durationMinutes: 0 }, [])).toThrow(RangeError);
    expect(() => findBookingClashes(proposal, [booking({ id: 1, start: 'nope' })])).toThrow(RangeError);
    expect(() => findBookingClashes(proposal, [booking({ id: 1, durationMinutes: -5 })])).toThrow(RangeError);
  });

  it('agrees with a minute-by-minute check (property)', () => {
    const base = Date.UTC(2026, 2, 2, 8, 0);
    const slot = fc.record({ offset: fc.integer({ min: 0, max: 240 }), duration: fc.integer({ min: 1, max: 120 }) });
    fc.assert(
      fc.property(slot, fc.array(slot, { maxLength: 6 }), (p, others) => {
        const iso = (min: number) => new Date(base + min * 60_000).toISOString();
        const existing = others.map((o, i) => booking({ id: i, start: iso(o.offset), durationMinutes: o.duration }));
        const clashes = findBookingClashes({ start: iso(p.offset), durationMinutes: p.duration, people: ['coordinator'] }, existing);
        const expected = others
          .map((o, i) => ({ i, from: Math.max(p.offset, o.offset), to: Math.min(p.offset + p.duration, o.offset + o.duration) }))
          .filter((x) => x.from < x.to);
        expect(clashes).toHaveLength(expected.length);
        for (const x of expected) {
          const c = clashes.find((cl) => cl.booking.id === x.i);
          expect(c?.overlapStart).toBe(iso(x.from));
          expect(c?.overlapEnd).toBe(iso(x.to));
        }
      }),
    );
  });
});
