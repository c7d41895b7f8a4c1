import { describe, expect, it } from 'vitest';
import { computeDeadlines, latestCareDeadline, type Deadline, type DeadlineResult } from '../../shared/domain/deadlines';
import type { PathwayEvent, PathwayFacts } from '../../shared/domain/pathway-facts';
import { NATIONAL_RULE_PACK, ruleVersionFor, timesFor, type PathwayTime, type RuleVersion } from '../../shared/domain/rule-pack';

const VERSIONS = NATIONAL_RULE_PACK.versions;

function facts(over: Partial<PathwayFacts> = {}): PathwayFacts {
  const pathwayType = over.pathwayType ?? 'adult_mental';
  const referralReceived = over.referralReceived ?? '2026-03-30';
  return {
    pathwayType,
    setting: 'outpatient',
    referralReceived,
    events: [],
    today: '2026-04-10',
    ruleVersion: ruleVersionFor(VERSIONS, pathwayType, referralReceived),
    ...over,
  };
}

function byKey(r: DeadlineResult, key: string): Deadline {
  const d = r.deadlines.find((x) => x.key === key);
  if (!d) throw new Error(`no deadline ${key} in ${r.deadlines.map((x) => x.key).join(', ')}`);
  return d;
}
function byTarget(r: DeadlineResult, label: string): Deadline[] {
  return r.deadlines.filter((x) => x.label === label);
}
const ev = (type: PathwayEvent['type'], date: string, extra: Partial<PathwayEvent> = {}): PathwayEvent => ({ type, date, ...extra });

describe('referral assessment: 10 working days (legal)', () => {
  it('across Easter 2026: received Mon 30 March → due Thu 16 April, holidays listed', () => {
    const d = byKey(computeDeadlines(facts()), 'legal/referral-assessment');
    expect(d).toMatchObject({ kind: 'legal', label: 'Vurder henvisningen', due: '2026-04-16', met: null, state: 'on_time', daysLeft: 6 });
    expect(d.explanation).toMatchObject({
      startEvent: 'referral_received',
      startDate: '2026-03-30',
      offset: 10,
      unit: 'working',
      ruleId: 'legal/referral-assessment',
      ruleVersionId: null,
      confidence: 'confirmed',
      unconfirmed: false,
    });
    expect(d.explanation?.source).toContain('§ 2-2');
    expect(d.explanation?.holidaysSkipped).toEqual([
      { date: '2026-04-02', name: 'Skjærtorsdag' },
      { date: '2026-04-03', name: 'Langfredag' },
      { date: '2026-04-06', name: 'Andre påskedag' },
    ]);
  });

  it.each([
    ['2026-04-12', 'on_time', 4],
    ['2026-04-13', 'soon', 3],
    ['2026-04-16', 'soon', 0],
    ['2026-04-17', 'overdue', -1],
  ] as const)('today %s → %s (%i days left)', (today, state, daysLeft) => {
    expect(byKey(computeDeadlines(facts({ today })), 'legal/referral-assessment')).toMatchObject({ state, daysLeft });
  });

  it('met on the due day is on time; met a day late is a breach', () => {
    expect(byKey(computeDeadlines(facts({ referralAssessed: '2026-04-16', today: '2026-05-01' })), 'legal/referral-assessment')).toMatchObject({
      met: '2026-04-16',
      state: 'on_time',
      daysLeft: null,
    });
    expect(byKey(computeDeadlines(facts({ referralAssessed: '2026-04-17', today: '2026-05-01' })), 'legal/referral-assessment')).toMatchObject({
      met: '2026-04-17',
      state: 'overdue',
    });
  });

  it('counting Saturdays moves the due date to Tue 14 April', () => {
    const r = computeDeadlines(facts({ calendarOptions: { countSaturdays: true } }));
    expect(byKey(r, 'legal/referral-assessment').due).toBe('2026-04-14');
  });

  it('is the next action while the referral is unassessed', () => {
    expect(computeDeadlines(facts()).nextAction).toMatchObject({ label: 'Vurder henvisningen', due: '2026-04-16' });
  });
});

