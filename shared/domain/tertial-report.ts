/**
 * The unit leader's report per tertial (issue #13 §2): the national indicators the Oversikt screen computes,
 * breaches of pathway times by reason, and no-shows resolved within the unit's policy — counts only, by pathway
 * type and setting, never a patient. Pure: periods, national figures, the CSV.
 */
import { csvSafeCell } from './audit-log';
import { toCsv } from './csv';
import type { IsoDate } from './iso-date';
import { pathwayTypeLabel, settingLabel, type PathwayTypeId, type SettingId } from './pathway-types';

export type Tertial = 1 | 2 | 3;

/** Tertials as the Directorate reports them: T1 January–April, T2 May–August, T3 September–December. */
export const TERTIALS: readonly { tertial: Tertial; label: string; months: string }[] = [
  { tertial: 1, label: '1. tertial', months: 'januar–april' },
  { tertial: 2, label: '2. tertial', months: 'mai–august' },
  { tertial: 3, label: '3. tertial', months: 'september–desember' },
];

export function tertialPeriod(year: number, tertial: Tertial): { from: IsoDate; to: IsoDate; label: string } {
  const startMonth = (tertial - 1) * 4 + 1;
  const endMonth = startMonth + 3;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  const t = TERTIALS[tertial - 1]!;
  return { from: `${year}-${mm(startMonth)}-01`, to: `${year}-${mm(endMonth)}-${lastDay}`, label: `${t.label} ${year} (${t.months})` };
}

/** The tertial a date falls in. */
export function tertialOf(date: IsoDate): { year: number; tertial: Tertial } {
  const month = Number(date.slice(5, 7));
  return { year: Number(date.slice(0, 4)), tertial: month <= 4 ? 1 : month <= 8 ? 2 : 3 };
}

export type ReportIndicatorId = 'assessed_in_time' | 'decision_in_time' | 'care_started_in_time' | 'first_evaluation_in_time';

/**
 * National figures, each only beside the measure and pathway it belongs to (issue #13 §1). The figures are the
 * Directorate's for 1st tertial 2020/2021 as restated in DOMAIN.md §11 — "assessment completed within pathway
 * time" (first attendance → clinical decision) per pathway, and the first evaluation in outpatient care.
 */
export interface NationalFigure {
  indicator: ReportIndicatorId;
  /** null: the figure is for all pathways together. */
  pathwayType: PathwayTypeId | null;
  setting: SettingId | null;
  figure: string;
  source: string;
  confidence: 'confirmed' | 'unconfirmed';
}

const NATIONAL_SOURCE = 'Helsedirektoratet, nasjonale kvalitetsindikatorer for pakkeforløp psykisk helse og rus, 1. tertial 2020/2021 (gjengitt i nyhetssaker)';

export const NATIONAL_FIGURES: readonly NationalFigure[] = [
  { indicator: 'decision_in_time', pathwayType: 'adult_mental', setting: null, figure: '72 %', source: NATIONAL_SOURCE, confidence: 'confirmed' },
  { indicator: 'decision_in_time', pathwayType: 'tsb', setting: null, figure: '82 %', source: NATIONAL_SOURCE, confidence: 'confirmed' },
  { indicator: 'decision_in_time', pathwayType: 'child_mental', setting: null, figure: '55 %', source: NATIONAL_SOURCE, confidence: 'confirmed' },
  { indicator: 'first_evaluation_in_time', pathwayType: null, setting: 'outpatient', figure: '39–46 %', source: NATIONAL_SOURCE, confidence: 'confirmed' },
];

export function nationalFigureFor(indicator: ReportIndicatorId, pathwayType: PathwayTypeId, setting: SettingId): NationalFigure | null {
  return (
    NATIONAL_FIGURES.find(
      (f) => f.indicator === indicator && (f.pathwayType === null || f.pathwayType === pathwayType) && (f.setting === null || f.setting === setting),
    ) ?? null
  );
}

export interface ReportMeasure {
  id: ReportIndicatorId;
  met: number;
  missed: number;
  pending: number;
  /** met / (met + missed) in whole per cent; null when nothing was measured. */
  share: number | null;
  national: string | null;
}

export interface ReportGroup {
  pathwayType: PathwayTypeId;
  setting: SettingId;
  received: number;
  measures: ReportMeasure[];
}

export interface ReportBreach {
  reasonCode: string;
  label: string;
  pathwayType: PathwayTypeId;
  setting: SettingId;
  count: number;
}

export interface ReportNoShows {
  /** null: the missed appointment was not tied to a pathway. */
  pathwayType: PathwayTypeId | null;
  setting: SettingId | null;
  total: number;
  resolved: number;
  resolvedWithinPolicy: number;
  escalated: number;
  open: number;
}

