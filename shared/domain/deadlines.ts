/**
 * The pathway clock: every deadline for one pathway, its state relative to today, why it falls where it
 * does, and the next action. Pure: facts in, result out.
 *
 * - Legal deadlines (DOMAIN.md §5): referral assessed within 10 working days of receipt (the 10th working
 *   day after the receipt date, see calendar.ts), and the individual care deadline (*frist*) set at
 *   assessment, at most 65 working days after the assessment for patients under 23 at referral.
 * - Pathway times from the rule version (advisory): from the clock start, first attendance, the treatment
 *   decision, and each evaluation to the next.
 * - Patient-postponed periods (L) are reported and attributed to the patient; they never move a due date.
 * - A deadline that cannot be computed is state 'none', never 'on_time'.
 */
import { addWorkingDays, holidaysBetween, workingDaysBetween, type Holiday } from './calendar';
import { DUE_SOON_DAYS, dueState } from './due';
import type { IsoDate } from './iso-date';
import { addDays, daysBetween, formatDate } from './time';
import { latestCareDeadline, UNDER_23_ANCHOR_NOTE, validateDeadlineFacts } from './event-rules';
import {
  clockStart,
  eventsOfType,
  firstOfType,
  lastOfType,
  noPathway,
  sortedEvents,
  treatmentDecision,
  type ClockBasis,
  type Issue,
  type PathwayFacts,
} from './pathway-facts';
import { timesFor, type Confidence, type EventType, type PathwayTime, type TimeUnit } from './rule-pack';

export { isUnder23AtReferral, latestCareDeadline, UNDER_23_MAX_WORKING_DAYS, validateDeadlineFacts } from './event-rules';
export type { Issue, PathwayEvent, PathwayFacts } from './pathway-facts';

export const ASSESSMENT_WORKING_DAYS = 10;
export type DeadlineState = 'overdue' | 'soon' | 'on_time' | 'none';

export interface DeadlineExplanation {
  startEvent: 'referral_received' | 'referral_assessed' | EventType;
  startDate: IsoDate | null;
  offset: number | null;
  unit: TimeUnit | null;
  ruleId: string;
  ruleVersionId: string | null;
  confidence: Confidence;
  /** True when the rule is not confirmed in a public source: show it as such. */
  unconfirmed: boolean;
  source: string;
  note: string | null;
  holidaysSkipped: Holiday[];
}

export interface Deadline {
  key: string;
  kind: 'legal' | 'pathway' | 'none';
  /** Norwegian next action. */
  label: string;
  due: IsoDate | null;
  met: IsoDate | null;
  /**
   * Open deadlines: relative to today. Met deadlines: 'on_time' when met by the due date, 'overdue' when
   * met late (a breach whose reason should be documented). No due date: 'none'.
   */
  state: DeadlineState;
  /** Calendar days from today to the due date (negative when passed); null when met or undated. */
  daysLeft: number | null;
  /** Patient-postponed days inside this deadline's window (start to met, or to due while open). */
  patientPostponedDays: number;
  explanation: DeadlineExplanation | null;
}

export interface PostponedPeriod {
  from: IsoDate;
  /** `until`, else the next recorded event, else the end of the pathway or today. */
  to: IsoDate;
  days: number;
  open: boolean;
}

export interface DeadlineResult {
  clockStart: { date: IsoDate | null; basis: ClockBasis };
  ended: IsoDate | null;
  deadlines: Deadline[];
  nextAction: Deadline;
  validations: Issue[];
  patientPostponed: { periods: PostponedPeriod[]; totalDays: number };
}

const LEGAL_ASSESSMENT_SOURCE = 'Pasient- og brukerrettighetsloven § 2-2';
const LEGAL_CARE_SOURCE = 'Pasient- og brukerrettighetsloven § 2-2 (frist for nødvendig helsehjelp)';

const TARGET_LABELS: Partial<Record<EventType, string>> = {
  first_attendance: 'Første fremmøte',
  clinical_decision: 'Klinisk beslutning',
  evaluation: 'Første evaluering',
  follow_on_treatment: 'Videre behandling etter avrusning',
};

function stateOf(due: IsoDate | null, met: IsoDate | null, today: IsoDate): { state: DeadlineState; daysLeft: number | null } {
  if (due === null) return { state: 'none', daysLeft: null };
  if (met !== null) return { state: met <= due ? 'on_time' : 'overdue', daysLeft: null };
  return dueState(due, today, DUE_SOON_DAYS.pathway);
}

