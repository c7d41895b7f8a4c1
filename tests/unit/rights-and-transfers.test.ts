import { describe, expect, it } from 'vitest';
import { computeDeadlines, type DeadlineResult } from '../../shared/domain/deadlines';
import { dataQualityFlags } from '../../shared/domain/event-rules';
import { deriveClock } from '../../shared/domain/pathway-clock';
import type { PathwayEvent, PathwayFacts } from '../../shared/domain/pathway-facts';
import { NATIONAL_RULE_PACK, ruleVersionFor } from '../../shared/domain/rule-pack';

// Issue #13 §1: the rights assessment, internal transfers and TSB's first-year evaluations.
const VERSIONS = NATIONAL_RULE_PACK.versions;
function facts(over: Partial<PathwayFacts> = {}): PathwayFacts {
  const pathwayType = over.pathwayType ?? 'adult_mental';
  const referralReceived = over.referralReceived ?? '2026-12-21';
  return {
    pathwayType,
    setting: 'outpatient',
    referralReceived,
    events: [],
    today: '2027-01-08',
    ruleVersion: ruleVersionFor(VERSIONS, pathwayType, referralReceived),
    ...over,
  };
}
const keys = (r: DeadlineResult) => r.deadlines.map((d) => d.key);
const ev = (type: PathwayEvent['type'], date: string, extra: Partial<PathwayEvent> = {}): PathwayEvent => ({ type, date, ...extra });

describe('rights assessment', () => {
  // Received Mon 21 Dec 2026. Christmas Eve and New Year's Eve are working days; 25 Dec, 26 Dec (Saturday)
  // and 1 Jan are holidays: the 10th working day is Wed 6 Jan 2027 (counted by hand).
  it('no right: the assessment deadline is met, no care deadline, no pathway clock, no missing-start flag', () => {
    const f = facts({ referralAssessed: '2027-01-06', rightsDecision: 'no_right' });
    const r = computeDeadlines(f);
    expect(keys(r)).toEqual(['legal/referral-assessment']);
    expect(r.deadlines[0]).toMatchObject({ due: '2027-01-06', met: '2027-01-06', state: 'on_time' });
    expect(r.clockStart).toEqual({ date: null, basis: 'no_pathway' });
    expect(r.nextAction.key).toBe('none');
    expect(dataQualityFlags(f).map((x) => x.code)).not.toContain('missing_start');
  });

  it('not a pathway case behaves the same; one day late is still a breach of the assessment deadline', () => {
    const r = computeDeadlines(facts({ referralAssessed: '2027-01-07', rightsDecision: 'not_pathway' }));
    expect(keys(r)).toEqual(['legal/referral-assessment']);
    expect(r.deadlines[0]).toMatchObject({ met: '2027-01-07', state: 'overdue' });
  });

  it('no right ignores pathway events and a care deadline (they cannot start a clock)', () => {
    const r = computeDeadlines(facts({ pathwayType: 'psychosis', referralAssessed: '2026-12-22', careDeadline: '2027-02-01', rightsDecision: 'no_right' }));
    expect(keys(r)).toEqual(['legal/referral-assessment']);
  });

  it('right: the care deadline and pathway times follow as before', () => {
    const r = computeDeadlines(
      facts({ referralAssessed: '2027-01-06', careDeadline: '2027-02-15', rightsDecision: 'right', events: [ev('start', '2027-01-06')] }),
    );
    expect(keys(r)).toContain('legal/care-deadline');
    expect(r.clockStart).toEqual({ date: '2027-01-06', basis: 'start_event' });
  });
});

