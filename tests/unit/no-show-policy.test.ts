import { describe, expect, it } from 'vitest';
import {
  CASE_OUTCOMES,
  DEFAULT_NO_SHOW_POLICY,
  canClose,
  caseSteps,
  requiredRecipients,
  resolvePolicy,
  suggestsPatientPostponed,
  validateAttempt,
  validatePolicy,
  type AttemptOutcome,
  type CaseOutcome,
  type ContactAttempt,
  type LetterRecipient,
  type NoShowCase,
  type NoShowPolicy,
} from '../../shared/domain/no-show-policy';

// Monday 2 March 2026, 10:00 in Oslo.
const NO_SHOW_AT = '2026-03-02T09:00:00.000Z';

function attempt(day: number, outcome: AttemptOutcome = 'no_answer', channel: ContactAttempt['channel'] = 'phone'): ContactAttempt {
  const dd = String(day).padStart(2, '0');
  return { at: `2026-03-${dd}T10:00:00.000Z`, channel, outcome, by: 'koordinator', note: '' };
}

function letter(recipient: LetterRecipient, day = 10): NoShowCase['letters'][number] {
  return { recipient, printedAt: `2026-03-${String(day).padStart(2, '0')}T12:00:00.000Z` };
}

function makeCase(over: Partial<NoShowCase> = {}): NoShowCase {
  return { noShowAt: NO_SHOW_AT, attempts: [], letters: [], ...over };
}

// ---------------------------------------------------------------------------
// The full matrix: attempts × letters × outcome × policy
// ---------------------------------------------------------------------------

const POLICIES: { name: string; policy: NoShowPolicy }[] = [
  { name: 'standard (2 forsøk, brev til pasient og henviser)', policy: DEFAULT_NO_SHOW_POLICY },
  { name: '3 forsøk, ikke brev til henviser', policy: resolvePolicy({ attemptsRequired: 3, letterToReferrer: false }) },
  {
    name: '1 forsøk, brev også til kommunen',
    policy: resolvePolicy({ attemptsRequired: 1, letterToMunicipalCoordinator: true }),
  },
];

const ATTEMPT_SETS: { name: string; attempts: ContactAttempt[] }[] = [
  { name: '0 forsøk', attempts: [] },
  { name: '1 forsøk uten svar', attempts: [attempt(3)] },
  { name: '1 forsøk, nådd', attempts: [attempt(3, 'reached')] },
  { name: '2 forsøk uten svar', attempts: [attempt(3), attempt(5, 'message_left', 'sms')] },
  { name: '2 forsøk, siste nådd', attempts: [attempt(3, 'wrong_number'), attempt(5, 'reached')] },
  { name: '3 forsøk uten svar', attempts: [attempt(3), attempt(5, 'other'), attempt(6, 'no_answer', 'digital_message')] },
  { name: '3 forsøk, siste nådd', attempts: [attempt(3), attempt(5), attempt(6, 'reached')] },
];

const LETTER_SETS: { name: string; letters: LetterRecipient[] }[] = [
  { name: 'ingen brev', letters: [] },
  { name: 'brev til pasient', letters: ['patient'] },
  { name: 'brev til henviser', letters: ['referrer'] },
  { name: 'brev til begge', letters: ['patient', 'referrer'] },
];

const LETTER_MISSING: Record<LetterRecipient, string> = {
  patient: 'Brev til pasienten er ikke sendt',
  referrer: 'Brev til henviser/fastlege er ikke sendt',
  municipal_coordinator: 'Brev til koordinator i kommunen er ikke sendt',
};

/** The rules of DOMAIN.md §6 and the brief, written out independently of the implementation. */
function expected(policy: NoShowPolicy, attempts: ContactAttempt[], letters: LetterRecipient[], outcome: CaseOutcome) {
  const missing: string[] = [];
  if (outcome === 'closed_not_reached') {
    const short = policy.attemptsRequired - attempts.length;
    if (short > 0) missing.push(`${short} kontaktforsøk til mangler`);
    if (policy.letterToPatient && !letters.includes('patient')) missing.push(LETTER_MISSING.patient);
    if (policy.letterToReferrer && !letters.includes('referrer')) missing.push(LETTER_MISSING.referrer);
    if (policy.letterToMunicipalCoordinator && !letters.includes('municipal_coordinator')) {
      missing.push(LETTER_MISSING.municipal_coordinator);
    }
  }
  if (outcome === 'declined' && !attempts.some((a) => a.outcome === 'reached')) {
    missing.push('Det mangler et kontaktforsøk der vi fikk kontakt med pasienten');
  }
  if (outcome === 'new_appointment') missing.push('Ny time er ikke koblet til saken');
  return missing.length === 0 ? { ok: true } : { ok: false, missing };
}

