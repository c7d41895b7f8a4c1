/**
 * Appointment times: a person books in Europe/Oslo wall-clock time (date + HH:mm); the database keeps
 * ISO-8601 UTC. Pure (Intl only), so the core and the renderer convert the same way.
 */
import type { IsoDate } from './iso-date';

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function osloParts(ms: number): { date: IsoDate; time: string; wallMs: number } {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const date = `${p.year}-${p.month}-${p.day}`;
  const time = `${p.hour}:${p.minute}`;
  const wallMs = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return { date, time, wallMs };
}

export const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/** True for a wall-clock time written HH:mm (00:00–23:59). */
export function isTime(value: string): boolean {
  return TIME_RE.test(value);
}

/**
 * The UTC instant of an Oslo wall-clock time. A time that does not exist or occurs twice on a
 * daylight-saving change night (02:00–03:00) resolves to a neighbouring instant; nobody books then.
 */
export function osloLocalToUtc(date: IsoDate, time: string): string {
  const wall = Date.parse(`${date}T${time}:00Z`);
  const offset = (ms: number) => osloParts(ms).wallMs - Math.floor(ms / 1000) * 1000;
  const first = wall - offset(wall);
  return new Date(wall - offset(first)).toISOString();
}

/** The Oslo calendar date and wall-clock time (HH:mm) of a UTC timestamp. */
export function osloDateTime(timestamp: string): { date: IsoDate; time: string } {
  const { date, time } = osloParts(Date.parse(timestamp));
  return { date, time };
}

/** dd.MM.yyyy of an IsoDate, the only date format a person sees. */
export function norwegianDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}
