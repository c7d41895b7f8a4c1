/**
 * No-show follow-up (ikke møtt) — the policy, the steps of one case, and the rules for
 * recording attempts and closing (DOMAIN.md §6).
 *
 * Everything here is pure: a case is a plain JSON-safe snapshot, functions never mutate it.
 * Over 400 lines on purpose: the policy, its labels and the step rules are one rule set, tested as one
 * (tests/unit/no-show-policy.test.ts); split, the due-date rules would be read apart from the policy they follow.
 * Timestamps are ISO-8601 with a zone (stored as UTC); calendar dates are IsoDate
 * (`yyyy-MM-dd`) in Europe/Oslo, because "within 7 days" is what a person in Norway counts.
 *
 * Due dates of the steps (all in calendar days, deliberately simple):
 *   - attempt 1:       no-show date + policy.daysToFirstContact
 *   - attempt k > 1:   date of attempt k−1 (or its due date while it is not done) + ATTEMPT_INTERVAL_DAYS
 *   - each letter:     date of the last required attempt (or its due date) + LETTER_AFTER_ATTEMPTS_DAYS
 *   - waiting:         date of the last required letter (or its due date) + ANSWER_WINDOW_DAYS;
 *                      when it is overdue the answer window has passed and the case is ready to close.
 * A step that is done late moves the later due dates with it; the next step is never due
 * before the previous one was done.
 */
import { type CalendarOptions } from './calendar';
import { DUE_SOON_DAYS, dueState, type DueState } from './due';
import type { IsoDate } from './iso-date';
import { patientDelay } from './patient-postponed';
import { addDays, osloDateOf } from './time';

// ---------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------