const MATRIX = POLICIES.flatMap((p) =>
  ATTEMPT_SETS.flatMap((a) =>
    LETTER_SETS.flatMap((l) =>
      CASE_OUTCOMES.map((outcome) => ({
        label: `${p.name} | ${a.name} | ${l.name} | ${outcome}`,
        policy: p.policy,
        attempts: a.attempts,
        letters: l.letters,
        outcome,
      })),
    ),
  ),
);

describe('canClose – every combination of attempts, letters, outcome and policy', () => {
  it('covers 3 policies × 7 attempt sets × 4 letter sets × 4 outcomes', () => {
    expect(MATRIX).toHaveLength(3 * 7 * 4 * 4);
  });

  it.each(MATRIX)('$label', ({ policy, attempts, letters, outcome }) => {
    const state = makeCase({ attempts, letters: letters.map((r) => letter(r)) });
    expect(canClose(policy, state, outcome)).toEqual(expected(policy, attempts, letters, outcome));
  });
});

describe('canClose – spot checks in plain words', () => {
  const policy = DEFAULT_NO_SHOW_POLICY;

  it('nothing done: two attempts and both letters missing', () => {
    expect(canClose(policy, makeCase(), 'closed_not_reached')).toEqual({
      ok: false,
      missing: ['2 kontaktforsøk til mangler', 'Brev til pasienten er ikke sendt', 'Brev til henviser/fastlege er ikke sendt'],
    });
  });

  it('two attempts and both letters: may close', () => {
    const state = makeCase({ attempts: [attempt(3), attempt(5)], letters: [letter('patient'), letter('referrer')] });
    expect(canClose(policy, state, 'closed_not_reached')).toEqual({ ok: true });
  });

  it('an attempt that reached the patient counts towards the required number', () => {
    const state = makeCase({ attempts: [attempt(3, 'reached'), attempt(5)], letters: [letter('patient'), letter('referrer')] });
    expect(canClose(policy, state, 'closed_not_reached')).toEqual({ ok: true });
  });

  it('3-attempt policy without referrer letter', () => {
    const p = resolvePolicy({ attemptsRequired: 3, letterToReferrer: false });
    const state = makeCase({ attempts: [attempt(3)], letters: [] });
    expect(canClose(p, state, 'closed_not_reached')).toEqual({
      ok: false,
      missing: ['2 kontaktforsøk til mangler', 'Brev til pasienten er ikke sendt'],
    });
  });

  it('escalation is allowed with nothing done', () => {
    expect(canClose(policy, makeCase(), 'escalated')).toEqual({ ok: true });
  });

  it('escalation is allowed even after a routine closure', () => {
    expect(canClose(policy, makeCase({ outcome: 'closed_not_reached' }), 'escalated')).toEqual({ ok: true });
  });

  it('escalation twice is refused', () => {
    expect(canClose(policy, makeCase({ outcome: 'escalated' }), 'escalated')).toEqual({
      ok: false,
      missing: ['Saken er allerede meldt til behandler'],
    });
  });

  it.each(['closed_not_reached', 'declined', 'new_appointment'] as const)('a closed case cannot be closed again as %s', (outcome) => {
    const state = makeCase({
      attempts: [attempt(3, 'reached'), attempt(5)],
      letters: [letter('patient'), letter('referrer')],
      outcome: 'new_appointment',
      newAppointmentId: 'a1',
    });
    expect(canClose(policy, state, outcome)).toEqual({ ok: false, missing: ['Saken er allerede avsluttet'] });
  });

  it('new appointment: id from the closure details', () => {
    expect(canClose(policy, makeCase(), 'new_appointment', { newAppointmentId: 'appt-17' })).toEqual({ ok: true });
  });

  it('new appointment: id already on the case', () => {
    expect(canClose(policy, makeCase({ newAppointmentId: 'appt-17' }), 'new_appointment')).toEqual({ ok: true });
  });

  it.each([null, '', '   '])('new appointment: %j is not a linked appointment', (id) => {
    expect(canClose(policy, makeCase(), 'new_appointment', { newAppointmentId: id })).toEqual({
      ok: false,
      missing: ['Ny time er ikke koblet til saken'],
    });
  });

  it('declined needs no letters, only a reached attempt', () => {
    expect(canClose(policy, makeCase({ attempts: [attempt(3, 'reached')] }), 'declined')).toEqual({ ok: true });
  });
});

