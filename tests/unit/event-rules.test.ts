import { describe, expect, it } from 'vitest';
import { dataQualityFlags, hasErrors, validateEvent } from '../../shared/domain/event-rules';
import type { PathwayEvent, PathwayFacts } from '../../shared/domain/pathway-facts';
import { NATIONAL_RULE_PACK, ruleVersionFor } from '../../shared/domain/rule-pack';

const ctx = { pathwayType: 'adult_mental', referralReceived: '2026-03-02', today: '2026-06-01' } as const;
const ev = (type: PathwayEvent['type'], date: string, extra: Partial<PathwayEvent> = {}): PathwayEvent => ({ type, date, ...extra });
const codes = (existing: PathwayEvent[], e: PathwayEvent) => validateEvent(existing, e, ctx).map((i) => `${i.severity}:${i.code}`);

describe('validateEvent', () => {
  it('accepts a normal sequence', () => {
    const existing = [ev('start', '2026-03-09'), ev('first_attendance', '2026-03-20')];
    expect(validateEvent(existing, ev('clinical_decision', '2026-04-10', { outcome: 'CP' }), ctx)).toEqual([]);
  });

  it('rejects an event before the referral was received', () => {
    const issues = validateEvent([], ev('first_attendance', '2026-03-01'), ctx);
    expect(issues).toEqual([{ code: 'before_referral', severity: 'error', message: 'Hendelsen kan ikke være før henvisningen ble mottatt (02.03.2026).' }]);
    expect(hasErrors(issues)).toBe(true);
  });

  it('rejects first attendance twice', () => {
    expect(validateEvent([ev('first_attendance', '2026-03-20')], ev('first_attendance', '2026-03-27'), ctx)).toContainEqual({
      code: 'first_attendance_twice',
      severity: 'error',
      message: 'Første fremmøte er allerede registrert (20.03.2026).',
    });
  });

  it('clinical decision before first attendance is a warning only', () => {
    const issues = validateEvent([], ev('clinical_decision', '2026-03-20', { outcome: 'CP' }), ctx);
    expect(issues.map((i) => `${i.severity}:${i.code}`)).toEqual(['warning:decision_before_attendance']);
    expect(hasErrors(issues)).toBe(false);
  });

  it('rejects a third clinical decision; warns on a second one not after CU', () => {
    const fa = ev('first_attendance', '2026-03-10');
    const cu = ev('clinical_decision', '2026-03-20', { outcome: 'CU' });
    const cp = ev('clinical_decision', '2026-03-20', { outcome: 'CP' });
    expect(codes([fa, cu], ev('clinical_decision', '2026-04-20', { outcome: 'CP' }))).toEqual([]);
    expect(codes([fa, cp], ev('clinical_decision', '2026-04-20', { outcome: 'CT' }))).toEqual(['warning:second_decision_without_cu']);
    const third = validateEvent([fa, cu, cp], ev('clinical_decision', '2026-05-20', { outcome: 'CT' }), ctx);
    expect(third).toContainEqual({ code: 'max_two_decisions', severity: 'error', message: 'Klinisk beslutning kan registreres høyst to ganger per forløp.' });
  });

  it('requires an outcome on a clinical decision, and only there', () => {
    expect(validateEvent([ev('first_attendance', '2026-03-10')], ev('clinical_decision', '2026-03-20'), ctx)).toContainEqual({
      code: 'outcome_required',
      severity: 'error',
      message: 'Klinisk beslutning må ha et utfall (CU, CP, CT, CS, CK, CA eller CI).',
    });
    expect(codes([], ev('first_attendance', '2026-03-10', { outcome: 'CP' }))).toContain('error:outcome_not_allowed');
  });

  it('rejects events after the end, a second end, and an end before recorded events', () => {
    const existing = [ev('first_attendance', '2026-03-10'), ev('end', '2026-04-01')];
    expect(validateEvent(existing, ev('evaluation', '2026-04-02'), ctx)).toContainEqual(
      expect.objectContaining({ code: 'after_end', message: 'Forløpet ble avsluttet 01.04.2026. Hendelser etter avslutning kan ikke registreres.' }),
    );
    expect(codes(existing, ev('end', '2026-04-05'))).toContain('error:already_ended');
    expect(codes([ev('first_attendance', '2026-03-10')], ev('end', '2026-03-05'))).toContain('error:end_before_events');
    expect(codes(existing, ev('own_clinician', '2026-04-01'))).toEqual([]);
  });

  it('rejects an evaluation before any clinical decision', () => {
    expect(validateEvent([ev('first_attendance', '2026-03-10')], ev('evaluation', '2026-04-02'), ctx)).toContainEqual({
      code: 'evaluation_before_decision',
      severity: 'error',
      message: 'Evaluering kan ikke registreres før klinisk beslutning.',
    });
    expect(codes([ev('clinical_decision', '2026-04-05', { outcome: 'CP' })], ev('evaluation', '2026-04-02'))).toContain('error:evaluation_before_decision');
  });

  it('other checks: second start, event not in pathway, future date, bad date, postponement ending before it starts', () => {
    expect(codes([ev('start', '2026-03-09')], ev('start', '2026-03-10'))).toContain('error:start_twice');
    expect(codes([], ev('detox_end', '2026-03-10'))).toContain('error:event_not_in_pathway');
    expect(validateEvent([], ev('detox_end', '2026-03-10'), { ...ctx, pathwayType: 'tsb' })).toEqual([]);
    expect(codes([], ev('first_attendance', '2026-06-02'))).toEqual(['error:future_date']);
    expect(codes([], ev('first_attendance', '2026-02-30'))).toEqual(['error:invalid_date']);
    expect(codes([], ev('patient_postponed', '2026-03-10', { until: '2026-03-09' }))).toContain('error:postponed_until_before_start');
  });
});

