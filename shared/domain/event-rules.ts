/**
 * Validation of pathway facts and events, with Norwegian messages.
 *
 * Hard errors block saving; warnings are shown but allowed. Design choice: a clinical decision without a
 * first attendance is a WARNING, not an error — the code guide lets a clinical decision be registered
 * alone when the patient is granted treatment directly, without basic or extended assessment. An
 * evaluation before any clinical decision is an error: evaluations follow the decision by definition.
 */
import { addWorkingDays, workingDaysBetween } from './calendar';
import { formatDate } from './time';
import { isIsoDate } from './iso-date';
import { ageAt, eventsOfType, firstOfType, noPathway, sortedEvents, type Issue, type PathwayEvent, type PathwayFacts } from './pathway-facts';
import { DECISION_OUTCOME_CODES, eventLabel, pathwayDefinition, type EventType } from './rule-pack';

/**
 * Under 23 with mental illness or substance dependence: the care deadline may be at most this many working
 * days (DOMAIN.md §5). The limit is in the priority regulation (*prioriteringsforskriften*), not the rights
 * act; its anchor is not verified here, so it is counted from RECEIPT of the referral — the stricter
 * reading (issue #13) — and every place that shows it says so (UNDER_23_ANCHOR_NOTE).
 */
export const UNDER_23_MAX_WORKING_DAYS = 65;
export const UNDER_23_SOURCE = 'Prioriteringsforskriften (frist for pasienter under 23 år med psykisk lidelse eller rusmiddelavhengighet)';
export const UNDER_23_ANCHOR_NOTE =
  'Høyst 65 virkedager regnet fra henvisningen ble mottatt: den strengeste lesningen, til forankringen i prioriteringsforskriften er bekreftet';

const d = formatDate;

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

export function isUnder23AtReferral(facts: Pick<PathwayFacts, 'patientBirthDate' | 'referralReceived'>): boolean | null {
  return facts.patientBirthDate ? ageAt(facts.patientBirthDate, facts.referralReceived) < 23 : null;
}

/**
 * The latest allowed care deadline for a patient under 23 at referral: 65 working days after receipt
 * (Saturday setting honoured). null when the patient is not under 23 or the birth date is unknown.
 * Offered as the proposed date in the assessment dialog.
 */
export function latestCareDeadline(
  facts: Pick<PathwayFacts, 'patientBirthDate' | 'referralReceived' | 'calendarOptions'>,
): { date: string; from: string } | null {
  if (isUnder23AtReferral(facts) !== true) return null;
  return { date: addWorkingDays(facts.referralReceived, UNDER_23_MAX_WORKING_DAYS, facts.calendarOptions ?? {}).date, from: facts.referralReceived };
}

/** Checks on the referral dates and the care deadline, incl. the 65-working-day limit for under 23. */
export function validateDeadlineFacts(facts: PathwayFacts): Issue[] {
  const issues: Issue[] = [];
  const { referralReceived: received, referralAssessed: assessed, careDeadline: frist } = facts;
  const opts = facts.calendarOptions ?? {};
  const add = (code: string, severity: Issue['severity'], message: string): void => void issues.push({ code, severity, message });
  if (assessed && assessed < received) add('assessed_before_received', 'error', 'Henvisningen kan ikke være vurdert før den ble mottatt.');
  // No right (or not a pathway case): there is no care deadline to register.
  if (assessed && !frist && !noPathway(facts)) add('care_deadline_missing', 'warning', 'Frist for nødvendig helsehjelp er ikke registrert.');
  // An internal transfer carries the sending team's deadline without a new assessment here.
  if (frist && !assessed && facts.intake !== 'internal_transfer')
    add('care_deadline_without_assessment', 'warning', 'Fristen er registrert, men henvisningen er ikke registrert som vurdert.');
  if (frist && assessed && frist < assessed) {
    add('care_deadline_before_assessment', 'error', 'Fristen for nødvendig helsehjelp kan ikke være før henvisningen ble vurdert.');
  }
  const under23 = isUnder23AtReferral(facts);
  if (frist && under23 === null) {
    add('birth_date_missing', 'warning', 'Fødselsdato mangler, så 65-virkedagersgrensen for pasienter under 23 år kan ikke kontrolleres.');
  }
  const limit = latestCareDeadline(facts);
  if (frist && limit && frist > limit.date) {
    add(
      'care_deadline_over_65_working_days',
      'error',
      `Pasienten var under 23 år da henvisningen ble mottatt. Foreslått frist: ${d(limit.date)} ` +
        `(${UNDER_23_MAX_WORKING_DAYS} virkedager etter at henvisningen ble mottatt ${d(received)}; strengeste lesning, ` +
        `forankringen i prioriteringsforskriften er ikke bekreftet). Fristen er satt til ${d(frist)} ` +
        `(${workingDaysBetween(received, frist, opts)} virkedager etter mottak).`,
    );
  }
  if (!facts.ruleVersion) {
    add('no_rule_version', 'warning', 'Ingen regelversjon gjelder for forløpet; bare de lovpålagte fristene vises.');
  } else if (facts.ruleVersion.pathwayType !== facts.pathwayType) {
    add('rule_version_mismatch', 'error', 'Regelversjonen gjelder et annet forløp enn pasientens.');
  }
  return issues;
}

