import { describe, expect, it } from 'vitest';
import { DUE_SOON_DAYS, soonUntil } from '../../shared/domain/due';
import { deriveClock, NO_DUE_SORT, storedDueState as dueState } from '../../shared/domain/pathway-clock';
import { daysLeftText } from '../../shared/domain/time';
import type { PathwayFacts } from '../../shared/domain/pathway-facts';
import { NATIONAL_RULE_PACK, ruleVersionFor } from '../../shared/domain/rule-pack';

function facts(over: Partial<PathwayFacts> = {}): PathwayFacts {
  const pathwayType = over.pathwayType ?? 'tsb';
  return {
    pathwayType,
    setting: 'outpatient',
    referralReceived: '2026-03-02',
    events: [],
    today: '2026-04-10',
    ruleVersion: ruleVersionFor(NATIONAL_RULE_PACK.versions, pathwayType, '2026-03-02'),
    ...over,
  };
}

describe('worklist state from a stored due date', () => {
  it('overdue before today, soon within 3 days (today included), on time after, none without a date', () => {
    expect(dueState('2026-04-09', '2026-04-10')).toEqual({ state: 'overdue', daysLeft: -1 });
    expect(dueState('2026-04-10', '2026-04-10')).toEqual({ state: 'soon', daysLeft: 0 });
    expect(dueState('2026-04-13', '2026-04-10')).toEqual({ state: 'soon', daysLeft: 3 });
    expect(dueState('2026-04-14', '2026-04-10')).toEqual({ state: 'on_time', daysLeft: 4 });
    expect(dueState(null, '2026-04-10')).toEqual({ state: 'none', daysLeft: null });
    expect(dueState(NO_DUE_SORT, '2026-04-10')).toEqual({ state: 'none', daysLeft: null });
    expect(soonUntil('2026-12-30', DUE_SOON_DAYS.pathway)).toBe('2027-01-02');
  });
  it('says the days left the way UI.md does', () => {
    expect([daysLeftText(0), daysLeftText(1), daysLeftText(3), daysLeftText(-1), daysLeftText(-2), daysLeftText(null)]).toEqual([
      'i dag',
      'i morgen',
      'om 3 dager',
      '1 dag over fristen',
      '2 dager over fristen',
      '',
    ]);
  });
});

describe('deriveClock: what is stored on the pathway row', () => {
  it('before assessment: the legal assessment is next, sorted by its date', () => {
    const d = deriveClock(facts()).derived;
    expect(d).toMatchObject({
      nextActionKey: 'legal/referral-assessment',
      nextDueDate: '2026-03-16',
      dueSort: '2026-03-16',
      assessmentDue: '2026-03-16',
      nextActionKind: 'legal',
    });
  });
  it('TSB after a treatment decision: the first evaluation is 7 days later, recorded as the measured pair', () => {
    const d = deriveClock(
      facts({
        referralAssessed: '2026-03-05',
        careDeadline: '2026-04-01',
        events: [
          { type: 'start', date: '2026-03-05' },
          { type: 'first_attendance', date: '2026-03-10' },
          { type: 'clinical_decision', date: '2026-03-20', outcome: 'CT' },
        ],
      }),
    ).derived;
    expect(d).toMatchObject({
      nextDueDate: '2026-03-27',
      careStartDue: '2026-04-01',
      firstAttendanceOn: '2026-03-10',
      firstEvaluationDue: '2026-03-27',
      firstEvaluationOn: null,
      dataQualityFlags: 0,
    });
  });
  it('no deadline sorts last and counts data-quality flags and open patient postponement', () => {
    const d = deriveClock(
      facts({
        pathwayType: 'adult_mental',
        referralAssessed: '2026-03-05',
        careDeadline: null,
        ruleVersion: ruleVersionFor(NATIONAL_RULE_PACK.versions, 'adult_mental', '2026-03-02'),
        events: [
          { type: 'clinical_decision', date: '2026-03-20', outcome: 'CP' },
          { type: 'patient_postponed', date: '2026-03-25' },
        ],
      }),
    ).derived;
    // The care deadline was not entered: the next action has no date and sorts into "no deadline".
    expect(d).toMatchObject({ nextDueDate: null, dueSort: NO_DUE_SORT, nextActionLabel: 'Start helsehjelp innen frist', openPostponed: true });
    expect(d.dataQualityFlags).toBeGreaterThanOrEqual(2); // missing start, decision without first attendance
  });
});
