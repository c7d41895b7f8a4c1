/**
 * Individual plan (individuell plan, IP) — the pure model and its rules (DOMAIN.md §8; content set by
 * forskrift om individuell plan ved ytelse av velferdstjenester since 1 August 2022).
 *
 * A plan is a plain, JSON-safe snapshot. Functions never mutate it; they accept the
 * deeply readonly form so that stored versions (frozen) can be passed in as well.
 * Dates are IsoDate (`yyyy-MM-dd`), compared as strings.
 */
import { isIsoDate, type IsoDate } from './iso-date';
import { formatDate } from './time';

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

export type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

export interface PlanPeriod {
  from: IsoDate;
  to: IsoDate;
}

export interface PlanCoordinator {
  name: string;
  organisation: string;
  /** Link to a contact in the coordinator's address book, when there is one. */
  contactId?: number;
}

export interface PlanParticipant {
  id: number;
  name: string;
  /** Free text in Norwegian, e.g. "Pasient", "Fastlege", "Kommunal koordinator", "NAV". */
  role: string;
  organisation: string;
}

export interface PlanConsent {
  givenAt?: IsoDate;
  /** Who gave consent (the patient, or a guardian/parent for children). */
  givenBy?: string;
  /** Participants the patient has consented to share the plan with. */
  coversParticipantIds: number[];
  withdrawnAt?: IsoDate;
}

export interface PlanGoal {
  id: number;
  /** In the patient's own words. */
  text: string;
  targetDate?: IsoDate;
}

export interface PlanItem {
  id: number;
  text: string;
}

export interface PlanContributions {
  patient: string;
  services: string;
  relatives: string;
}

export const MEASURE_STATUSES = ['planned', 'ongoing', 'done', 'stopped'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  planned: 'Planlagt',
  ongoing: 'Pågår',
  done: 'Fullført',
  stopped: 'Avbrutt',
};

export interface MeasureOrigin {
  kind: 'meeting_action';
  meetingId: number;
  actionId: number;
}

export interface ProgressNote {
  date: IsoDate;
  text: string;
}

export interface PlanMeasure {
  id: number;
  what: string;
  /** Scope (omfang), e.g. "1 time per uke". */
  scope: string;
  howCarriedOut: string;
  /** Who is responsible (name and/or service). */
  responsible: string;
  startDate?: IsoDate;
  dueDate?: IsoDate;
  status: MeasureStatus;
  goalId?: number;
  origin?: MeasureOrigin;
  progressNotes: ProgressNote[];
}

export interface IndividualPlan {
  period: PlanPeriod;
  revisionDates: IsoDate[];
  coordinator: PlanCoordinator;
  participants: PlanParticipant[];
  consent: PlanConsent;
  /** Cooperation with other services (content item 9). */
  cooperation: string;
  goals: PlanGoal[];
  resources: PlanItem[];
  needs: PlanItem[];
  contributions: PlanContributions;
  measures: PlanMeasure[];
}

/** Any plan, mutable or frozen (e.g. a stored version). */
export type PlanView = DeepReadonly<IndividualPlan>;
export type MeasureView = DeepReadonly<PlanMeasure>;

/** Outcome of a rule check; `reason` is Norwegian text for the user. */
export type Check = { ok: true } | { ok: false; reason: string };

const OK: Check = { ok: true };

// ---------------------------------------------------------------------------
// Consent
// ---------------------------------------------------------------------------

export type ConsentState = 'none' | 'given' | 'withdrawn';

/**
 * Consent as it stands on `today`. A withdrawal dated after `today` has not taken effect yet;
 * consent dated after `today` has not been given yet.
 */
export function consentState(plan: PlanView, today: IsoDate): ConsentState {
  const { givenAt, withdrawnAt } = plan.consent;
  if (withdrawnAt !== undefined && withdrawnAt <= today) return 'withdrawn';
  if (givenAt !== undefined && givenAt <= today) return 'given';
  return 'none';
}

/** Without `today`, the registered dates count as they are (no future-dated effect). */
function effectiveConsent(plan: PlanView, today: IsoDate | undefined): ConsentState {
  if (today !== undefined) return consentState(plan, today);
  if (plan.consent.withdrawnAt !== undefined) return 'withdrawn';
  if (plan.consent.givenAt !== undefined) return 'given';
  return 'none';
}

