import { Bench } from 'tinybench';

export interface Measured {
  name: string;
  size: number | null;
  medianMs: number;
  p95Ms: number;
  samples: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Runs each task with warm-up and reports median and p95 of the retained samples (tinybench). */
export async function measure(
  size: number | null,
  tasks: Record<string, () => unknown>,
  opts: { time?: number; iterations?: number } = {},
): Promise<Measured[]> {
  const bench = new Bench({ time: opts.time ?? 400, iterations: opts.iterations ?? 50, warmup: true, warmupIterations: 20, retainSamples: true });
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
  await bench.run();
  return bench.tasks.map((task) => {
    const latency = task.result && 'latency' in task.result ? task.result.latency : undefined;
    const samples = [...(latency?.samples ?? [])].sort((a, b) => a - b);
    return { name: task.name, size, medianMs: percentile(samples, 50), p95Ms: percentile(samples, 95), samples: samples.length };
  });
}