describe('care deadline (frist) and the under-23 limit', () => {
  // 65 working days after Wed 15 April 2026, skipping 1 May, Ascension 14 May and Whit Monday 25 May
  // (17 May is a Sunday): Mon 20 July 2026, counted by hand.
  const base = { referralAssessed: '2026-04-15', patientBirthDate: '2004-05-01', today: '2026-04-20' };

  // Issue #13: the 65-working-day limit is counted from RECEIPT (Mon 30 March 2026) until its anchor in the
  // priority regulation is verified. By hand: skipping Maundy Thursday 2 Apr, Good Friday 3 Apr, Easter Monday
  // 6 Apr, 1 May, Ascension 14 May, Whit Monday 25 May (17 May is a Sunday) → the 65th is Tue 7 July 2026.
  it('frist on the 65th working day after receipt is accepted; the explanation says how it is counted', () => {
    const r = computeDeadlines(facts({ ...base, careDeadline: '2026-07-07' }));
    expect(r.validations.filter((v) => v.severity === 'error')).toEqual([]);
    const d = byKey(r, 'legal/care-deadline');
    expect(d).toMatchObject({ label: 'Start helsehjelp innen frist', due: '2026-07-07', met: null, state: 'on_time' });
    expect(d.explanation).toMatchObject({ startEvent: 'referral_assessed', startDate: '2026-04-15', unit: 'working' });
    expect(d.explanation?.note).toContain('Under 23 år: senest 07.07.2026');
    expect(d.explanation?.note).toContain('regnet fra henvisningen ble mottatt');
    expect(d.explanation?.note).toContain('forankringen i prioriteringsforskriften er bekreftet');
    expect(latestCareDeadline(facts(base))).toEqual({ date: '2026-07-07', from: '2026-03-30' });
  });

  it('one working day later is rejected with the proposed date, counted from receipt', () => {
    const r = computeDeadlines(facts({ ...base, careDeadline: '2026-07-08' }));
    expect(r.validations).toContainEqual({
      code: 'care_deadline_over_65_working_days',
      severity: 'error',
      message:
        'Pasienten var under 23 år da henvisningen ble mottatt. Foreslått frist: 07.07.2026 ' +
        '(65 virkedager etter at henvisningen ble mottatt 30.03.2026; strengeste lesning, forankringen i prioriteringsforskriften ' +
        'er ikke bekreftet). Fristen er satt til 08.07.2026 (66 virkedager etter mottak).',
    });
  });

  it('the old anchor (65 working days after the assessment, 20 July) is now too late', () => {
    const r = computeDeadlines(facts({ ...base, careDeadline: '2026-07-20' }));
    expect(r.validations.map((v) => v.code)).toContain('care_deadline_over_65_working_days');
  });

  it('with Saturdays counted the latest date is Sat 20 June 2026 (counted by hand)', () => {
    expect(latestCareDeadline(facts({ ...base, calendarOptions: { countSaturdays: true } }))?.date).toBe('2026-06-20');
  });

  it('no limit is proposed for a patient 23 or older, or without a birth date', () => {
    expect(latestCareDeadline(facts({ ...base, patientBirthDate: '1990-01-01' }))).toBeNull();
    expect(latestCareDeadline(facts({ ...base, patientBirthDate: null }))).toBeNull();
  });

  it('age is taken at referral received: 23rd birthday on that day is not under 23', () => {
    const over = computeDeadlines(facts({ ...base, patientBirthDate: '2003-03-30', careDeadline: '2026-09-01' }));
    expect(over.validations.map((v) => v.code)).not.toContain('care_deadline_over_65_working_days');
    const under = computeDeadlines(facts({ ...base, patientBirthDate: '2003-03-31', careDeadline: '2026-09-01' }));
    expect(under.validations.map((v) => v.code)).toContain('care_deadline_over_65_working_days');
  });

  it('missing birth date, missing frist, frist before assessment', () => {
    const codes = (f: Partial<PathwayFacts>) => computeDeadlines(facts(f)).validations.map((v) => v.code);
    expect(codes({ ...base, patientBirthDate: null, careDeadline: '2026-06-01' })).toContain('birth_date_missing');
    expect(codes({ ...base })).toContain('care_deadline_missing');
    expect(codes({ ...base, careDeadline: '2026-04-14' })).toContain('care_deadline_before_assessment');
    expect(codes({ referralAssessed: '2026-03-29' })).toContain('assessed_before_received');
  });

  it('a missing frist is state none, never on time, and becomes the next action', () => {
    const r = computeDeadlines(facts({ referralAssessed: '2026-04-10' }));
    const d = byKey(r, 'legal/care-deadline');
    expect(d).toMatchObject({ due: null, state: 'none', daysLeft: null });
    expect(d.explanation?.note).toBe('Frist for nødvendig helsehjelp er ikke registrert');
    expect(r.nextAction).toMatchObject({ key: 'legal/care-deadline', state: 'none' });
  });

  it('is met by the first attendance', () => {
    const r = computeDeadlines(facts({ ...base, careDeadline: '2026-07-20', events: [ev('first_attendance', '2026-07-21')], today: '2026-08-01' }));
    expect(byKey(r, 'legal/care-deadline')).toMatchObject({ met: '2026-07-21', state: 'overdue' });
  });
});