export const CONSENT_MISSING_REASON = 'Samtykke er ikke registrert – planen kan utarbeides, men ikke deles eller skrives ut for andre';
export const CONSENT_WITHDRAWN_REASON = 'Samtykket er trukket tilbake – planen kan ikke deles eller skrives ut for andre';

/** True when consent is in force and explicitly covers this (listed) participant. */
export function canShareWith(plan: PlanView, participantId: number, today?: IsoDate): boolean {
  if (effectiveConsent(plan, today) !== 'given') return false;
  if (!plan.participants.some((p) => p.id === participantId)) return false;
  return plan.consent.coversParticipantIds.includes(participantId);
}

/** Printing or exporting the plan for anyone but the coordinator requires consent in force. */
export function canPrintForOthers(plan: PlanView, today?: IsoDate): Check {
  switch (effectiveConsent(plan, today)) {
    case 'given':
      return OK;
    case 'withdrawn':
      return { ok: false, reason: CONSENT_WITHDRAWN_REASON };
    case 'none':
      return { ok: false, reason: CONSENT_MISSING_REASON };
  }
}

// ---------------------------------------------------------------------------
// Measures: status transitions and progress notes
// ---------------------------------------------------------------------------

const TRANSITIONS: Record<MeasureStatus, readonly MeasureStatus[]> = {
  planned: ['ongoing', 'stopped', 'done'],
  ongoing: ['done', 'stopped'],
  done: ['ongoing'],
  stopped: ['planned', 'ongoing'],
};

export function allowedTransitions(from: MeasureStatus): readonly MeasureStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: MeasureStatus, to: MeasureStatus): Check {
  if (from === to) {
    return { ok: false, reason: `Tiltaket har allerede status «${MEASURE_STATUS_LABELS[to]}»` };
  }
  if (TRANSITIONS[from].includes(to)) return OK;
  return {
    ok: false,
    reason: `Et tiltak med status «${MEASURE_STATUS_LABELS[from]}» kan ikke endres til «${MEASURE_STATUS_LABELS[to]}»`,
  };
}

export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A copy of the measure with the new status, or the reason the change is refused. */
export function transitionMeasure(measure: PlanMeasure, to: MeasureStatus): Result<PlanMeasure> {
  const check = canTransition(measure.status, to);
  if (!check.ok) return check;
  return { ok: true, value: { ...measure, progressNotes: [...measure.progressNotes], status: to } };
}

export function checkProgressNote(note: DeepReadonly<ProgressNote>, today: IsoDate): Check {
  if (!isIsoDate(note.date)) return { ok: false, reason: 'Ugyldig dato' };
  if (note.date > today) return { ok: false, reason: 'Datoen for et fremdriftsnotat kan ikke være fram i tid' };
  if (note.text.trim() === '') return { ok: false, reason: 'Notatet kan ikke være tomt' };
  return OK;
}

/** A copy of the measure with the note appended (notes kept in date order). */
export function addProgressNote(measure: PlanMeasure, note: ProgressNote, today: IsoDate): Result<PlanMeasure> {
  const check = checkProgressNote(note, today);
  if (!check.ok) return check;
  const progressNotes = [...measure.progressNotes, { date: note.date, text: note.text.trim() }];
  progressNotes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ok: true, value: { ...measure, progressNotes } };
}

// ---------------------------------------------------------------------------
// Deadlines
// ---------------------------------------------------------------------------

/** Measures still open (planned/ongoing) whose due date has passed, earliest first. */
export function overdueMeasures(plan: PlanView, today: IsoDate): MeasureView[] {
  return plan.measures
    .filter((m) => (m.status === 'planned' || m.status === 'ongoing') && m.dueDate !== undefined && m.dueDate < today)
    .sort((a, b) => ((a.dueDate ?? '') < (b.dueDate ?? '') ? -1 : (a.dueDate ?? '') > (b.dueDate ?? '') ? 1 : a.id - b.id));
}

export interface RevisionOutlook {
  /** First revision date on or after `today`, or null when none is scheduled. */
  next: IsoDate | null;
  /** Scheduled revision dates before `today` that have not been held, earliest first. */
  overdue: IsoDate[];
}

/**
 * Next scheduled revision and revisions that are overdue. `lastRevisionOn` is the date of the
 * most recent revision actually held; scheduled dates on or before it count as handled.
 */
