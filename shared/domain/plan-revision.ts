/**
 * Revision of an individual plan (DOMAIN.md §8): goals are evaluated at revision dates and the
 * plan is kept as immutable versions — "what the plan said on a date" — that can be compared.
 */
import { MEASURE_STATUS_LABELS, type DeepReadonly, type IndividualPlan, type PlanView } from './individual-plan';
import { formatDate } from './time';

// ---------------------------------------------------------------------------
// Evaluations
// ---------------------------------------------------------------------------

export const GOAL_RESULTS = ['achieved', 'partly', 'not_achieved', 'no_longer_relevant'] as const;
export type GoalResult = (typeof GOAL_RESULTS)[number];

export const GOAL_RESULT_LABELS: Record<GoalResult, string> = {
  achieved: 'Nådd',
  partly: 'Delvis nådd',
  not_achieved: 'Ikke nådd',
  no_longer_relevant: 'Ikke lenger aktuelt',
};

export interface GoalEvaluation {
  goalId: number;
  result: GoalResult;
  note: string;
}

export interface PlanRevision {
  /** 1 for the first stored version, then +1 per version. */
  versionNo: number;
  /** ISO-8601 UTC timestamp; supplied by the caller so this module stays pure. */
  takenAt: string;
  evaluations: GoalEvaluation[];
}

/**
 * Field-keyed Norwegian messages: `goals.<goalId>` for a goal not evaluated,
 * `evaluations.<index>.goalId` / `.result` for a bad evaluation. Empty means valid.
 */
export type RevisionErrors = Record<string, string>;

/** Every current goal evaluated exactly once; no evaluations of unknown goals. */
export function validateRevision(plan: PlanView, evaluations: readonly DeepReadonly<GoalEvaluation>[]): RevisionErrors {
  const errors: RevisionErrors = {};
  const goalIds = new Set(plan.goals.map((g) => g.id));
  const seen = new Set<number>();
  evaluations.forEach((e, i) => {
    if (!goalIds.has(e.goalId)) {
      errors[`evaluations.${i}.goalId`] = 'Evalueringen gjelder et mål som ikke finnes i planen';
    } else if (seen.has(e.goalId)) {
      errors[`evaluations.${i}.goalId`] = 'Målet er evaluert mer enn én gang';
    }
    seen.add(e.goalId);
    if (!(GOAL_RESULTS as readonly string[]).includes(e.result)) {
      errors[`evaluations.${i}.result`] = 'Velg resultat for målet';
    }
  });
  for (const g of plan.goals) {
    if (!seen.has(g.id)) errors[`goals.${g.id}`] = `Målet «${g.text}» er ikke evaluert`;
  }
  return errors;
}

// ---------------------------------------------------------------------------
// Versions
// ---------------------------------------------------------------------------

export type PlanVersion = DeepReadonly<{
  versionNo: number;
  takenAt: string;
  plan: IndividualPlan;
  evaluations: GoalEvaluation[];
}>;

function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = deepCopy(v);
    return out as T;
  }
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * An immutable version of the plan with the revision's evaluations. The plan and evaluations are
 * deep-copied and frozen, so later edits to the working plan never reach the version.
 * Throws RangeError when the revision does not pass `validateRevision` or has a bad version number.
 */
export function snapshot(plan: PlanView, revision: DeepReadonly<PlanRevision>): PlanVersion {
  if (!Number.isInteger(revision.versionNo) || revision.versionNo < 1) {
    throw new RangeError(`Ugyldig versjonsnummer: ${revision.versionNo}`);
  }
  const errors = validateRevision(plan, revision.evaluations);
  const first = Object.values(errors)[0];
  if (first !== undefined) throw new RangeError(first);
  return deepFreeze({
    versionNo: revision.versionNo,
    takenAt: revision.takenAt,
    plan: deepCopy(plan) as IndividualPlan,
    evaluations: deepCopy(revision.evaluations) as GoalEvaluation[],
  });
}

// ---------------------------------------------------------------------------
// Diff
// ---------------------------------------------------------------------------

export type PlanChangeKind =
  | 'goal_added'
  | 'goal_removed'
  | 'goal_text_changed'
  | 'coordinator_changed'
  | 'measure_added'
  | 'measure_removed'
  | 'measure_status_changed'
  | 'period_changed'
  | 'revision_dates_changed'
  | 'consent_changed';

export interface PlanChange {
  kind: PlanChangeKind;
  /** The § 19 section (1–9) the change belongs to; the list is ordered by it. */
  section: number;
  /** Norwegian sentence for the "compare with current" view. */
  label: string;
  before?: string;
  after?: string;
}

const quote = (s: string): string => `«${s}»`;
const dateOrDash = (d: string | undefined): string => (d === undefined ? '–' : formatDate(d));

