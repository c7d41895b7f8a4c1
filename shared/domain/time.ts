/**
 * The one place for dates and times. Pure (Intl only, with the zone's offset cached per UTC hour), so the
 * core, the renderer, the printouts and the seed all convert, count and format the same way.
 *
 * - A calendar date is an `IsoDate` (`yyyy-MM-dd`, no zone); an instant is an ISO-8601 UTC timestamp
 *   (`…Z`, as stored in the database). A person books and reads Europe/Oslo wall-clock time.
 * - Day arithmetic runs on UTC midnights, so a daylight-saving change can never shift a date.
 * - **Daylight-saving rule** (one rule for appointments, meetings and everything else):
 *   - autumn (last Sunday of October) the hour 02:00–02:59 occurs twice: such a wall-clock time means the
 *     **earlier instant** (the first pass, still summer time, +02:00);
 *   - spring (last Sunday of March) the hour 02:00–02:59 does not exist: such a wall-clock time is
 *     **shifted forward by the gap** (02:30 → 03:30 summer time).
 * - What a person sees: dates `dd.MM.yyyy`, times `HH:mm`, both in Oslo; date and time as
 *   `dd.MM.yyyy kl. HH:mm` (UI.md).
 */
import { isIsoDate, type IsoDate } from './iso-date';

export { isIsoDate, type IsoDate };

export const OSLO_ZONE = 'Europe/Oslo';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MIN_MS = 60_000;

// ---- Clock times ----------------------------------------------------------------------------------------

/** A wall-clock time written HH:mm (00:00–23:59). */
export const CLOCK_TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isClockTime(value: string): boolean {
  return CLOCK_TIME_RE.test(value);
}

// ---- UTC timestamps (as stored) -------------------------------------------------------------------------

/** ISO-8601 UTC timestamp as written by `Date.prototype.toISOString()`; seconds and fraction optional. */
const UTC_TIMESTAMP_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?Z$/;

/**
 * Parses an ISO-8601 UTC timestamp (must end in `Z`) to epoch milliseconds.
 * Returns null for anything else, including impossible dates such as 2026-02-30T10:00Z.
 */
export function parseUtcTimestamp(value: string): number | null {
  const m = UTC_TIMESTAMP_RE.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? '0'));
  const back = new Date(ms);
  const valid =
    back.getUTCFullYear() === Number(y) &&
    back.getUTCMonth() === Number(mo) - 1 &&
    back.getUTCDate() === Number(d) &&
    back.getUTCHours() === Number(h) &&
    back.getUTCMinutes() === Number(mi) &&
    back.getUTCSeconds() === Number(s ?? '0');
  if (!valid) return null;
  const full = Date.parse(value);
  return Number.isNaN(full) ? null : full;
}

/** Like {@link parseUtcTimestamp} but throws a RangeError naming `what` when the value is not valid. */
export function requireUtcTimestamp(value: string, what: string): number {
  const ms = parseUtcTimestamp(value);
  if (ms === null) throw new RangeError(`${what}: expected an ISO-8601 UTC timestamp ending in Z`);
  return ms;
}

/** Epoch milliseconds to `yyyy-MM-ddTHH:mm:ss.sssZ`. */
export function toUtcTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}

// ---- Oslo wall-clock time ↔ UTC -------------------------------------------------------------------------

/** An Oslo wall-clock reading: calendar date and HH:mm. */
export interface OsloDateTime {
  date: IsoDate;
  time: string;
}

function toMs(instant: string | number | Date): number {
  return typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
}

const OSLO_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: OSLO_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const offsetByHour = new Map<number, number>();

/**
 * Offset of Europe/Oslo from UTC at an instant, in ms (+1h winter, +2h summer). The zone only changes
 * offset on whole UTC hours, so the answer is cached per hour (Intl is slow; lists format many times).
 */
