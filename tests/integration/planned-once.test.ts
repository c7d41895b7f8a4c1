import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCaseload } from '../../electron/core/seed/seed';
import { captureStatements } from '../fixtures/capture-sql';
import { FIXED_NOW, makeCore, type TestCore } from '../fixtures/core';
import { replannedStatements } from '../fixtures/replanned';

/**
 * Reads on the paths people wait for run statements SQLite prepares once (decision 0010): their constants written
 * in (`fixed`) and a page's LIMIT/OFFSET unfolded (`pageBound`); user input stays bound.
 */
let core: TestCore;
let patientId = 0;
beforeAll(async () => {
  core = await makeCore();
  await seedCaseload(core.ctx.db, { patients: 300, seed: 5, now: FIXED_NOW });
  // The patient with the most pathways and a no-show case, so the page reads every part it has.
  ({ id: patientId } = core.handle.sqlite
    .prepare(`select p.id from patient p join pathway w on w.patient_id = p.id group by p.id order by count(*) desc, p.open_no_shows desc limit 1`)
    .get() as { id: number });
}, 120_000);
afterAll(async () => {
  await core.dispose();
});

describe('statements prepared once', () => {
  it('the no-show queue, the patient page and the worklist bind no constant a partial index matches and no LIMIT/OFFSET', async () => {
    const calls: [string, unknown][] = [
      ['noShow.list', {}],
      ['noShow.list', { step: 'attempt', offset: 50, limit: 50 }],
      ['noShow.list', { search: 'a' }],
      ['patients.get', { id: patientId }],
      ['pathways.getForPatient', { patientId }],
      ['worklist.list', {}],
      ['worklist.people', {}],
    ];
    for (const [method, input] of calls) {
      const statements = await captureStatements(core, method, input);
      expect(statements.length, method).toBeGreaterThan(0);
      expect(replannedStatements(core.handle.sqlite, statements), method).toEqual([]);
    }
  });
});