// ---------------------------------------------------------------------------
// Steps and due dates
// ---------------------------------------------------------------------------

describe('caseSteps', () => {
  const policy = DEFAULT_NO_SHOW_POLICY;

  it('fresh case: attempts, letters, waiting — with due dates', () => {
    const { steps, nextStep, closed } = caseSteps(policy, makeCase(), '2026-03-02');
    expect(closed).toBe(false);
    expect(steps.map((s) => [s.label, s.done, s.due])).toEqual([
      ['Kontaktforsøk 1', false, '2026-03-09'],
      ['Kontaktforsøk 2', false, '2026-03-11'],
      ['Brev til pasienten', false, '2026-03-13'],
      ['Brev til henviser/fastlege', false, '2026-03-13'],
      ['Venter på svar', false, '2026-03-27'],
    ]);
    expect(nextStep).toMatchObject({ due: '2026-03-09', state: 'on_time', daysUntilDue: 7 });
    expect(nextStep?.step).toMatchObject({ kind: 'attempt', number: 1 });
  });

  it.each([
    ['2026-03-06', 'on_time', 3],
    ['2026-03-07', 'soon', 2],
    ['2026-03-09', 'soon', 0],
    ['2026-03-10', 'overdue', -1],
    ['2026-03-20', 'overdue', -11],
  ] as const)('first attempt seen on %s is %s', (today, state, days) => {
    expect(caseSteps(policy, makeCase(), today).nextStep).toMatchObject({ state, daysUntilDue: days });
  });

  it('a done attempt moves the next due date: 2 days after it was made', () => {
    const { steps, nextStep } = caseSteps(policy, makeCase({ attempts: [attempt(4)] }), '2026-03-05');
    expect(steps[0]).toMatchObject({ done: true, at: '2026-03-04T10:00:00.000Z', due: '2026-03-09' });
    expect(steps[1]).toMatchObject({ done: false, due: '2026-03-06' });
    expect(steps[2]).toMatchObject({ due: '2026-03-08' });
    expect(nextStep).toMatchObject({ due: '2026-03-06', state: 'soon', daysUntilDue: 1 });
    expect(nextStep?.step).toMatchObject({ kind: 'attempt', number: 2 });
  });

  it('after the attempts the letters are next', () => {
    const { nextStep } = caseSteps(policy, makeCase({ attempts: [attempt(3), attempt(5)] }), '2026-03-06');
    expect(nextStep?.step).toMatchObject({ kind: 'letter', recipient: 'patient' });
    expect(nextStep?.due).toBe('2026-03-07');
  });

  it('after the letters we wait 14 days from the last letter', () => {
    const state = makeCase({ attempts: [attempt(3), attempt(5)], letters: [letter('patient', 9), letter('referrer', 10)] });
    const { nextStep } = caseSteps(policy, state, '2026-03-10');
    expect(nextStep?.step).toMatchObject({ kind: 'await_answer', label: 'Venter på svar' });
    expect(nextStep).toMatchObject({ due: '2026-03-24', state: 'on_time' });
    expect(caseSteps(policy, state, '2026-03-25').nextStep?.state).toBe('overdue');
  });

  it('attempts are shown in time order whatever order they were recorded in', () => {
    const { steps } = caseSteps(policy, makeCase({ attempts: [attempt(5), attempt(3)] }), '2026-03-06');
    expect(steps.slice(0, 2).map((s) => s.at)).toEqual(['2026-03-03T10:00:00.000Z', '2026-03-05T10:00:00.000Z']);
  });

  it('3 attempts and no referrer letter', () => {
    const p = resolvePolicy({ attemptsRequired: 3, letterToReferrer: false });
    const { steps } = caseSteps(p, makeCase(), '2026-03-02');
    expect(steps.map((s) => [s.label, s.due])).toEqual([
      ['Kontaktforsøk 1', '2026-03-09'],
      ['Kontaktforsøk 2', '2026-03-11'],
      ['Kontaktforsøk 3', '2026-03-13'],
      ['Brev til pasienten', '2026-03-15'],
      ['Venter på svar', '2026-03-29'],
    ]);
  });

  it('no letters in the policy: the wait runs from the last attempt', () => {
    const p = resolvePolicy({ letterToPatient: false, letterToReferrer: false });
    const { steps } = caseSteps(p, makeCase({ attempts: [attempt(3), attempt(5)] }), '2026-03-06');
    expect(steps.map((s) => s.kind)).toEqual(['attempt', 'attempt', 'await_answer']);
    expect(steps[2]?.due).toBe('2026-03-19');
  });

  it('extra attempts and letters are listed as done but not required', () => {
    const state = makeCase({
      attempts: [attempt(3), attempt(4), attempt(5)],
      letters: [letter('municipal_coordinator')],
    });
    const { steps } = caseSteps(policy, state, '2026-03-10');
    expect(steps[2]).toMatchObject({ kind: 'attempt', number: 3, required: false, done: true, due: null });
    expect(steps.find((s) => s.kind === 'letter' && s.recipient === 'municipal_coordinator')).toMatchObject({
      required: false,
      done: true,
      due: null,
    });
  });

  it('the first letter to a recipient is the one that counts', () => {
    const state = makeCase({ letters: [letter('patient', 12), letter('patient', 10)] });
    const step = caseSteps(policy, state, '2026-03-12').steps.find((s) => s.kind === 'letter');
    expect(step?.at).toBe('2026-03-10T12:00:00.000Z');
  });

  it('a closed case has no next step and the wait is done', () => {
    const { nextStep, closed, steps } = caseSteps(policy, makeCase({ outcome: 'escalated' }), '2026-03-30');
    expect(closed).toBe(true);
    expect(nextStep).toBeNull();
    expect(steps.at(-1)).toMatchObject({ kind: 'await_answer', done: true });
  });

  it('the no-show date is the date in Oslo, not in UTC', () => {
    // 23:30 UTC on 1 March is 00:30 on 2 March in Oslo.
    const { nextStep } = caseSteps(policy, makeCase({ noShowAt: '2026-03-01T23:30:00.000Z' }), '2026-03-02');
    expect(nextStep?.due).toBe('2026-03-09');
  });

  it('days to first contact is a setting', () => {
    const p = resolvePolicy({ daysToFirstContact: 3 });
    expect(caseSteps(p, makeCase(), '2026-03-02').nextStep?.due).toBe('2026-03-05');
  });
});

