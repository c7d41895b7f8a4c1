/** A calendar date as `yyyy-MM-dd` (no time, no zone). Timestamps are ISO-8601 UTC strings. */
export type IsoDate = string;

export const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True when the string is a real calendar date (rejects 2026-02-30): the proleptic Gregorian calendar, as
 * Date has it. Plain arithmetic, no Date object: every date the worklist shows passes through here per row.
 */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10 || !ISO_DATE_RE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}
