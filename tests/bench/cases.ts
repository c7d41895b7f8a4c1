import type { Core } from '../../electron/core/app-core';

export interface BenchCase {
  method: string;
  input: () => unknown;
}

/**
 * The feature paths the speed issue asks for, named by contract method. A case whose method does not
 * exist (yet) is reported as not measured rather than silently dropped.
 */
export async function benchCases(core: Core): Promise<Record<string, BenchCase>> {
  const open = core.handle.sqlite.prepare("select id, patient_id from pathway where status = 'open' order by id limit 200").all() as { id: number; patient_id: number }[];
  let i = 0;
  const nextOpen = () => open[i++ % Math.max(1, open.length)]!;
  return {
    'patient page load (patients.get)': { method: 'patients.get', input: () => ({ id: nextOpen().patient_id }) },
  };
}