// ---------------------------------------------------------------------------
// Recording an attempt
// ---------------------------------------------------------------------------

describe('validateAttempt', () => {
  const policy = DEFAULT_NO_SHOW_POLICY;
  const now = '2026-03-05T12:00:00.000Z';

  it('a sensible attempt is valid', () => {
    expect(validateAttempt(policy, makeCase(), attempt(4), now)).toEqual([]);
  });

  it('at the moment of the no-show and at the moment now are both allowed', () => {
    expect(validateAttempt(policy, makeCase(), { ...attempt(4), at: NO_SHOW_AT }, now)).toEqual([]);
    expect(validateAttempt(policy, makeCase(), { ...attempt(4), at: now }, now)).toEqual([]);
  });

  it('dated in the future', () => {
    expect(validateAttempt(policy, makeCase(), { ...attempt(4), at: '2026-03-05T12:01:00.000Z' }, now)).toEqual([
      { field: 'at', message: 'Tidspunktet er fram i tid. Registrer forsøket etter at det er gjort.' },
    ]);
  });

  it('dated before the no-show', () => {
    expect(validateAttempt(policy, makeCase(), { ...attempt(4), at: '2026-03-02T08:59:00.000Z' }, now)).toEqual([
      { field: 'at', message: 'Tidspunktet er før timen pasienten ikke møtte til. Kontroller dato og klokkeslett.' },
    ]);
  });

  it.each(['', 'i går', '2026-03-04', '2026-03-04T10:00', '2026-13-04T10:00:00Z'])('invalid timestamp %j', (at) => {
    expect(validateAttempt(policy, makeCase(), { ...attempt(4), at }, now)).toEqual([
      { field: 'at', message: 'Tidspunktet er ugyldig. Skriv inn dato og klokkeslett.' },
    ]);
  });

  it('a timestamp with an offset is understood', () => {
    expect(validateAttempt(policy, makeCase(), { ...attempt(4), at: '2026-03-04T11:00:00+01:00' }, now)).toEqual([]);
  });

  it('channel not allowed by the policy names the allowed ones', () => {
    const p = resolvePolicy({ channels: ['phone', 'digital_message'] });
    expect(validateAttempt(p, makeCase(), attempt(4, 'no_answer', 'sms'), now)).toEqual([
      { field: 'channel', message: 'SMS er ikke tillatt etter reglene for ikke møtt. Velg telefon eller digital melding.' },
    ]);
    const onlyPhone = resolvePolicy({ channels: ['phone'] });
    expect(validateAttempt(onlyPhone, makeCase(), attempt(4, 'no_answer', 'digital_message'), now)).toEqual([
      { field: 'channel', message: 'Digital melding er ikke tillatt etter reglene for ikke møtt. Velg telefon.' },
    ]);
  });

  it('unknown channel or outcome (from outside the type system)', () => {
    const bad = { at: attempt(4).at, channel: 'fax', outcome: 'maybe' } as unknown as ContactAttempt;
    expect(validateAttempt(policy, makeCase(), bad, now)).toEqual([
      { field: 'channel', message: 'Velg kanal for kontaktforsøket.' },
      { field: 'outcome', message: 'Velg utfall av kontaktforsøket.' },
    ]);
  });

  it.each(['closed_not_reached', 'declined', 'new_appointment', 'escalated'] as const)('case already closed (%s)', (outcome) => {
    expect(validateAttempt(policy, makeCase({ outcome }), attempt(4), now)).toEqual([
      { field: 'case', message: 'Saken er avsluttet. Kontaktforsøk kan ikke registreres på en avsluttet sak.' },
    ]);
  });

  it('reports every problem at once', () => {
    const p = resolvePolicy({ channels: ['phone'] });
    const errors = validateAttempt(p, makeCase({ outcome: 'declined' }), attempt(9, 'reached', 'sms'), now);
    expect(errors.map((e) => e.field)).toEqual(['case', 'at', 'channel']);
  });
});

