import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/domain/csv';
import { nationalFigureFor, tertialOf, tertialPeriod, tertialReportCsv, totalsOf, type TertialReport } from '../../shared/domain/tertial-report';

describe('tertials', () => {
  it('T1 January–April, T2 May–August, T3 September–December, leap years included', () => {
    expect(tertialPeriod(2028, 1)).toMatchObject({ from: '2028-01-01', to: '2028-04-30', label: '1. tertial 2028 (januar–april)' });
    expect(tertialPeriod(2027, 2)).toMatchObject({ from: '2027-05-01', to: '2027-08-31' });
    expect(tertialPeriod(2026, 3)).toMatchObject({ from: '2026-09-01', to: '2026-12-31' });
    // Maundy Thursday 2027-03-25 and 1 May 2027 fall on either side of the T1/T2 border.
    expect(tertialOf('2027-03-25')).toEqual({ year: 2027, tertial: 1 });
    expect(tertialOf('2027-04-30')).toEqual({ year: 2027, tertial: 1 });
    expect(tertialOf('2027-05-01')).toEqual({ year: 2027, tertial: 2 });
    expect(tertialOf('2026-12-31')).toEqual({ year: 2026, tertial: 3 });
  });

  it('a national figure stands only beside its measure, pathway and setting', () => {
    expect(nationalFigureFor('decision_in_time', 'adult_mental', 'inpatient')?.figure).toBe('72 %');
    expect(nationalFigureFor('decision_in_time', 'child_mental', 'outpatient')?.figure).toBe('55 %');
    expect(nationalFigureFor('decision_in_time', 'ocd', 'outpatient')).toBeNull();
    expect(nationalFigureFor('first_evaluation_in_time', 'tsb', 'inpatient')).toBeNull();
    expect(nationalFigureFor('first_evaluation_in_time', 'tsb', 'outpatient')?.figure).toBe('39–46 %');
    expect(nationalFigureFor('care_started_in_time', 'adult_mental', 'outpatient')).toBeNull();
  });
});

describe('tertial report CSV', () => {
  const report: TertialReport = {
    year: 2026,
    tertial: 3,
    from: '2026-09-01',
    to: '2026-12-31',
    label: '3. tertial 2026 (september–desember)',
    indicatorLabels: { assessed_in_time: 'A', decision_in_time: 'B', care_started_in_time: 'C', first_evaluation_in_time: 'D' },
    groups: [
      {
        pathwayType: 'tsb',
        setting: 'inpatient',
        received: 3,
        measures: [{ id: 'decision_in_time', met: 2, missed: 1, pending: 0, share: 67, national: '82 %' }],
      },
    ],
    totals: { received: 3, measures: [{ id: 'decision_in_time', met: 2, missed: 1, pending: 0, share: 67, national: null }] },
    breaches: [{ reasonCode: 'x', label: '=HYPERLINK("http://x";"y")', pathwayType: 'tsb', setting: 'inpatient', count: 2 }],
    noShows: [{ pathwayType: null, setting: null, total: 4, resolved: 3, resolvedWithinPolicy: 2, escalated: 1, open: 1 }],
    policy: '2 kontaktforsøk',
  };

  it('has the same numbers, and a unit-written reason cannot become a formula', () => {
    const rows = parseCsv(tertialReportCsv(report));
    expect(rows[0]![0]).toBe('Del');
    expect(rows).toContainEqual(['Henvisninger mottatt', report.label, 'Tverrfaglig spesialisert rusbehandling (TSB)', 'Døgn', '', '3', '', '', '', '', '']);
    expect(rows).toContainEqual(['Indikator', report.label, 'Tverrfaglig spesialisert rusbehandling (TSB)', 'Døgn', 'B', '', '2', '1', '0', '67', '82 %']);
    expect(rows).toContainEqual(['Indikator', report.label, 'Alle forløp', '', 'B', '', '2', '1', '0', '67', '']);
    const breach = rows.find((r) => r[0] === 'Overskridelse etter årsak')!;
    expect(breach[4]).toBe(`'=HYPERLINK("http://x";"y")`);
    expect(rows.find((r) => r[4]?.startsWith('Løst innen reglene'))?.slice(5, 10)).toEqual(['2', '', '', '', '50']);
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});

describe('tertial report totals', () => {
  it('sum the groups and carry no national figure', () => {
    const m = (met: number, missed: number, pending: number) => ({ id: 'decision_in_time' as const, met, missed, pending, share: null, national: '72 %' });
    const t = totalsOf(
      [
        { pathwayType: 'adult_mental', setting: 'outpatient', received: 4, measures: [m(2, 1, 1)] },
        { pathwayType: 'tsb', setting: 'inpatient', received: 2, measures: [m(1, 0, 0)] },
      ],
      ['decision_in_time'],
    );
    expect(t).toEqual({ received: 6, measures: [{ id: 'decision_in_time', met: 3, missed: 1, pending: 1, share: 75, national: null }] });
  });
});
