import { readFileSync } from 'node:fs';
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
  /** Per call, from the main thread's schedstat (Linux; empty elsewhere): time it ran on a core. */
  callRun: number[];
  /** Time it was ready to run but waited for a core (other processes held both). */
  callRunQueue: number[];
  /** The rest of the call's time: neither running nor queued — blocked, mostly on the WAL's fsync. */
  callBlocked: number[];
  floor: number[];
}

const SCHEDSTAT = '/proc/thread-self/schedstat';

/** The calling thread's time on a core and time waiting for one, in ms (nanosecond counters); null off Linux. */
function threadTimes(): [number, number] | null {
  try {
    const [run, wait] = readFileSync(SCHEDSTAT, 'utf8').split(' ').map(Number);
    return [run! / 1e6, wait! / 1e6];
  } catch {
    return null;
  }
}

/**
 * A write and its floor (one durable commit of one small row) interleaved sample by sample, the order
 * alternating, so a busy disk or a busy core hits both alike: a write's tail is only its own when the floor's
 * tail at the same moments is short. Measured one after the other, the floor could come from a quiet minute
 * and the write from a loaded one (8.7 ms p95 beside a 0.66 ms floor). Each call's time is split by the main
 * thread's scheduler counters into running, waiting for a core, and blocked (I/O): on 2 shared cores the tail
 * is mostly the second and third, which no change to the write's code removes. Warm-up first; then `n` samples.
 */
export async function interleavedWrite(call: () => Promise<void>, floor: () => void, n = 400): Promise<WriteSamples> {
  for (let i = 0; i < 20; i++) {
    await call();
    floor();
  }
  const out: WriteSamples = { call: [], callRun: [], callRunQueue: [], callBlocked: [], floor: [] };
  const timeCall = async () => {
    const before = threadTimes();
    const t = performance.now();
    await call();
    const ms = performance.now() - t;
    const after = threadTimes();
    out.call.push(ms);
    if (before && after) {
      const [run, queued] = [after[0] - before[0], after[1] - before[1]];
      out.callRun.push(run);
      out.callRunQueue.push(queued);
      out.callBlocked.push(Math.max(0, ms - run - queued));
    }
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