export function patientPostponedPeriods(facts: PathwayFacts): PostponedPeriod[] {
  const events = sortedEvents(facts.events);
  const endDate = firstOfType(events, 'end')?.date ?? null;
  return events
    .filter((e) => e.type === 'patient_postponed')
    .map((l) => {
      const next = events.find((e) => e.type !== 'patient_postponed' && e.date > l.date);
      const to = l.until ?? next?.date ?? endDate ?? facts.today;
      const open = !l.until && !next && !endDate;
      return { from: l.date, to, days: Math.max(0, daysBetween(l.date, to)), open };
    });
}

/** Days of [from, to) covered by the union of the periods (overlapping periods are counted once). */
function postponedDaysWithin(periods: readonly PostponedPeriod[], from: IsoDate, to: IsoDate): number {
  let total = 0;
  let covered: IsoDate = from;
  for (const p of [...periods].sort((a, b) => (a.from < b.from ? -1 : 1))) {
    const start = p.from > covered ? p.from : covered;
    const end = p.to < to ? p.to : to;
    if (end > start) {
      total += daysBetween(start, end);
      covered = end;
    }
  }
  return total;
}

interface Draft {
  key: string;
  kind: 'legal' | 'pathway';
  label: string;
  due: IsoDate | null;
  met: IsoDate | null;
  explanation: DeadlineExplanation;
}

function legalDeadlines(facts: PathwayFacts): Draft[] {
  const opts = facts.calendarOptions ?? {};
  const assessment = addWorkingDays(facts.referralReceived, ASSESSMENT_WORKING_DAYS, opts);
  // An internal transfer (to an OCD or psychosis team, D12 → D11) was assessed by the sending team: no new
  // legal assessment deadline. A care deadline carried over is still shown when recorded.
  const transfer = facts.intake === 'internal_transfer';
  const drafts: Draft[] = transfer
    ? []
    : [
        {
          key: 'legal/referral-assessment',
          kind: 'legal',
          label: 'Vurder henvisningen',
          due: assessment.date,
          met: facts.referralAssessed ?? null,
          explanation: {
            startEvent: 'referral_received',
            startDate: facts.referralReceived,
            offset: ASSESSMENT_WORKING_DAYS,
            unit: 'working',
            ruleId: 'legal/referral-assessment',
            ruleVersionId: null,
            confidence: 'confirmed',
            unconfirmed: false,
            source: LEGAL_ASSESSMENT_SOURCE,
            note: null,
            holidaysSkipped: assessment.holidaysSkipped,
          },
        },
      ];
  const assessed = facts.referralAssessed ?? null;
  const frist = facts.careDeadline ?? null;
  // No right (or not a pathway case): no care deadline to keep.
  if (noPathway(facts)) return drafts;
  const limit = latestCareDeadline(facts);
  if (assessed || frist) {
    drafts.push({
      key: 'legal/care-deadline',
      kind: 'legal',
      label: 'Start helsehjelp innen frist',
      due: frist,
      met: firstOfType(facts.events, 'first_attendance')?.date ?? null,
      explanation: {
        startEvent: 'referral_assessed',
        startDate: assessed,
        offset: assessed && frist ? workingDaysBetween(assessed, frist, opts) : null,
        unit: 'working',
        ruleId: 'legal/care-deadline',
        ruleVersionId: null,
        confidence: 'confirmed',
        unconfirmed: false,
        source: LEGAL_CARE_SOURCE,
        note:
          [
            frist ? null : 'Frist for nødvendig helsehjelp er ikke registrert',
            limit ? `Under 23 år: senest ${formatDate(limit.date)}. ${UNDER_23_ANCHOR_NOTE}` : null,
          ]
            .filter(Boolean)
            .join('. ') || null,
        holidaysSkipped: assessed && frist ? holidaysBetween(assessed, frist, opts) : [],
      },
    });
  }
  return drafts;
}

function pathwayDraft(facts: PathwayFacts, time: PathwayTime, key: string, label: string, startDate: IsoDate, met: IsoDate | null): Draft {
  const opts = facts.calendarOptions ?? {};
  const { date: due, holidaysSkipped } =
    time.unit === 'working' ? addWorkingDays(startDate, time.days, opts) : { date: addDays(startDate, time.days), holidaysSkipped: [] };
  return {
    key,
    kind: 'pathway',
    label,
    due,
    met,
    explanation: {
      startEvent: time.fromEvent,
      startDate,
      offset: time.days,
      unit: time.unit,
      ruleId: time.id,
      ruleVersionId: facts.ruleVersion?.id ?? null,
      confidence: time.confidence,
      unconfirmed: time.confidence === 'unconfirmed',
      source: time.source,
      note: time.note,
      holidaysSkipped,
    },
  };
}