describe('internal transfers (to an OCD or psychosis team, D12 → D11)', () => {
  it('get no new legal 10-working-day assessment deadline', () => {
    const r = computeDeadlines(facts({ intake: 'internal_transfer' }));
    expect(keys(r)).not.toContain('legal/referral-assessment');
  });

  it('OCD: the pathway time runs from the OCD team’s receipt (Fri 18 Dec 2026 + 42 calendar days = Fri 29 Jan 2027)', () => {
    const r = computeDeadlines(facts({ pathwayType: 'ocd', referralReceived: '2026-12-18', intake: 'internal_transfer' }));
    expect(r.clockStart).toEqual({ date: '2026-12-18', basis: 'transfer_received' });
    expect(r.deadlines.find((d) => d.label === 'Første fremmøte')).toMatchObject({ due: '2027-01-29', kind: 'pathway' });
    expect(r.nextAction).toMatchObject({ label: 'Første fremmøte', due: '2027-01-29' });
  });

  it('D12 → D11: even under the assessed-start rule version, the clock runs from the new team’s receipt', () => {
    const f = facts({ pathwayType: 'adult_mental', referralReceived: '2026-12-21', intake: 'internal_transfer' });
    expect(f.ruleVersion?.clockStart).toBe('referral_assessed');
    expect(computeDeadlines(f).clockStart).toEqual({ date: '2026-12-21', basis: 'transfer_received' });
    const withAttendance = computeDeadlines({ ...f, events: [ev('start', '2026-12-21'), ev('first_attendance', '2027-01-05')] });
    expect(withAttendance.deadlines.map((d) => d.kind)).toEqual(['pathway']);
  });

  it('a care deadline carried over from the sending team is still shown', () => {
    const r = computeDeadlines(facts({ intake: 'internal_transfer', careDeadline: '2027-02-01' }));
    expect(r.deadlines.find((d) => d.key === 'legal/care-deadline')?.due).toBe('2027-02-01');
  });

  it('the worklist’s stored assessment due date is empty for a transfer', () => {
    expect(deriveClock(facts({ intake: 'internal_transfer' })).derived.assessmentDue).toBeNull();
  });
});

describe('TSB evaluations repeat every 8 / 6 weeks only in the first year after the decision', () => {
  const tsb = (events: PathwayEvent[], setting: 'outpatient' | 'inpatient' = 'outpatient', today = '2027-06-01') =>
    computeDeadlines(facts({ pathwayType: 'tsb', setting, referralReceived: '2025-11-03', referralAssessed: '2025-11-10', today, events }));
  const repeats = (r: DeadlineResult) => r.deadlines.filter((d) => d.label === 'Evaluering');
  const decision = ev('clinical_decision', '2025-12-01', { outcome: 'CT' });

  it('an evaluation whose next one would fall due inside the first year opens an interval', () => {
    // Evaluation Thu 1 Oct 2026 + 56 days = Thu 26 Nov 2026, before 1 Dec 2026 (decision + 365 days).
    const r = tsb([ev('start', '2025-11-10'), ev('first_attendance', '2025-11-17'), decision, ev('evaluation', '2025-12-08'), ev('evaluation', '2026-10-01')]);
    expect(repeats(r).map((d) => d.due)).toEqual(['2026-02-02', '2026-11-26']);
    expect(repeats(r)[1]).toMatchObject({ met: null, state: 'overdue' });
  });

  it('after twelve months no automatic interval: no false breach', () => {
    // Evaluation Mon 9 Nov 2026 + 56 days = Mon 4 Jan 2027, after the first year: no deadline.
    const r = tsb([ev('start', '2025-11-10'), ev('first_attendance', '2025-11-17'), decision, ev('evaluation', '2025-12-08'), ev('evaluation', '2026-11-09')]);
    expect(repeats(r).map((d) => d.due)).toEqual(['2026-02-02']);
    // The only repeat is the in-year one (met late on 9 Nov 2026, a real breach); nothing stays open after the year.
    expect(r.deadlines.filter((d) => d.met === null)).toEqual([]);
    expect(r.nextAction.label).toBe('Ingen frist');
  });

  it('inpatient: 42 days, same first-year limit (1 Dec 2026 is the last allowed due date, inclusive)', () => {
    const r = tsb(
      [ev('start', '2025-11-10'), ev('first_attendance', '2025-11-17'), decision, ev('evaluation', '2025-12-08'), ev('evaluation', '2026-10-20')],
      'inpatient',
    );
    expect(repeats(r).map((d) => d.due)).toEqual(['2026-01-19', '2026-12-01']);
    const later = tsb(
      [ev('start', '2025-11-10'), ev('first_attendance', '2025-11-17'), decision, ev('evaluation', '2025-12-08'), ev('evaluation', '2026-10-21')],
      'inpatient',
    );
    expect(repeats(later).map((d) => d.due)).toEqual(['2026-01-19']);
  });

  it('pregnant women keep their repeating interval (no first-year limit in their rule data)', () => {
    const r = computeDeadlines(
      facts({
        pathwayType: 'pregnant_substance',
        referralReceived: '2025-11-03',
        today: '2027-06-01',
        events: [ev('first_attendance', '2025-11-05'), decision, ev('evaluation', '2025-12-10'), ev('evaluation', '2026-12-20')],
      }),
    );
    expect(r.deadlines.filter((d) => d.label === 'Evaluering').map((d) => d.due)).toEqual(['2026-01-21', '2027-01-31']);
  });
});
