/* Frozen copy for migration 0011 (see README.md here): never edit, never import from app code. */
/**
 * What the worklist and the caseload overview need from the pathway clock, derived once per write and
 * stored on the pathway row (so a list of thousands never computes deadlines at query time).
 * Pure: facts in, values out. Only `today` moves; these values do not depend on it.
 */
import { computeDeadlines, SOON_DAYS, type Deadline, type DeadlineResult, type DeadlineState } from './deadlines';
import { addCalendarDays, calendarDaysBetween } from './calendar';
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
  for (const d of result.deadlines) {
    const target = d.key === 'legal/care-deadline' || /\/start-first_attendance(\/|$)/.test(d.key);
    if (target) careStartDue = minDate(careStartDue, d.due);
    if (!firstEvaluation && d.explanation?.startEvent === 'clinical_decision' && /\/clinical_decision-evaluation(\/|$)/.test(d.key)) firstEvaluation = d;
  }
  const firstAttendance = facts.events.filter((e) => e.type === 'first_attendance').map((e) => e.date).sort()[0] ?? null;
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
    },
  };
}

/** State of a stored due date relative to today (the only thing computed at query time). */
export function dueState(due: IsoDate | null, today: IsoDate): { state: DeadlineState; daysLeft: number | null } {
  if (due === null || due === NO_DUE_SORT) return { state: 'none', daysLeft: null };
  const daysLeft = calendarDaysBetween(today, due);
  return { state: daysLeft < 0 ? 'overdue' : daysLeft <= SOON_DAYS ? 'soon' : 'on_time', daysLeft };
}

/** The last date that still counts as "soon" (due within SOON_DAYS days, today included). */
export function soonUntil(today: IsoDate): IsoDate {
  return addCalendarDays(today, SOON_DAYS);
}

/** "om 3 dager" / "i dag" / "2 dager over fristen" (UI.md). */
export function daysLeftText(daysLeft: number | null): string {
  if (daysLeft === null) return '';
  if (daysLeft === 0) return 'i dag';
  if (daysLeft === 1) return 'i morgen';
  if (daysLeft > 1) return `om ${daysLeft} dager`;
  return daysLeft === -1 ? '1 dag over fristen' : `${-daysLeft} dager over fristen`;
}

export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = {
  overdue: 'Overskredet',
  soon: 'Snart',
  on_time: 'I rute',
  none: 'Ingen frist',
};