function pathwayDeadlines(facts: PathwayFacts, clockDate: IsoDate | null): Draft[] {
  const version = facts.ruleVersion;
  if (!version || version.pathwayType !== facts.pathwayType) return [];
  if (noPathway(facts)) return []; // no right: no pathway clock
  const events = facts.events;
  const decision = treatmentDecision(events);
  const drafts: Draft[] = [];
  for (const time of timesFor(version, facts.setting, facts.severity)) {
    if (time.fromEvent === 'evaluation' && time.toEvent === 'evaluation') {
      // Each evaluation after the treatment decision opens the next interval, met by the following one.
      const evaluations = decision ? eventsOfType(events, 'evaluation').filter((e) => e.date >= decision.date) : [];
      // A limited repetition (TSB: the first year after the decision) adds no interval due after its end.
      const lastDue = decision && time.repeatWithinDays != null ? addDays(decision.date, time.repeatWithinDays) : null;
      evaluations.forEach((e, i) => {
        const draft = pathwayDraft(facts, time, `${time.id}#${i + 1}`, 'Evaluering', e.date, evaluations[i + 1]?.date ?? null);
        if (lastDue === null || (draft.due !== null && draft.due <= lastDue)) drafts.push(draft);
      });
      continue;
    }
    const anchor =
      time.fromEvent === 'start'
        ? clockDate
        : time.fromEvent === 'clinical_decision'
          ? (decision?.date ?? null)
          : time.fromEvent === 'first_attendance'
            ? (firstOfType(events, time.fromEvent)?.date ?? null)
            : (lastOfType(events, time.fromEvent)?.date ?? null);
    if (anchor === null) continue; // the time has not started yet
    // First attendance and clinical decision are measured to their first occurrence; repeating targets
    // (evaluation, follow-on treatment) to the first one on or after the anchor.
    const once = time.toEvent === 'first_attendance' || time.toEvent === 'clinical_decision';
    const met = eventsOfType(events, time.toEvent).find((e) => once || e.date >= anchor)?.date ?? null;
    drafts.push(pathwayDraft(facts, time, time.id, TARGET_LABELS[time.toEvent] ?? time.toEvent, anchor, met));
  }
  return drafts;
}

const NO_DEADLINE: Omit<Deadline, 'label'> = {
  key: 'none',
  kind: 'none',
  due: null,
  met: null,
  state: 'none',
  daysLeft: null,
  patientPostponedDays: 0,
  explanation: null,
};

export function computeDeadlines(facts: PathwayFacts): DeadlineResult {
  const clock = clockStart(facts);
  const ended = firstOfType(facts.events, 'end')?.date ?? null;
  const periods = patientPostponedPeriods(facts);
  const drafts = [...legalDeadlines(facts), ...pathwayDeadlines(facts, clock.date)]
    // After the end, only what was met or already breached before the end still matters.
    .filter((d) => ended === null || d.met !== null || (d.due !== null && d.due < ended));
  const deadlines: Deadline[] = drafts.map((d) => {
    const windowStart = d.explanation.startDate;
    const windowEnd = d.met ?? d.due;
    return {
      ...d,
      ...stateOf(d.due, d.met, facts.today),
      patientPostponedDays: windowStart && windowEnd ? postponedDaysWithin(periods, windowStart, windowEnd) : 0,
    };
  });
  const open = deadlines.filter((d) => d.met === null);
  const dated = open.filter((d) => d.due !== null).sort((a, b) => ((a.due ?? '') < (b.due ?? '') ? -1 : (a.due ?? '') > (b.due ?? '') ? 1 : 0));
  const nextAction: Deadline =
    ended !== null ? { ...NO_DEADLINE, label: 'Forløpet er avsluttet' } : (dated[0] ?? open[0] ?? { ...NO_DEADLINE, label: 'Ingen frist' });
  return {
    clockStart: clock,
    ended,
    deadlines,
    nextAction,
    validations: validateDeadlineFacts(facts),
    patientPostponed: { periods, totalDays: postponedDaysWithin(periods, '0000-01-01', '9999-12-31') },
  };
}
