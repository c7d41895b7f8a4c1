import { percentile } from './measure';

export interface PairResult {
  dispatcher: number[];
  raw: number[];
  floor: number[];
}

/**
 * Dispatcher call, the same call's statements raw, and the floor (the page statement alone, raw) run
 * interleaved sample by sample, the order alternating, so drift and load on a shared machine hit all three
 * alike. Warm-up first; then `n` samples of each.
 */
export async function interleaved(dispatcher: () => Promise<void>, raw: () => void, floor: () => void, n = 200): Promise<PairResult> {
  for (let i = 0; i < 20; i++) {
    await dispatcher();
    raw();
    floor();
  }
  const out: PairResult = { dispatcher: [], raw: [], floor: [] };
  for (let i = 0; i < n; i++) {
    const steps: [keyof PairResult, () => unknown][] = [
      ['dispatcher', dispatcher],
      ['raw', raw],
      ['floor', floor],
    ];
    if (i % 2) steps.reverse();
    for (const [key, fn] of steps) {
      const t = performance.now();
      await fn();
      out[key].push(performance.now() - t);
    }
  }
  return out;
}

export function summary(xs: number[]): { median: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: percentile(s, 50), p95: percentile(s, 95) };
}