// ---------------------------------------------------------------------------
// A letter is not a contact attempt (issue #13)
// ---------------------------------------------------------------------------

describe('letters and attempts are separate requirements', () => {
  const policy = DEFAULT_NO_SHOW_POLICY;
  const now = '2026-03-20T12:00:00.000Z';

  it('letters alone (recorded as attempts before the rule) never meet the attempts', () => {
    const state = makeCase({ attempts: [attempt(3, 'other', 'letter'), attempt(5, 'other', 'letter')], letters: [letter('patient'), letter('referrer')] });
    expect(canClose(policy, state, 'closed_not_reached')).toEqual({ ok: false, missing: ['2 kontaktforsøk til mangler'] });
    expect(caseSteps(policy, state, '2026-03-12').nextStep?.step).toMatchObject({ kind: 'attempt', number: 1 });
  });

  it('two phone attempts and the letters: may close; one phone attempt plus a letter-attempt: one missing', () => {
    const letters = [letter('patient'), letter('referrer')];
    expect(canClose(policy, makeCase({ attempts: [attempt(3), attempt(5)], letters }), 'closed_not_reached')).toEqual({ ok: true });
    expect(canClose(policy, makeCase({ attempts: [attempt(3), attempt(5, 'other', 'letter')], letters }), 'closed_not_reached')).toEqual({
      ok: false,
      missing: ['1 kontaktforsøk til mangler'],
    });
  });

  it('a letter cannot be recorded as an attempt, and a policy cannot allow it', () => {
    expect(validateAttempt(policy, makeCase(), attempt(4, 'no_answer', 'letter'), now)).toEqual([
      { field: 'channel', message: 'Et brev er ikke et kontaktforsøk. Skriv ut brevet under «Brev»; det er et eget krav.' },
    ]);
    expect(validatePolicy({ ...policy, channels: ['phone', 'letter'] })).toEqual([
      'Brev er ikke et kontaktforsøk. Brev er et eget krav i reglene for ikke møtt.',
    ]);
    expect(resolvePolicy({ channels: ['phone', 'letter'] }).channels).toEqual(['phone']);
  });

  it('declined needs a reached contact attempt, not a letter', () => {
    expect(canClose(policy, makeCase({ attempts: [attempt(3, 'reached', 'letter')] }), 'declined').ok).toBe(false);
  });
});

