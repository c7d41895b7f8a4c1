import type { Measured } from './measure';

interface Row extends Measured {
  note?: string;
  floorMedianMs?: number;
  floorP95Ms?: number;
}

/** The targets of the speed issue (#14), by measurement name prefix; reported beside each figure, never asserted. */
export const TARGETS: [RegExp, string][] = [
  [/^UI: keystroke in search/, 'p95 ≤ 20 ms (50k)'],
  [/^worklist\.list search "(h|ha|han)" \(dispatcher\)/, 'p95 ≤ 2 ms (at 100k)'],
  [/^worklist\.list first page \(dispatcher\)/, '≤ 3× floor (50k)'],
  [/^UI: cold start .*first start of the day/, '≤ 800 ms (at 100k)'],
  [/^event write/, 'p95 ≤ 3 ms (100k, 1M audit rows)'],
  [/RSS after a scripted session/, '≤ 150 MB'],
];

export function targetFor(name: string): string {
  return TARGETS.find(([re]) => re.test(name))?.[1] ?? '';
}

interface Target {
  what: string;
  name: RegExp;
  size: number;
  target: string;
  /** Which figure the target is about. */
  on: 'p95' | 'median' | 'ratio-median' | 'value';
  limit: number;
}

/** The table, one line per target, with the size it is judged at. */
const TABLE: Target[] = [
  { what: 'key event → after the next paint, worklist search', name: /^UI: keystroke in search/, size: 50_000, target: 'p95 ≤ 20 ms', on: 'p95', limit: 20 },
  { what: 'name search "h" via the dispatcher', name: /^worklist\.list search "h" \(dispatcher\)/, size: 100_000, target: 'p95 ≤ 2 ms', on: 'p95', limit: 2 },
  { what: 'name search "ha" via the dispatcher', name: /^worklist\.list search "ha" \(dispatcher\)/, size: 100_000, target: 'p95 ≤ 2 ms', on: 'p95', limit: 2 },
  {
    what: 'name search "han" via the dispatcher',
    name: /^worklist\.list search "han" \(dispatcher\)/,
    size: 100_000,
    target: 'p95 ≤ 2 ms',
    on: 'p95',
    limit: 2,
  },
  {
    what: '`worklist.list` first page incl. group counts',
    name: /^worklist\.list first page \(dispatcher\)/,
    size: 50_000,
    target: '≤ 3× the page statement alone, raw (median)',
    on: 'ratio-median',
    limit: 3,
  },
  {
    what: 'cold start → worklist interactive, first start of a day',
    name: /^UI: cold start .*first start of the day/,
    size: 100_000,
    target: '≤ 800 ms',
    on: 'median',
    limit: 800,
  },
  {
    what: 'cold start → worklist interactive, later starts',
    name: /^UI: cold start .*later starts/,
    size: 100_000,
    target: '(≤ 800 ms)',
    on: 'median',
    limit: 800,
  },
  { what: 'event write + audit + deadline recompute (3M audit rows)', name: /^event write/, size: 100_000, target: 'p95 ≤ 3 ms', on: 'p95', limit: 3 },
  { what: 'browser-mode server RSS after real use', name: /^browser-mode server RSS/, size: 50_000, target: '≤ 150 MB', on: 'value', limit: 150 },
];

/** The targets as a table: figure, floor, ratio and whether it is met, from the measured rows. */
export function targetTable(rows: Row[]): string[] {
  const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(2));
  const out = [
    '| target (issue #14) | size | target | figure (median / p95) | floor (median / p95) | ratio (median / p95) | met |',
    '|---|---:|---|---:|---:|---:|:-:|',
  ];
  for (const t of TABLE) {
    const r = rows.find((x) => t.name.test(x.name) && x.size === t.size);
    if (!r) {
      out.push(`| ${t.what} | ${t.size} | ${t.target} | not measured | | | |`);
      continue;
    }
    const value = r.note === 'MB' ? `${r.medianMs.toFixed(1)} MB` : `${ms(r.medianMs)} / ${ms(r.p95Ms)} ms`;
    const floor = r.floorMedianMs !== undefined ? `${ms(r.floorMedianMs)} / ${ms(r.floorP95Ms)} ms` : '—';
    const ratio = r.floorMedianMs ? `${(r.medianMs / r.floorMedianMs).toFixed(2)}× / ${(r.p95Ms / r.floorP95Ms!).toFixed(2)}×` : '—';
    const figure = t.on === 'p95' ? r.p95Ms : t.on === 'median' || t.on === 'value' ? r.medianMs : r.floorMedianMs ? r.medianMs / r.floorMedianMs : NaN;
    out.push(`| ${t.what} | ${t.size} | ${t.target} | ${value} | ${floor} | ${ratio} | ${figure <= t.limit ? 'yes' : '**no**'} |`);
  }
  return out;
}