export type EventContext = Pick<PathwayFacts, 'pathwayType' | 'referralReceived' | 'today'>;

/** Issues with adding `event` to a pathway that already has `existing` events. */
export function validateEvent(existing: readonly PathwayEvent[], event: PathwayEvent, facts: EventContext): Issue[] {
  const issues: Issue[] = [];
  const error = (code: string, message: string): void => void issues.push({ code, severity: 'error', message });
  const warn = (code: string, message: string): void => void issues.push({ code, severity: 'warning', message });
  if (!isIsoDate(event.date)) return [{ code: 'invalid_date', severity: 'error', message: 'Datoen er ugyldig.' }];

  const def = pathwayDefinition(facts.pathwayType)?.events.find((e) => e.type === event.type);
  if (!def) error('event_not_in_pathway', `Hendelsen «${eventLabel(event.type)}» finnes ikke i dette forløpet.`);
  if (event.date < facts.referralReceived) {
    error('before_referral', `Hendelsen kan ikke være før henvisningen ble mottatt (${d(facts.referralReceived)}).`);
  }
  if (event.date > facts.today) error('future_date', 'Datoen kan ikke være fram i tid. Registrer hendelsen når den har skjedd.');

  if (event.type === 'clinical_decision') {
    if (!event.outcome || !DECISION_OUTCOME_CODES.includes(event.outcome)) {
      error('outcome_required', 'Klinisk beslutning må ha et utfall (CU, CP, CT, CS, CK, CA eller CI).');
    }
  } else if (event.outcome) {
    error('outcome_not_allowed', 'Bare klinisk beslutning kan ha utfall.');
  }
  if (event.type === 'patient_postponed' && event.until && event.until < event.date) {
    error('postponed_until_before_start', 'Slutten på pasientutsettelsen kan ikke være før starten.');
  }

  const same = eventsOfType(existing, event.type);
  const end = firstOfType(existing, 'end');
  if (event.type === 'start' && same[0]) error('start_twice', `Forløpsstart er allerede registrert (${d(same[0].date)}).`);
  if (event.type === 'first_attendance' && same[0]) error('first_attendance_twice', `Første fremmøte er allerede registrert (${d(same[0].date)}).`);
  if (event.type === 'clinical_decision') {
    if (same.length >= 2) error('max_two_decisions', 'Klinisk beslutning kan registreres høyst to ganger per forløp.');
    else if (same[0] && same[0].outcome !== 'CU') {
      warn('second_decision_without_cu', 'En andre klinisk beslutning forventes bare etter utvidet utredning (CU).');
    }
    if (!eventsOfType(existing, 'first_attendance').some((e) => e.date <= event.date)) {
      warn(
        'decision_before_attendance',
        'Klinisk beslutning uten første fremmøte før denne datoen. Det er tillatt når pasienten får rett til behandling direkte, men kontroller registreringen.',
      );
    }
  }
  if (event.type === 'evaluation' && !eventsOfType(existing, 'clinical_decision').some((e) => e.date <= event.date)) {
    error('evaluation_before_decision', 'Evaluering kan ikke registreres før klinisk beslutning.');
  }
  if (event.type === 'end') {
    if (end) error('already_ended', `Forløpet er allerede avsluttet (${d(end.date)}).`);
    const later = sortedEvents(existing)
      .filter((e) => e.date > event.date)
      .at(-1);
    if (later) error('end_before_events', `Avslutning kan ikke være før registrerte hendelser (${eventLabel(later.type)} ${d(later.date)}).`);
  } else if (end && event.date > end.date) {
    error('after_end', `Forløpet ble avsluttet ${d(end.date)}. Hendelser etter avslutning kan ikke registreres.`);
  }
  return issues;
}