describe('one deadline per rule, pathway and setting (current versions)', () => {
  const anchor = '2026-03-02';
  const cases: [string, PathwayTime][] = VERSIONS.filter((v) => ruleVersionFor(VERSIONS, v.pathwayType, '2026-02-01')?.id === v.id)
    .flatMap((v) => (['outpatient', 'inpatient'] as const).flatMap((s) => timesFor(v, s)))
    .map((t) => [t.id, t]);

  it.each(cases)('%s', (_id, time) => {
    const events: PathwayEvent[] = [];
    let referralReceived = '2026-02-02';
    if (time.fromEvent === 'start') referralReceived = anchor;
    if (time.fromEvent === 'first_attendance') events.push(ev('first_attendance', anchor));
    if (time.fromEvent === 'clinical_decision') events.push(ev('first_attendance', '2026-02-16'), ev('clinical_decision', anchor, { outcome: 'CP' }));
    if (time.fromEvent === 'evaluation') {
      events.push(ev('first_attendance', '2026-02-09'), ev('clinical_decision', '2026-02-16', { outcome: 'CT' }), ev('evaluation', anchor));
    }
    if (time.fromEvent === 'detox_end') events.push(ev('detox_end', anchor));
    const r = computeDeadlines(
      facts({ pathwayType: time.pathwayType, setting: time.setting, referralReceived, referralAssessed: '2026-02-02', events, today: anchor }),
    );
    const ds = r.deadlines.filter((d) => d.explanation?.ruleId === time.id);
    const d = ds.at(-1);
    const expected = new Date(Date.UTC(2026, 2, 2 + time.days)).toISOString().slice(0, 10);
    expect(d).toMatchObject({ kind: 'pathway', due: expected, met: null, daysLeft: time.days });
    expect(d?.explanation).toMatchObject({ startDate: anchor, offset: time.days, unit: 'calendar', confidence: time.confidence });
    expect(d?.explanation?.unconfirmed).toBe(time.confidence === 'unconfirmed');
  });
});

