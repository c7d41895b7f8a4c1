/**
 * What the worklist and the caseload overview need from the pathway clock, derived once per write and
 * stored on the pathway row (so a list of thousands never computes deadlines at query time).
 * Pure: facts in, values out. Only `today` moves; these values do not depend on it.
 */
import { computeDeadlines, type Deadline, type DeadlineResult, type DeadlineState } from './deadlines';
import { DUE_SOON_DAYS, dueState } from './due';
import { dataQualityFlags } from './event-rules';
import type { IsoDate } from './iso-date';
import type { Issue, PathwayFacts } from './pathway-facts';

/** Sort key for "no deadline": after every real date, so the group comes last in the index order. */
export const NO_DUE_SORT = '9999-12-31';

export interface DerivedClock {
  nextDueDate: IsoDate | null;
  dueSort: IsoDate;
  nextActionKey: string;
  nextActionLabel: string;
  nextActionKind: Deadline['kind'];
  dataQualityFlags: number;
  openPostponed: boolean;
  /** Referral assessment due (10 working days after receipt). */
  assessmentDue: IsoDate | null;
  /** The earliest deadline for the first attendance (care deadline or pathway time), and when it was met. */
  careStartDue: IsoDate | null;
  firstAttendanceOn: IsoDate | null;
  /** Clinical decision → first evaluation, and when it was met. */
  firstEvaluationDue: IsoDate | null;
  firstEvaluationOn: IsoDate | null;
  /** First attendance → clinical decision ("utredning gjennomført innen forløpstid"), and when it was met. */
  decisionDue: IsoDate | null;
  decisionOn: IsoDate | null;
}

export interface ClockDerivation {
  result: DeadlineResult;
  flags: Issue[];
  derived: DerivedClock;
}

function minDate(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

export function deriveClock(facts: PathwayFacts): ClockDerivation {
  const result = computeDeadlines(facts);
  const flags = dataQualityFlags(facts);
  const next = result.nextAction;
  let careStartDue: IsoDate | null = null;
  let firstEvaluation: Deadline | null = null;
  const decision = result.deadlines.find((d) => /\/first_attendance-clinical_decision(\/|$)/.test(d.key)) ?? null;
  for (const d of result.deadlines) {
    const target = d.key === 'legal/care-deadline' || /\/start-first_attendance(\/|$)/.test(d.key);
    if (target) careStartDue = minDate(careStartDue, d.due);
    if (!firstEvaluation && d.explanation?.startEvent === 'clinical_decision' && /\/clinical_decision-evaluation(\/|$)/.test(d.key)) firstEvaluation = d;
  }
  const firstAttendance =
    facts.events
      .filter((e) => e.type === 'first_attendance')
      .map((e) => e.date)
      .sort()[0] ?? null;
  return {
    result,
    flags,
    derived: {
      nextDueDate: next.due,
      dueSort: next.due ?? NO_DUE_SORT,
      nextActionKey: next.key,
      nextActionLabel: next.label,
      nextActionKind: next.kind,
      dataQualityFlags: flags.length,
      openPostponed: result.patientPostponed.periods.some((p) => p.open),
      assessmentDue: result.deadlines.find((d) => d.key === 'legal/referral-assessment')?.due ?? null,
      careStartDue,
      firstAttendanceOn: firstAttendance,
      firstEvaluationDue: firstEvaluation?.due ?? null,
      firstEvaluationOn: firstEvaluation?.met ?? null,
      decisionDue: decision?.due ?? null,
      decisionOn: decision?.met ?? null,
    },
  };
}

/**
 * State of a stored due date relative to today (the only thing computed at query time); 'none' without a
 * date. "Soon" is the pathway window, DUE_SOON_DAYS.pathway.
 */
export function storedDueState(due: IsoDate | null, today: IsoDate): { state: DeadlineState; daysLeft: number | null } {
  if (due === null || due === NO_DUE_SORT) return { state: 'none', daysLeft: null };
  return dueState(due, today, DUE_SOON_DAYS.pathway);
}
