/**
 * One rule for "is this due soon?": a date's state relative to today, with each screen's "soon" window as a
 * named setting here (not a number inside a feature).
 */
import type { IsoDate } from './iso-date';
import { addDays, daysBetween } from './time';

/**
 * How many calendar days ahead (today included: due today is 0 days left) a due date counts as "soon".
 * They differ on purpose, each matching the rhythm of the work it flags:
 * - `pathway`: legal and pathway deadlines in the worklist, overview and patient page. Three days is about
 *   what a coordinator can still act on (book, assess) before the deadline passes.
 * - `noShow`: the next follow-up step after a missed appointment. Steps come every two days
 *   (ATTEMPT_INTERVAL_DAYS), so a wider window would mark every open step "soon".
 * - `plan`: individual-plan revisions and measures run over months; two weeks gives time to call a
 *   revision meeting with the municipality.
 */
export const DUE_SOON_DAYS = {
  pathway: 3,
  noShow: 2,
  plan: 14,
} as const;

export type DueSoonWindow = keyof typeof DUE_SOON_DAYS;

export type DueState = 'overdue' | 'soon' | 'on_time';

/** The state of an open due date: overdue when passed, soon within `soonDays` days (today included). */
export function dueState(due: IsoDate, today: IsoDate, soonDays: number): { state: DueState; daysLeft: number } {
  const daysLeft = daysBetween(today, due);
  return { state: daysLeft < 0 ? 'overdue' : daysLeft <= soonDays ? 'soon' : 'on_time', daysLeft };
}

/** The last date that still counts as "soon" from today (for range queries over stored due dates). */
export function soonUntil(today: IsoDate, soonDays: number): IsoDate {
  return addDays(today, soonDays);
}

/** Norwegian label of a state, shown beside the icon and colour so it reads in greyscale (UI.md). */
export const DUE_STATE_LABELS: Record<DueState | 'none', string> = {
  overdue: 'Overskredet',
  soon: 'Snart',
  on_time: 'I rute',
  none: 'Ingen frist',
};