describe('TSB: a pathway end to end, hand-checked', () => {
  const events = [ev('first_attendance', '2026-03-16'), ev('clinical_decision', '2026-04-01', { outcome: 'CP' }), ev('evaluation', '2026-04-08')];
  const tsb = { pathwayType: 'tsb', referralReceived: '2026-03-02', referralAssessed: '2026-03-09', careDeadline: '2026-04-20' } as const;

  it('outpatient: decision 21 calendar days (Easter not skipped), first evaluation 7, then every 56', () => {
    const r = computeDeadlines(facts({ ...tsb, events, today: '2026-05-01' }));
    expect(byTarget(r, 'Klinisk beslutning')[0]).toMatchObject({ due: '2026-04-06', met: '2026-04-01', state: 'on_time' });
    expect(byTarget(r, 'Første evaluering')[0]).toMatchObject({ due: '2026-04-08', met: '2026-04-08', state: 'on_time' });
    expect(byTarget(r, 'Evaluering')).toEqual([expect.objectContaining({ due: '2026-06-03', met: null, state: 'on_time', daysLeft: 33 })]);
    expect(byTarget(r, 'Klinisk beslutning')[0]?.explanation?.holidaysSkipped).toEqual([]);
    expect(r.nextAction).toMatchObject({ label: 'Evaluering', due: '2026-06-03' });
    expect(r.clockStart).toEqual({ date: '2026-03-09', basis: 'referral_assessed' });
  });

  it('inpatient: decision 7 days, evaluations every 42', () => {
    const r = computeDeadlines(facts({ ...tsb, setting: 'inpatient', events, today: '2026-05-01' }));
    expect(byTarget(r, 'Klinisk beslutning')[0]).toMatchObject({ due: '2026-03-23', met: '2026-04-01', state: 'overdue' });
    expect(byTarget(r, 'Evaluering')[0]).toMatchObject({ due: '2026-05-20' });
  });

  it('each evaluation opens the next interval; a late one is a breach', () => {
    const r = computeDeadlines(facts({ ...tsb, events: [...events, ev('evaluation', '2026-06-10')], today: '2026-06-11' }));
    expect(byTarget(r, 'Evaluering').map((d) => [d.due, d.met, d.state])).toEqual([
      ['2026-06-03', '2026-06-10', 'overdue'],
      ['2026-08-05', null, 'on_time'],
    ]);
  });

  it('after CU the first evaluation runs from the second decision (CP)', () => {
    const r = computeDeadlines(
      facts({
        ...tsb,
        events: [
          ev('first_attendance', '2026-03-16'),
          ev('clinical_decision', '2026-03-30', { outcome: 'CU' }),
          ev('clinical_decision', '2026-04-20', { outcome: 'CP' }),
        ],
        today: '2026-04-21',
      }),
    );
    expect(byTarget(r, 'Første evaluering')).toEqual([expect.objectContaining({ due: '2026-04-27', met: null })]);
    expect(byTarget(r, 'Klinisk beslutning')[0]).toMatchObject({ met: '2026-03-30' });
  });

  it('a decision that ends the pathway (CI) gives no evaluation; nothing open → "Ingen frist"', () => {
    const r = computeDeadlines(
      facts({
        ...tsb,
        events: [ev('first_attendance', '2026-03-16'), ev('clinical_decision', '2026-03-30', { outcome: 'CI' })],
        today: '2026-04-21',
      }),
    );
    expect(byTarget(r, 'Første evaluering')).toEqual([]);
    expect(r.nextAction).toMatchObject({ key: 'none', kind: 'none', label: 'Ingen frist', state: 'none', due: null, explanation: null });
  });

  it('detox end → follow-on treatment: outpatient 3 days, inpatient same day', () => {
    const e = [ev('detox_end', '2026-04-02')];
    expect(byTarget(computeDeadlines(facts({ ...tsb, events: e })), 'Videre behandling etter avrusning')[0]?.due).toBe('2026-04-05');
    expect(byTarget(computeDeadlines(facts({ ...tsb, setting: 'inpatient', events: e })), 'Videre behandling etter avrusning')[0]?.due).toBe('2026-04-02');
  });

  it('ended pathway: open intervals dropped, earlier breaches kept, next action says so', () => {
    const r = computeDeadlines(
      facts({
        ...tsb,
        setting: 'inpatient',
        events: [...events, ev('end', '2026-05-01')],
        today: '2026-06-01',
      }),
    );
    expect(byTarget(r, 'Evaluering')).toEqual([]);
    expect(byTarget(r, 'Klinisk beslutning')[0]).toMatchObject({ state: 'overdue' });
    expect(r.ended).toBe('2026-05-01');
    expect(r.nextAction).toMatchObject({ key: 'none', label: 'Forløpet er avsluttet', state: 'none' });
  });
});

