import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventsOfType, sortedEvents, type PathwayEvent } from '../../shared/domain/pathway-facts';

describe('events of one type', () => {
  it('come by date, and on the same date in the order they were recorded, whatever else is between them', () => {
    const events: PathwayEvent[] = [
      { type: 'patient_postponed', date: '2026-11-10', until: '2026-11-12' },
      { type: 'first_attendance', date: '2026-11-05' },
      { type: 'patient_postponed', date: '2026-11-03', until: null },
      { type: 'patient_postponed', date: '2026-11-10', until: null },
    ];
    expect(eventsOfType(events, 'patient_postponed').map((e) => [e.date, e.until])).toEqual([
      ['2026-11-03', null],
      ['2026-11-10', '2026-11-12'],
      ['2026-11-10', null],
    ]);
  });

  it('property: the same as sorting every event and keeping those of the type', () => {
    const types = ['start', 'first_attendance', 'patient_postponed', 'clinical_decision'] as const;
    const event = fc.record({
      type: fc.constantFrom(...types),
      date: fc.constantFrom('2026-11-01', '2026-11-02', '2026-11-03'),
      until: fc.constantFrom(null, 'a', 'b', 'c'),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), fc.constantFrom(...types), (events, type) => {
        expect(eventsOfType(events, type)).toEqual(sortedEvents(events).filter((e) => e.type === type));
      }),
    );
  });
});