export interface TertialReport {
  year: number;
  tertial: Tertial;
  from: IsoDate;
  to: IsoDate;
  label: string;
  indicatorLabels: Record<ReportIndicatorId, string>;
  groups: ReportGroup[];
  /** All pathway types and settings together (no national figure: those are per pathway). */
  totals: { received: number; measures: ReportMeasure[] };
  breaches: ReportBreach[];
  noShows: ReportNoShows[];
  policy: string;
}

export function share(met: number, missed: number): number | null {
  return met + missed > 0 ? Math.round((met / (met + missed)) * 100) : null;
}

/** Sums the groups' counts per measure. */
export function totalsOf(groups: readonly ReportGroup[], ids: readonly ReportIndicatorId[]): TertialReport['totals'] {
  return {
    received: groups.reduce((n, g) => n + g.received, 0),
    measures: ids.map((id) => {
      const ms = groups.map((g) => g.measures.find((m) => m.id === id)!);
      const met = ms.reduce((n, m) => n + m.met, 0);
      const missed = ms.reduce((n, m) => n + m.missed, 0);
      const pending = ms.reduce((n, m) => n + m.pending, 0);
      return { id, met, missed, pending, share: share(met, missed), national: null };
    }),
  };
}

export function groupLabel(pathwayType: PathwayTypeId | null, setting: SettingId | null): string {
  if (pathwayType === null) return 'Uten forløp';
  return `${pathwayTypeLabel(pathwayType)}, ${settingLabel(setting ?? 'outpatient').toLowerCase()}`;
}

/**
 * The same numbers as the printed report, one line per figure (Norwegian Excel dialect). Every text cell is
 * guarded against formula injection (a breach reason is the unit's own text).
 */
export function tertialReportCsv(r: TertialReport): string {
  const safe = (v: string) => csvSafeCell(v);
  const n = (v: number | null) => (v === null ? '' : String(v));
  const rows: string[][] = [
    ['Del', 'Periode', 'Forløp', 'Behandlingsnivå', 'Mål', 'Antall', 'Innen tid', 'Ikke innen tid', 'Frist ikke passert', 'Andel innen tid (%)', 'Nasjonalt'],
  ];
  const period = safe(r.label);
  for (const g of r.groups) {
    const type = safe(pathwayTypeLabel(g.pathwayType));
    const setting = safe(settingLabel(g.setting));
    rows.push(['Henvisninger mottatt', period, type, setting, '', String(g.received), '', '', '', '', '']);
    for (const m of g.measures) {
      rows.push([
        'Indikator',
        period,
        type,
        setting,
        safe(r.indicatorLabels[m.id]),
        '',
        String(m.met),
        String(m.missed),
        String(m.pending),
        n(m.share),
        safe(m.national ?? ''),
      ]);
    }
  }
  rows.push(['Henvisninger mottatt', period, 'Alle forløp', '', '', String(r.totals.received), '', '', '', '', '']);
  for (const m of r.totals.measures) {
    rows.push(['Indikator', period, 'Alle forløp', '', safe(r.indicatorLabels[m.id]), '', String(m.met), String(m.missed), String(m.pending), n(m.share), '']);
  }
  for (const b of r.breaches) {
    rows.push([
      'Overskridelse etter årsak',
      period,
      safe(pathwayTypeLabel(b.pathwayType)),
      safe(settingLabel(b.setting)),
      safe(b.label),
      String(b.count),
      '',
      '',
      '',
      '',
      '',
    ]);
  }
  for (const s of r.noShows) {
    const type = s.pathwayType ? safe(pathwayTypeLabel(s.pathwayType)) : 'Uten forløp';
    const setting = s.setting ? safe(settingLabel(s.setting)) : '';
    rows.push(['Ikke møtt', period, type, setting, 'Ikke møtt', String(s.total), '', '', '', '', '']);
    rows.push(['Ikke møtt', period, type, setting, 'Løst', String(s.resolved), '', '', '', '', '']);
    rows.push([
      'Ikke møtt',
      period,
      type,
      setting,
      safe(`Løst innen reglene (${r.policy})`),
      String(s.resolvedWithinPolicy),
      '',
      '',
      '',
      n(share(s.resolvedWithinPolicy, s.total - s.resolvedWithinPolicy)),
      '',
    ]);
    rows.push(['Ikke møtt', period, type, setting, 'Eskalert til behandler', String(s.escalated), '', '', '', '', '']);
    rows.push(['Ikke møtt', period, type, setting, 'Åpne', String(s.open), '', '', '', '', '']);
  }
  return toCsv(rows);
}
