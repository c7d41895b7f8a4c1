/**
 * ICU's time zone and locale data, loaded ahead. The first Intl.DateTimeFormat with a time zone costs 16–45 ms
 * in Node (later ones well under 1 ms), and shared/domain/time.ts builds one when the core's modules evaluate:
 * on the start's critical path, since the page's first call waits for the core (issue #14). The browser-mode
 * server loads it once the page was sent: the browser then takes 40–120 ms to start the page before it asks for
 * the page's scripts, time the server otherwise spends idle. (An interleaved A/B of the core's module loading
 * alone, 12 + 12 fresh processes: 184 → 146 ms median, 217 → 173 ms p95.)
 *
 * The zone is named here, not imported from time.ts: importing that module would evaluate it, and pay the cost,
 * before the server listens (tests/unit/warm-up.test.ts keeps the two the same).
 */
export const WARM_ZONE = 'Europe/Oslo';

export function warmTimeZoneData(): void {
  new Intl.DateTimeFormat('en-GB', { timeZone: WARM_ZONE }).format(0);
}