function diffGoals(older: PlanView, newer: PlanView): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const g of newer.goals) {
    const old = older.goals.find((o) => o.id === g.id);
    if (old === undefined) {
      changes.push({ kind: 'goal_added', section: 1, label: `Nytt mål: ${quote(g.text)}`, after: g.text });
    } else if (old.text !== g.text) {
      changes.push({
        kind: 'goal_text_changed',
        section: 1,
        label: `Mål endret fra ${quote(old.text)} til ${quote(g.text)}`,
        before: old.text,
        after: g.text,
      });
    }
  }
  for (const o of older.goals) {
    if (!newer.goals.some((g) => g.id === o.id)) {
      changes.push({ kind: 'goal_removed', section: 1, label: `Mål fjernet: ${quote(o.text)}`, before: o.text });
    }
  }
  return changes;
}

function diffCoordinator(older: PlanView, newer: PlanView): PlanChange[] {
  const show = (c: PlanView['coordinator']): string => [c.name, c.organisation].filter((s) => s !== '').join(', ');
  const before = show(older.coordinator);
  const after = show(newer.coordinator);
  if (before === after) return [];
  return [
    {
      kind: 'coordinator_changed',
      section: 3,
      label: `Koordinator endret fra ${quote(before || '–')} til ${quote(after || '–')}`,
      before,
      after,
    },
  ];
}

function diffMeasures(older: PlanView, newer: PlanView): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const m of newer.measures) {
    const old = older.measures.find((o) => o.id === m.id);
    if (old === undefined) {
      changes.push({
        kind: 'measure_added',
        section: 5,
        label: `Nytt tiltak: ${quote(m.what)} (ansvarlig: ${m.responsible || '–'})`,
        after: m.what,
      });
    } else if (old.status !== m.status) {
      const before = MEASURE_STATUS_LABELS[old.status];
      const after = MEASURE_STATUS_LABELS[m.status];
      changes.push({
        kind: 'measure_status_changed',
        section: 5,
        label: `Tiltaket ${quote(m.what)} endret status fra ${before} til ${after}`,
        before,
        after,
      });
    }
  }
  for (const o of older.measures) {
    if (!newer.measures.some((m) => m.id === o.id)) {
      changes.push({ kind: 'measure_removed', section: 5, label: `Tiltak fjernet: ${quote(o.what)}`, before: o.what });
    }
  }
  return changes;
}

function diffPeriod(older: PlanView, newer: PlanView): PlanChange[] {
  const changes: PlanChange[] = [];
  const show = (p: PlanView['period']): string => `${dateOrDash(p.from)}–${dateOrDash(p.to)}`;
  if (older.period.from !== newer.period.from || older.period.to !== newer.period.to) {
    const before = show(older.period);
    const after = show(newer.period);
    changes.push({ kind: 'period_changed', section: 7, label: `Planperiode endret fra ${before} til ${after}`, before, after });
  }
  const dates = (p: PlanView): string[] => [...new Set(p.revisionDates)].sort();
  const oldDates = dates(older);
  const newDates = dates(newer);
  if (oldDates.join() !== newDates.join()) {
    const list = (ds: string[]): string => (ds.length === 0 ? 'ingen' : ds.map(formatDate).join(', '));
    const before = list(oldDates);
    const after = list(newDates);
    changes.push({
      kind: 'revision_dates_changed',
      section: 7,
      label: `Revisjonsdatoer endret fra ${before} til ${after}`,
      before,
      after,
    });
  }
  return changes;
}

function describeConsent(plan: PlanView): string {
  const { givenAt, givenBy, withdrawnAt } = plan.consent;
  if (withdrawnAt !== undefined) return `Trukket tilbake ${formatDate(withdrawnAt)}`;
  if (givenAt !== undefined) return `Gitt ${formatDate(givenAt)}${givenBy ? ` av ${givenBy}` : ''}`;
  return 'Ikke registrert';
}

function participantName(plan: PlanView, id: number): string {
  return plan.participants.find((p) => p.id === id)?.name ?? `deltaker ${id}`;
}

function diffConsent(older: PlanView, newer: PlanView): PlanChange[] {
  const changes: PlanChange[] = [];
  const before = describeConsent(older);
  const after = describeConsent(newer);
  if (before !== after) {
    changes.push({ kind: 'consent_changed', section: 8, label: `Samtykke endret fra «${before}» til «${after}»`, before, after });
  }
  const oldIds = new Set(older.consent.coversParticipantIds);
  const newIds = new Set(newer.consent.coversParticipantIds);
  const added = [...newIds].filter((id) => !oldIds.has(id)).map((id) => participantName(newer, id));
  const removed = [...oldIds].filter((id) => !newIds.has(id)).map((id) => participantName(older, id));
  if (added.length > 0) {
    changes.push({ kind: 'consent_changed', section: 8, label: `Samtykket omfatter nå også ${added.join(', ')}` });
  }
  if (removed.length > 0) {
    changes.push({ kind: 'consent_changed', section: 8, label: `Samtykket omfatter ikke lenger ${removed.join(', ')}` });
  }
  return changes;
}

/**
 * Human-readable changes from `older` to `newer`, ordered by § 19 section. Goals and measures
 * are matched by id. Empty when nothing tracked has changed.
 */
export function diffPlans(older: PlanView, newer: PlanView): PlanChange[] {
  return [
    ...diffGoals(older, newer),
    ...diffCoordinator(older, newer),
    ...diffMeasures(older, newer),
    ...diffPeriod(older, newer),
    ...diffConsent(older, newer),
  ];
}