describe('patient postponed (L) does not stop the clock', () => {
  const d11 = { referralReceived: '2026-01-05', referralAssessed: '2026-01-12', careDeadline: '2026-03-02' };
  const fa = ev('first_attendance', '2026-02-02');

  it('the decision stays due 42 days after first attendance; the 14 postponed days are attributed to the patient', () => {
    const without = computeDeadlines(facts({ ...d11, events: [fa], today: '2026-03-20' }));
    const withL = computeDeadlines(facts({ ...d11, events: [fa, ev('patient_postponed', '2026-02-09', { until: '2026-02-23' })], today: '2026-03-20' }));
    const decision = byTarget(withL, 'Klinisk beslutning')[0];
    expect(decision).toMatchObject({ due: '2026-03-16', state: 'overdue', daysLeft: -4, patientPostponedDays: 14 });
    expect(byTarget(without, 'Klinisk beslutning')[0]).toMatchObject({ due: '2026-03-16', patientPostponedDays: 0 });
    expect(withL.patientPostponed).toEqual({ periods: [{ from: '2026-02-09', to: '2026-02-23', days: 14, open: false }], totalDays: 14 });
  });

  it('an open period runs to today; one without end date closes at the next event', () => {
    const open = computeDeadlines(facts({ ...d11, events: [fa, ev('patient_postponed', '2026-02-09')], today: '2026-02-19' }));
    expect(open.patientPostponed.periods).toEqual([{ from: '2026-02-09', to: '2026-02-19', days: 10, open: true }]);
    const closed = computeDeadlines(
      facts({
        ...d11,
        events: [fa, ev('patient_postponed', '2026-02-09'), ev('clinical_decision', '2026-02-20', { outcome: 'CP' })],
        today: '2026-03-01',
      }),
    );
    expect(closed.patientPostponed.periods).toEqual([{ from: '2026-02-09', to: '2026-02-20', days: 11, open: false }]);
  });

  it('overlapping periods are counted once', () => {
    const r = computeDeadlines(
      facts({
        ...d11,
        events: [fa, ev('patient_postponed', '2026-02-09', { until: '2026-02-23' }), ev('patient_postponed', '2026-02-16', { until: '2026-02-26' })],
        today: '2026-03-01',
      }),
    );
    expect(r.patientPostponed.totalDays).toBe(17);
    expect(byTarget(r, 'Klinisk beslutning')[0]?.patientPostponedDays).toBe(17);
  });
});

