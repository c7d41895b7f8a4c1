/* Frozen copy for migration 0011 (see README.md here): never edit, never import from app code. */
import type { IsoDate } from './iso-date';

/** Today's date as a person in Norway sees it (Europe/Oslo), whatever the machine's zone. */
export function osloDate(now: Date): IsoDate {
  // en-CA formats as yyyy-MM-dd.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whole calendar days from a to b (b - a), on dates without zones. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