export function nextRevision(plan: PlanView, today: IsoDate, lastRevisionOn?: IsoDate): RevisionOutlook {
  const dates = [...new Set(plan.revisionDates)].sort();
  return {
    next: dates.find((d) => d >= today) ?? null,
    overdue: dates.filter((d) => d < today && (lastRevisionOn === undefined || d > lastRevisionOn)),
  };
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

/**
 * Field-keyed Norwegian messages; keys are dotted paths (`period.to`, `goals.0.text`,
 * `measures.2.responsible`). One message per field; an empty object means valid.
 */
export type PlanErrors = Record<string, string>;

const INVALID_DATE = 'Ugyldig dato';

/**
 * Validates the plan. With `today`, progress notes dated in the future are also refused.
 */
export function validatePlan(plan: PlanView, today?: IsoDate): PlanErrors {
  const errors: PlanErrors = {};
  const add = (field: string, message: string): void => {
    if (!(field in errors)) errors[field] = message;
  };
  const date = (field: string, value: IsoDate | undefined): value is IsoDate => {
    if (value === undefined) return false;
    if (value.trim() === '') {
      add(field, 'Fyll inn dato');
      return false;
    }
    if (isIsoDate(value)) return true;
    add(field, INVALID_DATE);
    return false;
  };

  const { from, to } = plan.period;
  const fromOk = date('period.from', from);
  const toOk = date('period.to', to);
  const periodOk = fromOk && toOk;
  if (periodOk && to < from) add('period.to', 'Planperioden kan ikke slutte før den starter');

  plan.revisionDates.forEach((d, i) => {
    const field = `revisionDates.${i}`;
    if (date(field, d) && periodOk && to >= from && (d < from || d > to)) {
      add(field, `Revisjonsdatoen ${formatDate(d)} ligger utenfor planperioden`);
    }
  });

  const goalIds = new Set<number>();
  plan.goals.forEach((g, i) => {
    if (goalIds.has(g.id)) add(`goals.${i}.id`, 'Målet finnes allerede i planen');
    goalIds.add(g.id);
    if (g.text.trim() === '') add(`goals.${i}.text`, 'Skriv målet med pasientens egne ord');
    date(`goals.${i}.targetDate`, g.targetDate);
  });

  const measureIds = new Set<number>();
  plan.measures.forEach((m, i) => {
    const f = `measures.${i}`;
    if (measureIds.has(m.id)) add(`${f}.id`, 'Tiltaket finnes allerede i planen');
    measureIds.add(m.id);
    if (m.what.trim() === '') add(`${f}.what`, 'Beskriv tiltaket');
    if (m.responsible.trim() === '') add(`${f}.responsible`, 'Tiltaket må ha en ansvarlig');
    const { startDate, dueDate } = m;
    const startOk = date(`${f}.startDate`, startDate);
    const dueOk = date(`${f}.dueDate`, dueDate);
    if (startOk && dueOk && dueDate < startDate) {
      add(`${f}.dueDate`, 'Fristen kan ikke være før startdatoen');
    }
    if (m.goalId !== undefined && !plan.goals.some((g) => g.id === m.goalId)) {
      add(`${f}.goalId`, 'Tiltaket viser til et mål som ikke finnes i planen');
    }
    m.progressNotes.forEach((n, j) => {
      const nf = `${f}.progressNotes.${j}`;
      if (date(`${nf}.date`, n.date) && today !== undefined && n.date > today) {
        add(`${nf}.date`, 'Datoen kan ikke være fram i tid');
      }
      if (n.text.trim() === '') add(`${nf}.text`, 'Notatet kan ikke være tomt');
    });
  });

  const { givenAt, withdrawnAt, coversParticipantIds } = plan.consent;
  const givenOk = date('consent.givenAt', givenAt);
  if (date('consent.withdrawnAt', withdrawnAt)) {
    if (givenAt === undefined) {
      add('consent.withdrawnAt', 'Samtykket kan ikke trekkes tilbake før det er gitt');
    } else if (givenOk && withdrawnAt < givenAt) {
      add('consent.withdrawnAt', 'Samtykket kan ikke være trukket tilbake før det ble gitt');
    }
  }
  if (coversParticipantIds.some((id) => !plan.participants.some((p) => p.id === id))) {
    add('consent.coversParticipantIds', 'Samtykket omfatter en deltaker som ikke er med i planarbeidet');
  }

  return errors;
}

export function isPlanValid(plan: PlanView, today?: IsoDate): boolean {
  return Object.keys(validatePlan(plan, today)).length === 0;
}