// ---------------------------------------------------------------------------
// Policy
// ---------------------------------------------------------------------------

describe('policy', () => {
  it('defaults: 2 attempts by phone, SMS or digital message (a letter is not an attempt), 7 days, letters to patient and referrer', () => {
    expect(DEFAULT_NO_SHOW_POLICY).toEqual({
      attemptsRequired: 2,
      channels: ['phone', 'sms', 'digital_message'],
      daysToFirstContact: 7,
      letterToPatient: true,
      letterToReferrer: true,
      letterToMunicipalCoordinator: false,
    });
    expect(validatePolicy(DEFAULT_NO_SHOW_POLICY)).toEqual([]);
    expect(requiredRecipients(DEFAULT_NO_SHOW_POLICY)).toEqual(['patient', 'referrer']);
  });

  it('resolvePolicy lays settings over the defaults', () => {
    expect(resolvePolicy({ attemptsRequired: 3 })).toEqual({ ...DEFAULT_NO_SHOW_POLICY, attemptsRequired: 3 });
  });

  it.each([1, 5])('%i attempts is allowed', (n) => {
    expect(validatePolicy(resolvePolicy({ attemptsRequired: n }))).toEqual([]);
  });

  it.each([0, 6, 2.5, Number.NaN])('%d attempts is refused', (n) => {
    expect(validatePolicy(resolvePolicy({ attemptsRequired: n }))).toEqual(['Antall kontaktforsøk må være et helt tall fra 1 til 5']);
  });

  it('needs a channel and a sensible number of days', () => {
    expect(validatePolicy(resolvePolicy({ channels: [], daysToFirstContact: -1 }))).toEqual([
      'Velg minst én kanal for kontaktforsøk',
      'Dager til første kontakt må være et helt tall fra 0 til 30',
    ]);
  });
});

// ---------------------------------------------------------------------------
// Patient-postponed (L)
// ---------------------------------------------------------------------------

describe('suggestsPatientPostponed', () => {
  it.each([
    ['2026-03-02', '2026-03-11T12:00:00.000Z', false], // 7 working days: not more than 7
    ['2026-03-02', '2026-03-12T12:00:00.000Z', true], // 8 working days
    ['2026-03-02', '2026-03-11T23:30:00.000Z', true], // already 12 March in Oslo
    ['2026-03-02', '2026-03-02T12:00:00.000Z', false],
    // Easter 2026: Maundy Thursday 2 Apr, Good Friday 3 Apr, Easter Monday 6 Apr are not working days.
    ['2026-03-30', '2026-04-13T10:00:00.000Z', false],
    ['2026-03-30', '2026-04-14T10:00:00.000Z', true],
  ] as const)('no-show %s, now %s → %s', (noShow, now, expectedResult) => {
    expect(suggestsPatientPostponed(noShow, now)).toBe(expectedResult);
  });

  it('counting Saturdays reaches the limit sooner', () => {
    expect(suggestsPatientPostponed('2026-03-02', '2026-03-11T12:00:00.000Z', { countSaturdays: true })).toBe(true);
  });
});