describe('dataQualityFlags', () => {
  function facts(events: PathwayEvent[], over: Partial<PathwayFacts> = {}): PathwayFacts {
    return {
      pathwayType: 'adult_mental',
      setting: 'outpatient',
      referralReceived: '2026-03-02',
      referralAssessed: '2026-03-09',
      events,
      today: '2026-06-01',
      ruleVersion: ruleVersionFor(NATIONAL_RULE_PACK.versions, 'adult_mental', '2026-03-02'),
      ...over,
    };
  }
  const flagCodes = (f: PathwayFacts) => dataQualityFlags(f).map((x) => x.code);

  it('a clean pathway has no flags', () => {
    const clean = [
      ev('start', '2026-03-09'),
      ev('first_attendance', '2026-03-20'),
      ev('clinical_decision', '2026-04-10', { outcome: 'CP' }),
      ev('evaluation', '2026-04-20'),
    ];
    expect(dataQualityFlags(facts(clean))).toEqual([]);
  });

  it('missing start event', () => {
    expect(dataQualityFlags(facts([ev('first_attendance', '2026-03-20')]))).toContainEqual({
      code: 'missing_start',
      severity: 'warning',
      message: 'Forløpsstart er ikke registrert.',
    });
    expect(flagCodes(facts([], { referralAssessed: null }))).toEqual([]);
  });

  it('clinical decision without first attendance, and without outcome', () => {
    const f = facts([ev('start', '2026-03-09'), ev('clinical_decision', '2026-03-20')]);
    expect(flagCodes(f)).toEqual(expect.arrayContaining(['decision_without_attendance', 'decision_without_outcome']));
  });

  it('events out of order, with the dates in the message', () => {
    const f = facts([ev('start', '2026-03-09'), ev('first_attendance', '2026-04-10'), ev('clinical_decision', '2026-03-20', { outcome: 'CP' })]);
    expect(dataQualityFlags(f)).toContainEqual({
      code: 'events_out_of_order',
      severity: 'warning',
      message: 'Klinisk beslutning (20.03.2026) er registrert før første fremmøte (10.04.2026).',
    });
    const afterEnd = facts([ev('start', '2026-03-09'), ev('end', '2026-04-01'), ev('evaluation', '2026-04-05')]);
    expect(dataQualityFlags(afterEnd).map((x) => x.message)).toContain('Evaluering (05.04.2026) er registrert etter avslutning (01.04.2026).');
  });

  it('more than two decisions, event before referral, start date not matching the clock rule', () => {
    const many = facts([
      ev('start', '2026-03-09'),
      ev('first_attendance', '2026-03-10'),
      ev('clinical_decision', '2026-03-20', { outcome: 'CU' }),
      ev('clinical_decision', '2026-04-20', { outcome: 'CP' }),
      ev('clinical_decision', '2026-05-20', { outcome: 'CT' }),
    ]);
    expect(flagCodes(many)).toContain('too_many_decisions');
    expect(flagCodes(facts([ev('start', '2026-03-09'), ev('first_attendance', '2026-02-20')]))).toContain('event_before_referral');
    const mismatch = dataQualityFlags(facts([ev('start', '2026-03-02')]));
    expect(mismatch.map((x) => x.code)).toEqual(['start_date_mismatch']);
    expect(mismatch[0]?.message).toContain('vurdert henvisning (09.03.2026)');
  });
});
