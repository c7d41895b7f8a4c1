import { describe, expect, it } from 'vitest';
import { PATHWAY_TYPE_IDS, type PathwayTypeId, type SettingId } from '../../shared/domain/pathway-types';
import {
  DECISION_OUTCOMES,
  NATIONAL_RULE_PACK,
  eventCode,
  eventCodeDetails,
  pathwayDefinition,
  ruleVersionFor,
  timesFor,
  type Confidence,
  type EventType,
  type RuleVersion,
} from '../../shared/domain/rule-pack';

const versions = NATIONAL_RULE_PACK.versions;
function current(pathwayType: PathwayTypeId): RuleVersion {
  const v = ruleVersionFor(versions, pathwayType, '2026-01-01');
  if (!v) throw new Error(`no version for ${pathwayType}`);
  return v;
}

type Row = [PathwayTypeId, SettingId, EventType, EventType, number, Confidence];
// DOMAIN.md §3, one row per pathway, setting and time (eating disorders: default = stricter, severe).
const EXPECTED: Row[] = [
  ['tsb', 'outpatient', 'first_attendance', 'clinical_decision', 21, 'unconfirmed'],
  ['tsb', 'inpatient', 'first_attendance', 'clinical_decision', 7, 'unconfirmed'],
  ['tsb', 'outpatient', 'clinical_decision', 'evaluation', 7, 'unconfirmed'],
  ['tsb', 'inpatient', 'clinical_decision', 'evaluation', 7, 'unconfirmed'],
  ['tsb', 'outpatient', 'evaluation', 'evaluation', 56, 'unconfirmed'],
  ['tsb', 'inpatient', 'evaluation', 'evaluation', 42, 'unconfirmed'],
  ['tsb', 'outpatient', 'detox_end', 'follow_on_treatment', 3, 'unconfirmed'],
  ['tsb', 'inpatient', 'detox_end', 'follow_on_treatment', 0, 'unconfirmed'],
  ['eating_disorder_child', 'outpatient', 'start', 'first_attendance', 7, 'confirmed'],
  ['eating_disorder_child', 'inpatient', 'start', 'first_attendance', 7, 'confirmed'],
  ['eating_disorder_child', 'outpatient', 'first_attendance', 'clinical_decision', 42, 'confirmed'],
  ['eating_disorder_child', 'inpatient', 'first_attendance', 'clinical_decision', 14, 'confirmed'],
  ['eating_disorder_child', 'outpatient', 'clinical_decision', 'evaluation', 28, 'confirmed'],
  ['eating_disorder_child', 'inpatient', 'clinical_decision', 'evaluation', 14, 'confirmed'],
  ['eating_disorder_child', 'outpatient', 'evaluation', 'evaluation', 42, 'confirmed'],
  ['eating_disorder_child', 'inpatient', 'evaluation', 'evaluation', 14, 'confirmed'],
  ['ocd', 'outpatient', 'start', 'first_attendance', 42, 'confirmed'],
  ['ocd', 'inpatient', 'start', 'first_attendance', 42, 'confirmed'],
  ['ocd', 'outpatient', 'first_attendance', 'clinical_decision', 56, 'confirmed'],
  ['ocd', 'inpatient', 'first_attendance', 'clinical_decision', 56, 'confirmed'],
  ['pregnant_substance', 'outpatient', 'first_attendance', 'clinical_decision', 7, 'confirmed'],
  ['pregnant_substance', 'inpatient', 'first_attendance', 'clinical_decision', 7, 'confirmed'],
  ['pregnant_substance', 'outpatient', 'clinical_decision', 'evaluation', 14, 'confirmed'],
  ['pregnant_substance', 'inpatient', 'clinical_decision', 'evaluation', 7, 'confirmed'],
  ['pregnant_substance', 'outpatient', 'evaluation', 'evaluation', 42, 'confirmed'],
  ['pregnant_substance', 'inpatient', 'evaluation', 'evaluation', 42, 'confirmed'],
  ['psychosis', 'outpatient', 'start', 'first_attendance', 7, 'confirmed'],
  ['psychosis', 'inpatient', 'start', 'first_attendance', 7, 'confirmed'],
  ['adult_mental', 'outpatient', 'first_attendance', 'clinical_decision', 42, 'unconfirmed'],
  ['adult_mental', 'inpatient', 'first_attendance', 'clinical_decision', 42, 'unconfirmed'],
  ['child_mental', 'outpatient', 'first_attendance', 'clinical_decision', 42, 'unconfirmed'],
  ['child_mental', 'inpatient', 'first_attendance', 'clinical_decision', 42, 'unconfirmed'],
];

