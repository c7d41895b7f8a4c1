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

export interface WriteSamples {
  call: number[];
  /** CPU time of this process (all its threads) during each call: a slow sample that did not compute, waited. */
  callCpu: number[];
  floor: number[];
}

/**
 * A write and its floor (one durable commit of one small row) interleaved sample by sample, the order
 * alternating, so a busy disk or a busy core hits both alike: a write's tail is only its own when the floor's
 * tail at the same moments is short. Measured one after the other, the floor could come from a quiet minute
 * and the write from a loaded one (8.7 ms p95 beside a 0.66 ms floor). Warm-up first; then `n` samples of each.
 */
export async function interleavedWrite(call: () => Promise<void>, floor: () => void, n = 400): Promise<WriteSamples> {
  for (let i = 0; i < 20; i++) {
    await call();
    floor();
  }
  const out: WriteSamples = { call: [], callCpu: [], floor: [] };
  const timeCall = async () => {
    const cpu = process.cpuUsage();
    const t = performance.now();
    await call();
    out.call.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    out.callCpu.push((used.user + used.system) / 1000);
  };
  const timeFloor = () => {
    const t = performance.now();
    floor();
    out.floor.push(performance.now() - t);
  };
  for (let i = 0; i < n; i++) {
    if (i % 2) {
      timeFloor();
      await timeCall();
    } else {
      await timeCall();
      timeFloor();
    }
  }
  return out;
}
