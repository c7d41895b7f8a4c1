/* Frozen copy for migration 0011 (see README.md here): never edit, never import from app code. */
/** A calendar date as `yyyy-MM-dd` (no time, no zone). Timestamps are ISO-8601 UTC strings. */
export type IsoDate = string;

export const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** True when the string is a real calendar date (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
