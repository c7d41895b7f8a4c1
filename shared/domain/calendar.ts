/**
 * Norwegian working-day calendar on IsoDate strings (DOMAIN.md §5).
 *
 * All arithmetic is done on UTC midnights, so daylight-saving changes can never shift a date.
 *
 * Counting convention (used everywhere in the pathway clock):
 * "within N working days of X" means the N-th working day AFTER X; X itself is never counted,
 * even when X is a working day. So a referral received on Monday 2026-03-02 must be assessed
 * by `addWorkingDays('2026-03-02', 10)` = Monday 2026-03-16. Calendar-day times follow the same
 * rule: "within 7 days" of X is X + 7.
 */
import { isIsoDate, type IsoDate } from './iso-date';
import { addDays } from './time';

export interface CalendarOptions {
  /** Count Saturdays as working days (holiday-law reading of *virkedager*). Default false. */
  countSaturdays?: boolean;
}

export interface Holiday {
  date: IsoDate;
  /** Norwegian name; when two holidays coincide (17 May = Whit Monday) the names are joined with " / ". */
  name: string;
}

const DAY_MS = 86_400_000;

function toUtcMs(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`Ugyldig dato: ${date}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function ymd(year: number, month: number, day: number): IsoDate {
  return fromUtcMs(Date.UTC(year, month - 1, day));
}

/** Signed number of calendar days from `a` to `b` (b − a). */
/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** Easter Sunday (Gregorian calendar), anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

const holidayCache = new Map<number, ReadonlyMap<IsoDate, string>>();

function holidayMap(year: number): ReadonlyMap<IsoDate, string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const list: [IsoDate, string][] = [
    [ymd(year, 1, 1), 'Første nyttårsdag'],
    [addDays(easter, -3), 'Skjærtorsdag'],
    [addDays(easter, -2), 'Langfredag'],
    [easter, 'Første påskedag'],
    [addDays(easter, 1), 'Andre påskedag'],
    [ymd(year, 5, 1), 'Arbeidernes dag'],
    [ymd(year, 5, 17), 'Grunnlovsdagen'],
    [addDays(easter, 39), 'Kristi himmelfartsdag'],
    [addDays(easter, 49), 'Første pinsedag'],
    [addDays(easter, 50), 'Andre pinsedag'],
    [ymd(year, 12, 25), 'Første juledag'],
    [ymd(year, 12, 26), 'Andre juledag'],
  ];
  const map = new Map<IsoDate, string>();
  for (const [date, name] of list.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
    const existing = map.get(date);
    map.set(date, existing ? `${existing} / ${name}` : name);
  }
  holidayCache.set(year, map);
  return map;
}

/** Public holidays (*helligdager*) of a year, sorted, one entry per date. Christmas Eve and New Year's Eve are not included. */
export function publicHolidays(year: number): Holiday[] {
  return [...holidayMap(year)].map(([date, name]) => ({ date, name }));
}

/** Norwegian holiday name for the date, or null when it is not a public holiday. */
export function holidayName(date: IsoDate): string | null {
  return holidayMap(Number(date.slice(0, 4))).get(date) ?? null;
}

export function isHoliday(date: IsoDate): boolean {
  return holidayName(date) !== null;
}

function isWorkingWeekday(date: IsoDate, opts: CalendarOptions): boolean {
  return isWorkingWeekdayMs(toUtcMs(date), opts);
}

// The loops below walk day by day over epoch milliseconds: parsing and formatting a date string per day
// made deadline recomputation (thousands of pathways) needlessly slow.
const holidayMsCache = new Map<number, ReadonlyMap<number, string>>();

/** The year the last lookup fell in, [from, to) in epoch ms: a walk stays in one year for months at a time. */
let lastYear: { from: number; to: number; holidays: ReadonlyMap<number, string> } | null = null;

function holidayNameMs(ms: number): string | null {
  if (lastYear === null || ms < lastYear.from || ms >= lastYear.to) {
    // A Date per day walked was most of this lookup's cost (an event write walks ~90 days more than once).
    const year = new Date(ms).getUTCFullYear();
    let holidays = holidayMsCache.get(year);
    if (!holidays) {
      holidays = new Map([...holidayMap(year)].map(([date, name]) => [toUtcMs(date), name]));
      holidayMsCache.set(year, holidays);
    }
    lastYear = { from: Date.UTC(year, 0, 1), to: Date.UTC(year + 1, 0, 1), holidays };
  }
  return lastYear.holidays.get(ms) ?? null;
}

function isWorkingWeekdayMs(ms: number, opts: CalendarOptions): boolean {
  const dow = (((Math.floor(ms / DAY_MS) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  if (dow === 0) return false;
  if (dow === 6) return opts.countSaturdays === true;
  return true;
}

/** Monday–Friday (plus Saturday with `countSaturdays`) that is not a public holiday. */
export function isWorkingDay(date: IsoDate, opts: CalendarOptions = {}): boolean {
  return isWorkingWeekday(date, opts) && !isHoliday(date);
}

export interface WorkingDaysResult {
  date: IsoDate;
  /** Holidays in the span that fell on an otherwise working day and therefore pushed the date. */
  holidaysSkipped: Holiday[];
}

/**
 * The n-th working day after `start` (start itself not counted); negative n walks backwards.
 * n = 0 returns `start` unchanged, even when it is not a working day.
 */
export function addWorkingDays(start: IsoDate, n: number, opts: CalendarOptions = {}): WorkingDaysResult {
  if (!Number.isInteger(n)) throw new RangeError(`Antall virkedager må være et heltall: ${n}`);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let ms = toUtcMs(start);
  const holidaysSkipped: Holiday[] = [];
  while (remaining > 0) {
    ms += step * DAY_MS;
    if (!isWorkingWeekdayMs(ms, opts)) continue;
    const name = holidayNameMs(ms);
    if (name !== null) {
      holidaysSkipped.push({ date: fromUtcMs(ms), name });
      continue;
    }
    remaining -= 1;
  }
  if (step < 0) holidaysSkipped.reverse();
  return { date: n === 0 ? start : fromUtcMs(ms), holidaysSkipped };
}

/** Holidays in (a, b] that fell on an otherwise working day (what a working-day count skipped). */
export function holidaysBetween(a: IsoDate, b: IsoDate, opts: CalendarOptions = {}): Holiday[] {
  const out: Holiday[] = [];
  const end = toUtcMs(b);
  for (let ms = toUtcMs(a) + DAY_MS; ms <= end; ms += DAY_MS) {
    const name = holidayNameMs(ms);
    if (name !== null && isWorkingWeekdayMs(ms, opts)) out.push({ date: fromUtcMs(ms), name });
  }
  return out;
}

/**
 * Working days in the half-open span (a, b]: how many working days after `a` date `b` is.
 * Negative when b is before a. Invariant for n >= 0: workingDaysBetween(a, addWorkingDays(a, n).date) === n.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate, opts: CalendarOptions = {}): number {
  if (b < a) return -workingDaysBetween(b, a, opts);
  let count = 0;
  const end = toUtcMs(b);
  for (let ms = toUtcMs(a) + DAY_MS; ms <= end; ms += DAY_MS) {
    if (isWorkingWeekdayMs(ms, opts) && holidayNameMs(ms) === null) count += 1;
  }
  return count;
}