// Logical order of the one-off milestones: a later one dated before an earlier one is out of order.
const ORDER: readonly EventType[] = ['start', 'first_attendance', 'clinical_decision', 'evaluation'];

/** Data-quality flags over all recorded events (warnings for the coordinator's review list). */
export function dataQualityFlags(facts: PathwayFacts): Issue[] {
  const flags: Issue[] = [];
  const flag = (code: string, message: string): void => void flags.push({ code, severity: 'warning', message });
  const events = sortedEvents(facts.events);
  const start = firstOfType(events, 'start');
  const firstAttendance = firstOfType(events, 'first_attendance');
  const decisions = eventsOfType(events, 'clinical_decision');
  const end = firstOfType(events, 'end');

  const noPathwayCase = facts.rightsDecision === 'no_right' || facts.rightsDecision === 'not_pathway';
  if (!start && !noPathwayCase && (facts.referralAssessed || events.length > 0)) flag('missing_start', 'Forløpsstart er ikke registrert.');
  if (decisions.length > 0 && !firstAttendance) flag('decision_without_attendance', 'Klinisk beslutning er registrert uten første fremmøte.');
  if (decisions.some((e) => !e.outcome)) flag('decision_without_outcome', 'Klinisk beslutning mangler utfall.');
  if (decisions.length > 2) flag('too_many_decisions', `Klinisk beslutning er registrert ${decisions.length} ganger (høyst to).`);
  const beforeReferral = events.find((e) => e.date < facts.referralReceived);
  if (beforeReferral) {
    flag('event_before_referral', `${eventLabel(beforeReferral.type)} (${d(beforeReferral.date)}) er før henvisningen ble mottatt.`);
  }

  for (let i = 0; i < ORDER.length; i++) {
    for (let j = i + 1; j < ORDER.length; j++) {
      const earlier = firstOfType(events, ORDER[i] as EventType);
      const later = firstOfType(events, ORDER[j] as EventType);
      if (earlier && later && later.date < earlier.date) {
        flag(
          'events_out_of_order',
          `${eventLabel(later.type)} (${d(later.date)}) er registrert før ${eventLabel(earlier.type).toLowerCase()} (${d(earlier.date)}).`,
        );
      }
    }
  }
  const afterEnd = end ? events.filter((e) => e.date > end.date) : [];
  if (end && afterEnd[0]) {
    flag('events_out_of_order', `${eventLabel(afterEnd[0].type)} (${d(afterEnd[0].date)}) er registrert etter avslutning (${d(end.date)}).`);
  }

  const clock = facts.ruleVersion?.clockStart;
  const expected = clock === 'referral_assessed' ? facts.referralAssessed : clock === 'referral_received' ? facts.referralReceived : null;
  if (start && expected && start.date !== expected) {
    const basis = clock === 'referral_assessed' ? 'vurdert henvisning' : 'mottatt henvisning';
    flag(
      'start_date_mismatch',
      `Forløpsstart (${d(start.date)}) avviker fra dato for ${basis} (${d(expected)}). Riktig ved øyeblikkelig hjelp eller overføring; kontroller ellers.`,
    );
  }
  return flags;
}
