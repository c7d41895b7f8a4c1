import type { Core } from '../../electron/core/app-core';
import { BENCH_NOW } from './seeded-db';

export interface BenchCase {
  method: string;
  input: () => unknown;
}

/**
 * The feature paths the speed issue asks for, named by contract method. A case whose method does not
 * exist is reported as not measured rather than silently dropped.
 */
export async function benchCases(core: Core): Promise<Record<string, BenchCase>> {
  const open = core.handle.sqlite.prepare("select id, patient_id from pathway where status = 'open' order by id limit 500").all() as {
    id: number;
    patient_id: number;
  }[];
  const planned = core.handle.sqlite.prepare('select patient_id from individual_plan order by id limit 200').all() as { patient_id: number }[];
  let i = 0;
  let j = 0;
  let k = 0;
  const nextOpen = () => open[i++ % Math.max(1, open.length)]!;
  const today = BENCH_NOW.toISOString().slice(0, 10);
  return {
    'patient page load (patients.get)': { method: 'patients.get', input: () => ({ id: nextOpen().patient_id }) },
    'patient pathways with deadlines (pathways.getForPatient)': {
      method: 'pathways.getForPatient',
      input: () => ({ patientId: open[j++ % open.length]!.patient_id }),
    },
    // Pasientutsatt may be recorded any number of times: a repeatable write incl. audit entry and deadline recompute.
    'event write incl. audit + deadline recompute (pathways.recordEvent)': {
      method: 'pathways.recordEvent',
      input: () => ({ pathwayId: nextOpen().id, type: 'patient_postponed', date: today, note: '' }),
    },
    'no-show queue first page (noShow.list)': { method: 'noShow.list', input: () => ({}) },
    "week's meetings (meetings.listWeek)": { method: 'meetings.listWeek', input: () => ({ from: today, days: 7 }) },
    'open an individual plan (plans.get)': { method: 'plans.get', input: () => ({ patientId: planned[k++ % Math.max(1, planned.length)]?.patient_id ?? 1 }) },
  };
}