describe('pathway times per pathway and setting (current versions)', () => {
  it.each(EXPECTED)('%s %s: %s → %s = %i days (%s)', (pathwayType, setting, from, to, days, confidence) => {
    const time = timesFor(current(pathwayType), setting).find((t) => t.fromEvent === from && t.toEvent === to);
    expect(time).toMatchObject({ pathwayType, setting, days, unit: 'calendar', confidence });
    expect(time?.source).toMatch(/Helsedirektoratet/);
  });

  it.each(PATHWAY_TYPE_IDS.flatMap((p) => (['outpatient', 'inpatient'] as const).map((s) => [p, s] as const)))(
    '%s %s has exactly the expected times, no more',
    (pathwayType, setting) => {
      const got = timesFor(current(pathwayType), setting)
        .map((t) => `${t.fromEvent}>${t.toEvent}`)
        .sort();
      const want = EXPECTED.filter((r) => r[0] === pathwayType && r[1] === setting)
        .map((r) => `${r[2]}>${r[3]}`)
        .sort();
      expect(got).toEqual(want);
    },
  );

  it('eating disorders: severity picks the variant, none means the stricter', () => {
    const v = current('eating_disorder_child');
    const firstAttendance = (sev?: 'severe' | 'less_severe') => timesFor(v, 'outpatient', sev).find((t) => t.toEvent === 'first_attendance');
    expect(firstAttendance('less_severe')).toMatchObject({ days: 28, variant: 'less_severe' });
    expect(firstAttendance('severe')).toMatchObject({ days: 7, variant: 'severe' });
    expect(firstAttendance()).toMatchObject({ days: 7, variant: 'severe' });
  });

  it('pregnant women inpatient keeps the 3–7 day range visible in the note', () => {
    const t = timesFor(current('pregnant_substance'), 'inpatient').find((x) => x.toEvent === 'clinical_decision');
    expect(t?.note).toContain('3–7');
  });

  it('every time id is unique across the whole pack and days are non-negative integers', () => {
    const all = versions.flatMap((v) => v.times);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    for (const t of all) expect(Number.isInteger(t.days) && t.days >= 0).toBe(true);
  });
});

describe('versions and clock start', () => {
  it.each(['tsb', 'adult_mental', 'child_mental'] as const)('%s: 2019 from referral received, 2024 from referral assessed', (p) => {
    const own = versions.filter((v) => v.pathwayType === p);
    expect(own.map((v) => [v.validFrom, v.clockStart, v.origin])).toEqual([
      ['2019-01-01', 'referral_received', 'national'],
      ['2024-01-01', 'referral_assessed', 'national'],
    ]);
  });

  it.each(['eating_disorder_child', 'ocd', 'pregnant_substance', 'psychosis'] as const)('%s: one national version from referral received', (p) => {
    const own = versions.filter((v) => v.pathwayType === p);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ validFrom: '2019-01-01', clockStart: 'referral_received', origin: 'national' });
  });

  it('D11/D12 2019 versions carry today’s times but mark them unconfirmed', () => {
    const v2019 = ruleVersionFor(versions, 'adult_mental', '2020-06-01');
    expect(v2019?.id).toBe('national-2019-adult_mental');
    expect(v2019?.times.every((t) => t.confidence === 'unconfirmed')).toBe(true);
  });

  it('TSB (issue #13): the 2019 times are the sourced ones; the 2024 version is unverified', () => {
    const v2019 = ruleVersionFor(versions, 'tsb', '2020-06-01');
    const v2024 = ruleVersionFor(versions, 'tsb', '2024-06-01');
    expect(v2019?.id).toBe('national-2019-tsb');
    expect(v2019?.times.every((t) => t.confidence === 'confirmed' && /2019/.test(t.source))).toBe(true);
    expect(v2024?.times.every((t) => t.confidence === 'unconfirmed' && t.note !== null)).toBe(true);
  });

  it('the 2024-01-01 start-rule switch date has no source: marked unconfirmed with a note', () => {
    for (const p of ['adult_mental', 'child_mental', 'tsb'] as const) {
      const v = versions.find((x) => x.id === `national-2024-${p}`);
      expect(v).toMatchObject({ validFrom: '2024-01-01', validFromConfidence: 'unconfirmed' });
      expect(v?.validFromNote).toMatch(/ingen kilde/);
    }
    expect(versions.find((x) => x.id === 'national-2019-tsb')?.validFromConfidence ?? 'confirmed').toBe('confirmed');
  });

  it('TSB evaluations repeat only in the first year (repeatWithinDays 365) in both versions', () => {
    for (const id of ['national-2019-tsb', 'national-2024-tsb']) {
      const evals = versions.find((v) => v.id === id)?.times.filter((t) => t.fromEvent === 'evaluation' && t.toEvent === 'evaluation') ?? [];
      expect(evals).toHaveLength(2);
      expect(evals.every((t) => t.repeatWithinDays === 365)).toBe(true);
    }
  });

  it('picks the version in force on the date', () => {
    expect(ruleVersionFor(versions, 'adult_mental', '2018-12-31')).toBeNull();
    expect(ruleVersionFor(versions, 'adult_mental', '2019-01-01')?.id).toBe('national-2019-adult_mental');
    expect(ruleVersionFor(versions, 'adult_mental', '2023-12-31')?.id).toBe('national-2019-adult_mental');
    expect(ruleVersionFor(versions, 'adult_mental', '2024-01-01')?.id).toBe('national-2024-adult_mental');
    expect(ruleVersionFor(versions, 'ocd', '2030-01-01')?.id).toBe('national-2019-ocd');
  });

  describe('a local version takes precedence from its validFrom', () => {
    const local: RuleVersion = {
      id: 'local-2025-adult_mental',
      pathwayType: 'adult_mental',
      validFrom: '2025-03-01',
      validTo: '2025-12-31',
      clockStart: 'referral_assessed',
      origin: 'local',
      source: 'Lokal prosedyre',
      times: [],
    };
    const later: RuleVersion = { ...local, id: 'local-2025b-adult_mental', validFrom: '2025-06-01' };
    const all = [...versions, local, later];
    it('before, during, and after its validity', () => {
      expect(ruleVersionFor(all, 'adult_mental', '2025-02-28')?.id).toBe('national-2024-adult_mental');
      expect(ruleVersionFor(all, 'adult_mental', '2025-03-01')?.id).toBe('local-2025-adult_mental');
      expect(ruleVersionFor(all, 'adult_mental', '2025-06-01')?.id).toBe('local-2025b-adult_mental');
      expect(ruleVersionFor(all, 'adult_mental', '2026-01-01')?.id).toBe('national-2024-adult_mental');
    });
    it('over a newer national version, and only for its own pathway', () => {
      const old: RuleVersion = { ...local, id: 'local-2020', validFrom: '2020-01-01', validTo: null };
      expect(ruleVersionFor([...versions, old], 'adult_mental', '2024-06-01')?.id).toBe('local-2020');
      expect(ruleVersionFor([...versions, old], 'child_mental', '2024-06-01')?.id).toBe('national-2024-child_mental');
    });
  });
});

