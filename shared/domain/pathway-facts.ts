/**
 * The facts about one pathway that the clock works from, and small queries over them shared by
 * deadlines.ts and event-rules.ts.
 */
import type { CalendarOptions } from './calendar';
import type { IsoDate } from './iso-date';
import type { PathwayTypeId, SettingId } from './pathway-types';
import type { DecisionOutcome, EventType, RuleVersion, Severity } from './rule-pack';
import { outcomeDefinition } from './rule-pack';

export interface PathwayEvent {
  type: EventType;
  date: IsoDate;
  /** Clinical decisions only. */
  outcome?: DecisionOutcome | null;
  /** patient_postponed only: last day of the postponement, when known. */
  until?: IsoDate | null;
}

export type RightsDecision = 'right' | 'no_right' | 'not_pathway';
export type Intake = 'referral' | 'internal_transfer';

/** True when the assessment found no pathway: no right, or not a pathway case. */
export function noPathway(facts: Pick<PathwayFacts, 'rightsDecision'>): boolean {
  return facts.rightsDecision === 'no_right' || facts.rightsDecision === 'not_pathway';
}

export interface PathwayFacts {
  pathwayType: PathwayTypeId;
  setting: SettingId;
  referralReceived: IsoDate;
  referralAssessed?: IsoDate | null;
  patientBirthDate?: IsoDate | null;
  /** The individual deadline for necessary care (*frist for nødvendig helsehjelp*) set at assessment. */
  careDeadline?: IsoDate | null;
  /**
   * The rights assessment (issue #13): 'right' starts the pathway; 'no_right' and 'not_pathway' give no
   * start and no pathway clock. null = not assessed (or assessed before the outcome was recorded).
   */
  rightsDecision?: RightsDecision | null;
  /** An internal transfer (to an OCD/psychosis team, D12 → D11) has no new legal assessment deadline. */
  intake?: Intake;
  /** Eating disorders: picks the first-attendance time variant. */
  severity?: Severity | null;
  events: readonly PathwayEvent[];
  /** The version in force (see ruleVersionFor); null when none applies. */
  ruleVersion: RuleVersion | null;
  calendarOptions?: CalendarOptions;
  today: IsoDate;
}

export interface Issue {
  code: string;
  severity: 'error' | 'warning';
  /** Norwegian, for the user. */
  message: string;
}

/** Stable sort by date; events on the same date keep their recorded order. */
export function sortedEvents(events: readonly PathwayEvent[]): PathwayEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i))
    .map((x) => x.e);
}

export function eventsOfType(events: readonly PathwayEvent[], type: EventType): PathwayEvent[] {
  // Filtered first, then sorted: the same events in the same order (the sort is stable), without sorting every
  // event of the pathway for each type asked about (a recompute asks about many).
  return sortedEvents(events.filter((e) => e.type === type));
}

export function firstOfType(events: readonly PathwayEvent[], type: EventType): PathwayEvent | null {
  return eventsOfType(events, type)[0] ?? null;
}

export function lastOfType(events: readonly PathwayEvent[], type: EventType): PathwayEvent | null {
  return eventsOfType(events, type).at(-1) ?? null;
}

/**
 * The latest clinical decision after which treatment follows here (CP/CT), which starts the evaluations.
 * A decision without an outcome counts too, so a missing outcome never hides a deadline.
 */
export function treatmentDecision(events: readonly PathwayEvent[]): PathwayEvent | null {
  const decisions = eventsOfType(events, 'clinical_decision');
  for (let i = decisions.length - 1; i >= 0; i--) {
    const d = decisions[i];
    if (!d) continue;
    if (!d.outcome || outcomeDefinition(d.outcome)?.next === 'treatment') return d;
  }
  return null;
}

export type ClockBasis = 'start_event' | 'referral_received' | 'referral_assessed' | 'transfer_received' | 'no_pathway';

/**
 * When the pathway clock starts. A recorded start event wins: it covers the cases where the start is not a
 * referral date (after emergency care, transfer from another trust). Otherwise the rule version's clockStart
 * picks referral received or referral assessed; before assessment the assessed-based clock has not started.
 */
export function clockStart(facts: PathwayFacts): { date: IsoDate | null; basis: ClockBasis } {
  if (noPathway(facts)) return { date: null, basis: 'no_pathway' };
  const start = firstOfType(facts.events, 'start');
  if (start) return { date: start.date, basis: 'start_event' };
  // An internal transfer was assessed by the sending team: the pathway time runs from the new team's receipt.
  if (facts.intake === 'internal_transfer') return { date: facts.referralReceived, basis: 'transfer_received' };
  if (facts.ruleVersion?.clockStart === 'referral_assessed') {
    return { date: facts.referralAssessed ?? null, basis: 'referral_assessed' };
  }
  return { date: facts.referralReceived, basis: 'referral_received' };
}

/** Completed years at `date` (someone born 29 Feb turns a year older on 1 Mar in other years). */
export function ageAt(birthDate: IsoDate, date: IsoDate): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
