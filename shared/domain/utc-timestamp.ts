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