function osloOffset(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const at = hour * HOUR_MS;
    const p: Record<string, string> = {};
    for (const part of OSLO_PARTS.formatToParts(new Date(at))) p[part.type] = part.value;
    offset = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - at;
    if (offsetByHour.size > 50_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** The Oslo wall clock of an instant as an ISO string without zone: `yyyy-MM-ddTHH:mm:ss.sss`. */
function osloWall(ms: number): string {
  return new Date(ms + osloOffset(ms)).toISOString();
}

/** The Oslo date and wall-clock time (HH:mm) of an instant. `2026-11-24T09:00:00.000Z` → 2026-11-24, 10:00. */
export function utcToOslo(instant: string | number | Date): OsloDateTime {
  const wall = osloWall(toMs(instant));
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

/**
 * The UTC instant (ISO string) of an Oslo wall-clock date and time: `2026-11-24` + `10:00` →
 * `2026-11-24T09:00:00.000Z`. On change nights the module's rule applies: a repeated autumn time is the
 * earlier instant, a skipped spring time is shifted forward by the gap. Throws RangeError on a bad input.
 */
export function osloToUtc(date: IsoDate, time: string): string {
  const m = CLOCK_TIME_RE.exec(time);
  if (!m || !isIsoDate(date)) throw new RangeError('expected yyyy-MM-dd and HH:mm');
  const wall = utcMidnight(date) + Number(m[1]) * HOUR_MS + Number(m[2]) * MIN_MS;
  // The offsets in force a day before and a day after: equal on ordinary days, different on a change day.
  const before = osloOffset(wall - DAY_MS);
  const after = osloOffset(wall + DAY_MS);
  const valid = [wall - before, wall - after].filter((ms) => ms + osloOffset(ms) === wall);
  // Repeated (autumn): two valid instants, take the earlier. Skipped (spring): none; the old offset moves it forward.
  const ms = valid.length > 0 ? Math.min(...valid) : wall - before;
  return new Date(ms).toISOString();
}

/** The UTC instant at which an Oslo calendar day starts (its local midnight). */
export function osloDayStartUtc(date: IsoDate): string {
  return osloToUtc(date, '00:00');
}

/** The UTC instant at which the Oslo day after `date` starts (exclusive upper bound of a period). */
export function osloDayEndUtc(date: IsoDate): string {
  return osloToUtc(addDays(date, 1), '00:00');
}

/** The UTC interval [from, to) covering Oslo calendar days `from` up to (not including) `from + days`. */
export function osloDaysToUtcRange(from: IsoDate, days: number): { from: string; to: string } {
  return { from: osloDayStartUtc(from), to: osloDayStartUtc(addDays(from, days)) };
}

// ---- Calendar dates -------------------------------------------------------------------------------------

/** The calendar date in Norway at an instant (default: now), whatever the machine's zone. */
export function todayInOslo(now: string | number | Date = new Date()): IsoDate {
  return utcToOslo(now).date;
}

/** The Oslo calendar date of an instant (a timestamp as stored). */
export function osloDateOf(instant: string | number | Date): IsoDate {
  return utcToOslo(instant).date;
}

/** Validated dates and their UTC midnight: a list of rows repeats today and a few thousand due dates at most. */
const midnights = new Map<string, number>();

function utcMidnight(date: IsoDate): number {
  const known = midnights.get(date);
  if (known !== undefined) return known;
  if (!isIsoDate(date)) throw new RangeError('expected a date yyyy-MM-dd');
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  if (midnights.size >= 4096) midnights.clear();
  midnights.set(date, ms);
  return ms;
}

/** Adds whole calendar days (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Adds whole months; a day the target month lacks becomes its last day (31.03 − 1 month = 28.02). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const ms = utcMidnight(date);
  const d = new Date(ms);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

/** Whole calendar days from a to b (b − a; negative when b is before a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((utcMidnight(b) - utcMidnight(a)) / DAY_MS);
}

/** The Monday of the ISO week a date falls in. */
export function mondayOf(date: IsoDate): IsoDate {
  const weekday = (new Date(utcMidnight(date)).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(date, -weekday);
}

/** ISO week number (1–53) of a date. */
export function isoWeekNumber(date: IsoDate): number {
  const thursday = addDays(mondayOf(date), 3);
  return Math.floor(daysBetween(`${thursday.slice(0, 4)}-01-01`, thursday) / 7) + 1;
}

// ---- What a person reads --------------------------------------------------------------------------------

/**
 * `dd.MM.yyyy`. Takes a calendar date; given a UTC timestamp instead, formats its Oslo date.
 * Empty for null/undefined/empty, so optional dates can be passed straight through.
 */
export function formatDate(value: IsoDate | null | undefined): string {
  if (!value) return '';
  const date = value.length > 10 ? osloDateOf(value) : value;
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** `HH:mm` in Oslo of an instant. */
export function formatTime(instant: string | number | Date): string {
  return utcToOslo(instant).time;
}

/** `dd.MM.yyyy kl. HH:mm` in Oslo of an instant. */
export function formatDateTime(instant: string | number | Date): string {
  const { date, time } = utcToOslo(instant);
  return `${formatDate(date)} kl. ${time}`;
}

/** `dd.MM.yyyy HH:mm:ss` in Oslo: the exact moment, as an audit export shows it. */
export function formatDateTimeSeconds(instant: string | number | Date): string {
  const wall = osloWall(toMs(instant));
  return `${formatDate(wall.slice(0, 10))} ${wall.slice(11, 19)}`;
}

/** "i dag" / "i morgen" / "om 3 dager" / "1 dag over fristen" / "3 dager over fristen" (UI.md). */
export function daysLeftText(daysLeft: number | null): string {
  if (daysLeft === null) return '';
  if (daysLeft === 0) return 'i dag';
  if (daysLeft === 1) return 'i morgen';
  if (daysLeft > 1) return `om ${daysLeft} dager`;
  return daysLeft === -1 ? '1 dag over fristen' : `${-daysLeft} dager over fristen`;
}