describe('clock start, versions and confidence', () => {
  it('D11 (2024 version) runs from the assessment; not started before it', () => {
    expect(computeDeadlines(facts()).clockStart).toEqual({ date: null, basis: 'referral_assessed' });
    expect(computeDeadlines(facts({ referralAssessed: '2026-04-08' })).clockStart).toEqual({ date: '2026-04-08', basis: 'referral_assessed' });
  });

  it('D11 referral from 2023 uses the 2019 version: clock from receipt, times unconfirmed', () => {
    const r = computeDeadlines(facts({ referralReceived: '2023-06-01', events: [ev('first_attendance', '2023-06-20')], today: '2023-07-01' }));
    expect(r.clockStart).toEqual({ date: '2023-06-01', basis: 'referral_received' });
    expect(byTarget(r, 'Klinisk beslutning')[0]?.explanation).toMatchObject({ ruleVersionId: 'national-2019-adult_mental', unconfirmed: true });
  });

  it('an unconfirmed rule is flagged in the explanation; a confirmed one is not', () => {
    const d11 = computeDeadlines(facts({ events: [ev('first_attendance', '2026-04-08')] }));
    expect(byTarget(d11, 'Klinisk beslutning')[0]?.explanation).toMatchObject({
      confidence: 'unconfirmed',
      unconfirmed: true,
      ruleVersionId: 'national-2024-adult_mental',
      note: '«Omtrent 42 dager»',
    });
    // TSB: the 2019 version's times are the sourced ones (issue #13); the 2024 version's are not.
    const tsb = computeDeadlines(
      facts({ pathwayType: 'tsb', referralReceived: '2023-03-01', today: '2023-04-10', events: [ev('first_attendance', '2023-04-03')] }),
    );
    expect(byTarget(tsb, 'Klinisk beslutning')[0]?.explanation).toMatchObject({
      confidence: 'confirmed',
      unconfirmed: false,
      ruleVersionId: 'national-2019-tsb',
    });
    const tsb2024 = computeDeadlines(facts({ pathwayType: 'tsb', events: [ev('first_attendance', '2026-04-08')] }));
    expect(byTarget(tsb2024, 'Klinisk beslutning')[0]?.explanation).toMatchObject({ confidence: 'unconfirmed', unconfirmed: true });
  });

  it('eating disorders: first attendance from referral received, by severity (Easter Monday not skipped)', () => {
    const ed = { pathwayType: 'eating_disorder_child' } as const;
    expect(byTarget(computeDeadlines(facts(ed)), 'Første fremmøte')[0]?.due).toBe('2026-04-06');
    expect(byTarget(computeDeadlines(facts({ ...ed, severity: 'less_severe' })), 'Første fremmøte')[0]?.due).toBe('2026-04-27');
    expect(byTarget(computeDeadlines(facts({ ...ed, events: [ev('start', '2026-04-01')] })), 'Første fremmøte')[0]).toMatchObject({
      due: '2026-04-08',
      explanation: expect.objectContaining({ startEvent: 'start', startDate: '2026-04-01' }),
    });
  });

  it('OCD: 42 days from referral received; psychosis: 7', () => {
    expect(byTarget(computeDeadlines(facts({ pathwayType: 'ocd' })), 'Første fremmøte')[0]?.due).toBe('2026-05-11');
    expect(byTarget(computeDeadlines(facts({ pathwayType: 'psychosis' })), 'Første fremmøte')[0]?.due).toBe('2026-04-06');
  });

  it('a local version selected by start date wins, with working days across Easter', () => {
    const local: RuleVersion = {
      id: 'local-2026-adult_mental',
      pathwayType: 'adult_mental',
      validFrom: '2026-01-01',
      clockStart: 'referral_assessed',
      origin: 'local',
      source: 'Lokal prosedyre, Helse Eksempel',
      times: [
        {
          id: 'local-2026-adult_mental/outpatient/first_attendance-clinical_decision',
          pathwayType: 'adult_mental',
          setting: 'outpatient',
          fromEvent: 'first_attendance',
          toEvent: 'clinical_decision',
          days: 10,
          unit: 'working',
          confidence: 'local',
          source: 'Lokal prosedyre',
          note: null,
        },
      ],
    };
    const all = [...VERSIONS, local];
    const on = (received: string) =>
      computeDeadlines(
        facts({
          referralReceived: received,
          ruleVersion: ruleVersionFor(all, 'adult_mental', received),
          events: [ev('first_attendance', '2026-03-30')],
          today: '2026-04-01',
        }),
      );
    const d = byTarget(on('2026-03-02'), 'Klinisk beslutning')[0];
    expect(d).toMatchObject({ due: '2026-04-16' });
    expect(d?.explanation).toMatchObject({ ruleVersionId: 'local-2026-adult_mental', unit: 'working', confidence: 'local', unconfirmed: false });
    expect(d?.explanation?.holidaysSkipped.map((h) => h.date)).toEqual(['2026-04-02', '2026-04-03', '2026-04-06']);
    const national = byTarget(on('2025-12-15'), 'Klinisk beslutning')[0];
    expect(national?.explanation?.ruleVersionId).toBe('national-2024-adult_mental');
    expect(national?.due).toBe('2026-05-11');
  });

  it('no rule version: only the legal deadlines, with a warning', () => {
    const r = computeDeadlines(facts({ ruleVersion: null, events: [ev('first_attendance', '2026-04-08')] }));
    expect(r.deadlines.every((d) => d.kind === 'legal')).toBe(true);
    expect(r.validations.map((v) => v.code)).toContain('no_rule_version');
  });
});