describe('events, outcomes and codes', () => {
  it('every pathway has the base events; TSB also the detox events', () => {
    for (const p of PATHWAY_TYPE_IDS) {
      const types = pathwayDefinition(p)?.events.map((e) => e.type) ?? [];
      expect(types).toEqual(
        expect.arrayContaining(['start', 'first_attendance', 'clinical_decision', 'evaluation', 'patient_postponed', 'end', 'own_clinician']),
      );
      expect(types.includes('detox_end')).toBe(p === 'tsb');
    }
  });

  it('clinical decision: at most two, outcome required; seven outcomes with Norwegian labels', () => {
    const cd = pathwayDefinition('adult_mental')?.events.find((e) => e.type === 'clinical_decision');
    expect(cd).toMatchObject({ maxPerPathway: 2, requiresOutcome: true });
    expect(DECISION_OUTCOMES.map((o) => o.code)).toEqual(['CU', 'CP', 'CT', 'CS', 'CK', 'CA', 'CI']);
    expect(DECISION_OUTCOMES.find((o) => o.code === 'CU')?.label).toBe('Behov for utvidet utredning');
    expect(DECISION_OUTCOMES.filter((o) => o.next === 'treatment').map((o) => o.code)).toEqual(['CP', 'CT']);
  });

  it('procedure codes', () => {
    expect(eventCode('adult_mental', 'clinical_decision', 'CP')).toBe('D11CP');
    expect(eventCode('child_mental', 'clinical_decision', 'CU')).toBe('D12CU');
    expect(eventCode('tsb', 'clinical_decision', 'CT')).toBe('D01CT');
    expect(eventCode('tsb', 'start')).toBe('D01A');
    expect(eventCode('adult_mental', 'patient_postponed')).toBe('D11L');
    expect(eventCodeDetails('adult_mental', 'patient_postponed')?.confidence).toBe('confirmed');
    expect(eventCodeDetails('tsb', 'start')?.confidence).toBe('unconfirmed');
  });

  it('no code for pathways without one, events without one, or a decision without outcome', () => {
    expect(eventCode('eating_disorder_child', 'clinical_decision', 'CP')).toBeNull();
    expect(eventCode('psychosis', 'start')).toBeNull();
    expect(eventCode('adult_mental', 'own_clinician')).toBeNull();
    expect(eventCode('tsb', 'detox_end')).toBeNull();
    expect(eventCode('adult_mental', 'clinical_decision')).toBeNull();
    expect(eventCode('adult_mental', 'detox_end')).toBeNull();
  });
});
