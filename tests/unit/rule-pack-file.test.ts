import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseRulePackFile } from '../../shared/contract/rule-pack-file';
import { diffRulePack, isEmptyDiff, type CurrentCodes } from '../../shared/domain/rule-pack-diff';
import type { RuleVersion } from '../../shared/domain/rule-pack';

const SAMPLE = readFileSync(new URL('../fixtures/rule-pack-2027.json', import.meta.url), 'utf8');

const v = (id: string, validFrom: string, over: Partial<RuleVersion> = {}): RuleVersion => ({
  id,
  pathwayType: 'adult_mental',
  validFrom,
  validTo: null,
  clockStart: 'referral_received',
  origin: 'national',
  source: 'x',
  times: [
    {
      id: `${id}/t`,
      pathwayType: 'adult_mental',
      setting: 'outpatient',
      fromEvent: 'first_attendance',
      toEvent: 'clinical_decision',
      days: 42,
      unit: 'calendar',
      confidence: 'unconfirmed',
      source: '',
      note: null,
    },
  ],
  ...over,
});
const codes: CurrentCodes[] = [{ pathwayType: 'adult_mental', code: 'D11', events: [{ type: 'first_attendance', codeSuffix: 'F' }] }];

describe('rule pack file', () => {
  it('reads the sample pack', () => {
    const parsed = parseRulePackFile(SAMPLE);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.pack.pathways.map((p) => p.pathwayType)).toEqual(['adult_mental', 'tsb']);
  });

  it('refuses a pathway twice, a duplicate time, detox outside TSB, each by position', () => {
    const pack = JSON.parse(SAMPLE);
    pack.pathways[1].pathwayType = 'adult_mental';
    pack.pathways[0].times.push({ ...pack.pathways[0].times[0] });
    pack.pathways[0].times.push({
      setting: 'outpatient',
      fromEvent: 'detox_end',
      toEvent: 'follow_on_treatment',
      days: 3,
      unit: 'calendar',
      confidence: 'unconfirmed',
    });
    const parsed = parseRulePackFile(JSON.stringify(pack));
    expect(parsed).toEqual({
      ok: false,
      problems: [
        'Forløp 1, forløpstid 4: samme forløpstid står to ganger.',
        'Forløp 1, forløpstid 5: avrusning finnes bare i TSB-forløpet.',
        'Forløp 2: forløpstypen står to ganger i pakken.',
        // The second pathway, now D11, still has the TSB detox time.
        'Forløp 2, forløpstid 7: avrusning finnes bare i TSB-forløpet.',
      ],
    });
  });
});

describe('rule pack diff', () => {
  const pack = (over: Record<string, unknown> = {}) => ({
    validFrom: '2027-01-01',
    pathways: [
      {
        pathwayType: 'adult_mental' as const,
        clockStart: 'referral_assessed' as const,
        times: [
          {
            setting: 'outpatient' as const,
            fromEvent: 'first_attendance' as const,
            toEvent: 'clinical_decision' as const,
            days: 42,
            unit: 'calendar' as const,
            confidence: 'unconfirmed' as const,
          },
        ],
        ...over,
      },
    ],
  });

  it('compares with the latest national version before the pack date, not a local one or a later one', () => {
    const versions = [
      v('n2019', '2019-01-01'),
      v('n2024', '2024-01-01', { clockStart: 'referral_assessed' }),
      v('local', '2026-06-01', { origin: 'local' }),
      v('n2028', '2028-01-01'),
    ];
    const [d] = diffRulePack(pack(), versions, codes);
    expect(d).toMatchObject({ replaces: { id: 'n2024', validFrom: '2024-01-01' }, clockStart: null, times: [], unchanged: 1, codes: [] });
    expect(isEmptyDiff([d!])).toBe(true);
  });

  it('shows a changed clock start, a working-day time and code changes', () => {
    const [d] = diffRulePack(
      pack({
        clockStart: 'referral_received',
        times: [{ setting: 'outpatient', fromEvent: 'first_attendance', toEvent: 'clinical_decision', days: 10, unit: 'working', confidence: 'confirmed' }],
        codes: { pathway: 'D21', events: { first_attendance: 'FM', evaluation: 'E' } },
      }),
      [v('n2024', '2024-01-01', { clockStart: 'referral_assessed' })],
      codes,
    );
    expect(d!.clockStart).toEqual({ before: 'fra vurdert henvisning', after: 'fra mottatt henvisning' });
    expect(d!.times).toEqual([
      {
        change: 'changed',
        label: 'Poliklinikk: Første fremmøte → Klinisk beslutning',
        before: '42 kalenderdager (ubekreftet)',
        after: '10 virkedager (bekreftet)',
      },
    ]);
    expect(d!.codes).toEqual([
      { change: 'changed', label: 'Forløpskode', before: 'D11', after: 'D21' },
      { change: 'changed', label: 'Kode for første fremmøte', before: 'F', after: 'FM' },
      { change: 'added', label: 'Kode for evaluering', before: null, after: 'E' },
    ]);
  });
});