export const CONTACT_CHANNELS = ['phone', 'sms', 'digital_message', 'letter'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
/**
 * The channels a contact ATTEMPT may use. A letter is not a contact attempt (issue #13): "at least two
 * attempts plus a letter" are two separate requirements, so letters alone can never meet the attempts.
 * 'letter' stays in CONTACT_CHANNELS only so attempts stored before this rule can still be read; they
 * are not counted (countsAsAttempt).
 */
export const ATTEMPT_CHANNELS = ['phone', 'sms', 'digital_message'] as const satisfies readonly ContactChannel[];

export function countsAsAttempt(a: Pick<ContactAttempt, 'channel'>): boolean {
  return a.channel !== 'letter';
}

export const ATTEMPT_OUTCOMES = ['reached', 'no_answer', 'wrong_number', 'message_left', 'other'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

export const LETTER_RECIPIENTS = ['patient', 'referrer', 'municipal_coordinator'] as const;
export type LetterRecipient = (typeof LETTER_RECIPIENTS)[number];

export const CASE_OUTCOMES = ['new_appointment', 'declined', 'closed_not_reached', 'escalated'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const CHANNEL_LABELS: Record<ContactChannel, string> = {
  phone: 'Telefon',
  sms: 'SMS',
  digital_message: 'Digital melding',
  letter: 'Brev',
};

export const ATTEMPT_OUTCOME_LABELS: Record<AttemptOutcome, string> = {
  reached: 'Fikk kontakt',
  no_answer: 'Ikke svar',
  wrong_number: 'Feil nummer',
  message_left: 'Lagt igjen beskjed',
  other: 'Annet',
};

export const RECIPIENT_LABELS: Record<LetterRecipient, string> = {
  patient: 'Pasienten',
  referrer: 'Henviser/fastlege',
  municipal_coordinator: 'Koordinator i kommunen',
};

export const CASE_OUTCOME_LABELS: Record<CaseOutcome, string> = {
  new_appointment: 'Ny time avtalt',
  declined: 'Pasienten takket nei',
  closed_not_reached: 'Avsluttet – fikk ikke kontakt',
  escalated: 'Meldt til behandler',
};

// ---------------------------------------------------------------------------
// Policy
// ---------------------------------------------------------------------------

export interface NoShowPolicy {
  /** Contact attempts before a routine closure, 1..5. */
  attemptsRequired: number;
  /** Channels a contact attempt may use. */
  channels: readonly ContactChannel[];
  /** Calendar days from the no-show to the first contact attempt. */
  daysToFirstContact: number;
  letterToPatient: boolean;
  letterToReferrer: boolean;
  letterToMunicipalCoordinator: boolean;
}

export const DEFAULT_NO_SHOW_POLICY: NoShowPolicy = Object.freeze({
  attemptsRequired: 2,
  channels: Object.freeze([...ATTEMPT_CHANNELS]),
  daysToFirstContact: 7,
  letterToPatient: true,
  letterToReferrer: true,
  letterToMunicipalCoordinator: false,
});

export const MIN_ATTEMPTS = 1;
export const MAX_ATTEMPTS = 5;
export const MAX_DAYS_TO_FIRST_CONTACT = 30;
/** Calendar days between one unanswered attempt and the next. */
export const ATTEMPT_INTERVAL_DAYS = 2;
/** Calendar days from the last required attempt to the letters. */
export const LETTER_AFTER_ATTEMPTS_DAYS = 2;
/** Calendar days the patient has to answer a letter before the case is ready to close. */
export const ANSWER_WINDOW_DAYS = 14;
export { POSTPONED_AFTER_WORKING_DAYS } from './patient-postponed';

/** The default policy with the given settings laid over it (unknown keys are ignored). */
export function resolvePolicy(settings: Partial<NoShowPolicy> = {}): NoShowPolicy {
  return {
    attemptsRequired: settings.attemptsRequired ?? DEFAULT_NO_SHOW_POLICY.attemptsRequired,
    // A stored policy from before the rule may list 'letter': it is not an attempt channel.
    channels: (settings.channels ?? DEFAULT_NO_SHOW_POLICY.channels).filter((c) => c !== 'letter'),
    daysToFirstContact: settings.daysToFirstContact ?? DEFAULT_NO_SHOW_POLICY.daysToFirstContact,
    letterToPatient: settings.letterToPatient ?? DEFAULT_NO_SHOW_POLICY.letterToPatient,
    letterToReferrer: settings.letterToReferrer ?? DEFAULT_NO_SHOW_POLICY.letterToReferrer,
    letterToMunicipalCoordinator: settings.letterToMunicipalCoordinator ?? DEFAULT_NO_SHOW_POLICY.letterToMunicipalCoordinator,
  };
}

/** Problems with a policy as Norwegian sentences for the settings screen; empty when valid. */
export function validatePolicy(policy: NoShowPolicy): string[] {
  const errors: string[] = [];
  const n = policy.attemptsRequired;
  if (!Number.isInteger(n) || n < MIN_ATTEMPTS || n > MAX_ATTEMPTS) {
    errors.push(`Antall kontaktforsøk må være et helt tall fra ${MIN_ATTEMPTS} til ${MAX_ATTEMPTS}`);
  }
  if (policy.channels.length === 0) errors.push('Velg minst én kanal for kontaktforsøk');
  for (const c of policy.channels) {
    if (c === 'letter') errors.push('Brev er ikke et kontaktforsøk. Brev er et eget krav i reglene for ikke møtt.');
    else if (!(CONTACT_CHANNELS as readonly string[]).includes(c)) errors.push(`Ukjent kanal: ${String(c)}`);
  }
  const d = policy.daysToFirstContact;
  if (!Number.isInteger(d) || d < 0 || d > MAX_DAYS_TO_FIRST_CONTACT) {
    errors.push(`Dager til første kontakt må være et helt tall fra 0 til ${MAX_DAYS_TO_FIRST_CONTACT}`);
  }
  return errors;
}

/** Recipients the policy requires a letter to, in the order they are shown. */
export function requiredRecipients(policy: NoShowPolicy): LetterRecipient[] {
  const wanted: Record<LetterRecipient, boolean> = {
    patient: policy.letterToPatient,
    referrer: policy.letterToReferrer,
    municipal_coordinator: policy.letterToMunicipalCoordinator,
  };
  return LETTER_RECIPIENTS.filter((r) => wanted[r]);
}

// ---------------------------------------------------------------------------
// Case state
// ---------------------------------------------------------------------------

export interface ContactAttempt {
  /** When the attempt was made (ISO timestamp). */
  at: string;
  channel: ContactChannel;
  outcome: AttemptOutcome;
  /** Who made the attempt (user name or id). */
  by: string;
  note: string;
}

export interface LetterRecord {
  recipient: LetterRecipient;
  /** When the letter was printed (ISO timestamp). */
  printedAt: string;
}

export interface NoShowCase {
  /** When the missed appointment was (ISO timestamp). */
  noShowAt: string;
  attempts: readonly ContactAttempt[];
  letters: readonly LetterRecord[];
  /** Set once the case is closed (or escalated). */
  outcome?: CaseOutcome;
  /** The appointment booked instead, when the outcome is new_appointment. */
  newAppointmentId?: string | null;
}

// ---------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------

export type { DueState };

interface StepBase {
  label: string;
  /** Required by the policy; extra attempts or letters are shown but never required. */
  required: boolean;
  done: boolean;
  /** When it was done (ISO timestamp); null while not done and for the waiting step. */
  at: string | null;
  /** Due date for required steps; null for extra ones. */
  due: IsoDate | null;
}

export type CaseStep =
  | (StepBase & { kind: 'attempt'; number: number })
  | (StepBase & { kind: 'letter'; recipient: LetterRecipient })
  | (StepBase & { kind: 'await_answer' });

export interface NextStep {
  step: CaseStep;
  due: IsoDate;
  state: DueState;
  /** Negative when overdue ("2 dager over fristen"). */
  daysUntilDue: number;
}

export interface CaseProgress {
  steps: CaseStep[];
  /** The first required step not done; null once the case has an outcome. */
  nextStep: NextStep | null;
  closed: boolean;
}

const RECIPIENT_STEP_LABELS: Record<LetterRecipient, string> = {
  patient: 'Brev til pasienten',
  referrer: 'Brev til henviser/fastlege',
  municipal_coordinator: 'Brev til koordinator i kommunen',
};

/** The ordered steps of a case — attempts, letters, waiting for an answer — and the next one. */
export function caseSteps(policy: NoShowPolicy, state: NoShowCase, today: IsoDate): CaseProgress {
  const steps: CaseStep[] = [];
  const attempts = byTime(state.attempts.filter(countsAsAttempt), (a) => a.at);

  // Date of the last required step so far: when it was done, else when it was due.
  let ref = osloDate(state.noShowAt);
  const attemptSteps = Math.max(policy.attemptsRequired, attempts.length);
  for (let i = 0; i < attemptSteps; i++) {
    const attempt = attempts[i];
    const required = i < policy.attemptsRequired;
    const due = !required ? null : addDays(ref, i === 0 ? policy.daysToFirstContact : ATTEMPT_INTERVAL_DAYS);
    if (due !== null) ref = attempt ? osloDate(attempt.at) : due;
    steps.push({
      kind: 'attempt',
      number: i + 1,
      label: `Kontaktforsøk ${i + 1}`,
      required,
      done: attempt !== undefined,
      at: attempt?.at ?? null,
      due,
    });
  }

  const required = requiredRecipients(policy);
  const letterDue = addDays(ref, LETTER_AFTER_ATTEMPTS_DAYS);
  for (const recipient of LETTER_RECIPIENTS) {
    const isRequired = required.includes(recipient);
    const mine = state.letters.filter((l) => l.recipient === recipient);
    const first = byTime(mine, (l) => l.printedAt)[0];
    if (!isRequired && first === undefined) continue;
    steps.push({
      kind: 'letter',
      recipient,
      label: RECIPIENT_STEP_LABELS[recipient],
      required: isRequired,
      done: first !== undefined,
      at: first?.printedAt ?? null,
      due: isRequired ? letterDue : null,
    });
  }
  if (required.length > 0) {
    ref = steps
      .filter((s) => s.kind === 'letter' && s.required)
      .map((s) => (s.at !== null ? osloDate(s.at) : letterDue))
      .reduce((a, b) => (b > a ? b : a), '');
  }

  const closed = state.outcome !== undefined;
  steps.push({
    kind: 'await_answer',
    label: 'Venter på svar',
    required: true,
    done: closed,
    at: null,
    due: addDays(ref, ANSWER_WINDOW_DAYS),
  });

  const next = closed ? undefined : steps.find((s) => s.required && !s.done);
  return { steps, nextStep: next ? nextStepOf(next, today) : null, closed };
}

function nextStepOf(step: CaseStep, today: IsoDate): NextStep {
  // Every required step has a due date.
  const due = step.due as IsoDate;
  const { state, daysLeft } = dueState(due, today, DUE_SOON_DAYS.noShow);
  return { step, due, state, daysUntilDue: daysLeft };
}

// ---------------------------------------------------------------------------
// Closing
// ---------------------------------------------------------------------------

export type CloseCheck = { ok: true } | { ok: false; missing: string[] };

export interface CloseDetails {
  /** The appointment booked instead; overrides state.newAppointmentId. */
  newAppointmentId?: string | null;
}

/**
 * Whether the case may get this outcome, and if not, exactly what is missing.
 *
 * - escalated: always allowed (a risk signal is never blocked by paperwork), also on a case
 *   that was closed; refused only when it is already escalated.
 * - closed_not_reached: policy.attemptsRequired contact attempts (every recorded attempt counts,
 *   reached ones too, but never a letter) and, separately, a letter to each recipient the policy names.
 * - declined: an attempt where the patient was reached.
 * - new_appointment: a linked appointment id.
 * The waiting period after the letters is advice (see caseSteps), not a condition.
 */
export function canClose(policy: NoShowPolicy, state: NoShowCase, outcome: CaseOutcome, details: CloseDetails = {}): CloseCheck {
  if (outcome === 'escalated') {
    return state.outcome === 'escalated' ? fail(['Saken er allerede meldt til behandler']) : { ok: true };
  }
  if (state.outcome !== undefined) return fail(['Saken er allerede avsluttet']);

  const missing: string[] = [];
  switch (outcome) {
    case 'closed_not_reached': {
      // Only real contact attempts count; letters are checked separately below.
      const short = policy.attemptsRequired - state.attempts.filter(countsAsAttempt).length;
      if (short > 0) missing.push(`${short} kontaktforsøk til mangler`);
      const letterMissing: Record<LetterRecipient, string> = {
        patient: 'Brev til pasienten er ikke sendt',
        referrer: 'Brev til henviser/fastlege er ikke sendt',
        municipal_coordinator: 'Brev til koordinator i kommunen er ikke sendt',
      };
      for (const r of requiredRecipients(policy)) {
        if (!state.letters.some((l) => l.recipient === r)) missing.push(letterMissing[r]);
      }
      break;
    }
    case 'declined':
      if (!state.attempts.some((a) => countsAsAttempt(a) && a.outcome === 'reached')) {
        missing.push('Det mangler et kontaktforsøk der vi fikk kontakt med pasienten');
      }
      break;
    case 'new_appointment': {
      const id = details.newAppointmentId ?? state.newAppointmentId;
      if (id === undefined || id === null || id.trim() === '') missing.push('Ny time er ikke koblet til saken');
      break;
    }
  }
  return missing.length === 0 ? { ok: true } : fail(missing);
}

function fail(missing: string[]): CloseCheck {
  return { ok: false, missing };
}

// ---------------------------------------------------------------------------
// Recording an attempt
// ---------------------------------------------------------------------------

export interface AttemptError {
  field: 'at' | 'channel' | 'outcome' | 'case';
  message: string;
}

/** Problems with an attempt about to be recorded, as Norwegian errors per field; empty when valid. */
export function validateAttempt(
  policy: NoShowPolicy,
  state: NoShowCase,
  attempt: Pick<ContactAttempt, 'at' | 'channel' | 'outcome'>,
  now: string,
): AttemptError[] {
  const errors: AttemptError[] = [];
  if (state.outcome !== undefined) {
    errors.push({ field: 'case', message: 'Saken er avsluttet. Kontaktforsøk kan ikke registreres på en avsluttet sak.' });
  }
  if (!isTimestamp(attempt.at)) {
    errors.push({ field: 'at', message: 'Tidspunktet er ugyldig. Skriv inn dato og klokkeslett.' });
  } else if (Date.parse(attempt.at) > Date.parse(now)) {
    errors.push({ field: 'at', message: 'Tidspunktet er fram i tid. Registrer forsøket etter at det er gjort.' });
  } else if (Date.parse(attempt.at) < Date.parse(state.noShowAt)) {
    errors.push({
      field: 'at',
      message: 'Tidspunktet er før timen pasienten ikke møtte til. Kontroller dato og klokkeslett.',
    });
  }
  if (!(CONTACT_CHANNELS as readonly string[]).includes(attempt.channel)) {
    errors.push({ field: 'channel', message: 'Velg kanal for kontaktforsøket.' });
  } else if (attempt.channel === 'letter') {
    errors.push({ field: 'channel', message: 'Et brev er ikke et kontaktforsøk. Skriv ut brevet under «Brev»; det er et eget krav.' });
  } else if (!policy.channels.includes(attempt.channel)) {
    const allowed = CONTACT_CHANNELS.filter((c) => policy.channels.includes(c)).map((c) => lowerLabel(c));
    errors.push({
      field: 'channel',
      message: `${CHANNEL_LABELS[attempt.channel]} er ikke tillatt etter reglene for ikke møtt. Velg ${orList(allowed)}.`,
    });
  }
  if (!(ATTEMPT_OUTCOMES as readonly string[]).includes(attempt.outcome)) {
    errors.push({ field: 'outcome', message: 'Velg utfall av kontaktforsøket.' });
  }
  return errors;
}

function lowerLabel(c: ContactChannel): string {
  return c === 'sms' ? CHANNEL_LABELS[c] : CHANNEL_LABELS[c].toLowerCase();
}

function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} eller ${items[items.length - 1]}`;
}

// ---------------------------------------------------------------------------
// Patient-postponed (L)
// ---------------------------------------------------------------------------

/**
 * True when the no-show has delayed the planned activity more than 7 working days (patient-postponed.ts):
 * the new date against the planned date when a new time is booked, else the delay so far (to today).
 * Working days are counted as in calendar.ts: the planned date itself is not counted. A no-show on Monday
 * 2026-03-02 reaches 7 working days on Wednesday 03-11 and suggests L from Thursday 03-12.
 */
export function suggestsPatientPostponed(noShowDate: IsoDate, now: string, opts: CalendarOptions = {}, newDate: IsoDate | null = null): boolean {
  return patientDelay(noShowDate, newDate, osloDate(now), opts).suggests;
}

// ---------------------------------------------------------------------------
// Time helpers (private)
// ---------------------------------------------------------------------------

const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function isTimestamp(value: string): boolean {
  return typeof value === 'string' && TIMESTAMP_RE.test(value) && !Number.isNaN(Date.parse(value));
}

/** The Europe/Oslo calendar date of a timestamp. */
function osloDate(timestamp: string): IsoDate {
  return osloDateOf(timestamp);
}

function byTime<T>(items: readonly T[], at: (item: T) => string): T[] {
  return [...items].sort((a, b) => Date.parse(at(a)) - Date.parse(at(b)));
}
