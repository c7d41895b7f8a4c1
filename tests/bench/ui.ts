import type { Measured } from './measure';

/** UI timings in Chromium against browser mode (filled in once the worklist exposes its performance marks). */
export async function runUiBench(_size: number): Promise<Measured[]> {
  return [];
}
