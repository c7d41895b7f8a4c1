import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCaseload } from '../../electron/core/seed/seed';
import { captureStatements } from '../fixtures/capture-sql';
import { FIXED_NOW, makeCore, type TestCore } from '../fixtures/core';
import { replannedStatements } from '../fixtures/replanned';
import type { DbHandle } from '../../electron/core/db/open';

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

  // SQLite plans these with the value it reads and would prepare them again on every run: a bound `status = ?` (or
  // `type = ?`) against a partial index's WHERE. Written in, the plan is the same, with no re-prepare per run
  // (0.01 against 0.04 ms for the patient summary's open pathways at 100k).
  it('the event write, the patient page, the no-show and breach lists and the overviews write their partial indexes’ constants in', async () => {
    const { id: openPathway } = core.handle.sqlite.prepare(`select id from pathway where status = 'open' order by id limit 1`).get() as { id: number };
    const policy = await core.ok('noShow.getPolicy', {});
    const calls: [string, unknown][] = [
      ['pathways.getSummary', { patientId }],
      ['appointments.list', { patientId }],
      ['evaluations.proposals', { patientId }],
      ['worklist.searchKeys', {}],
      ['patients.search', { query: 'han' }],
      ['breach.list', {}],
      ['noShow.listDueLetters', {}],
      ['noShow.listEscalated', {}],
      ['registration.list', {}],
      ['rules.list', {}],
      ['overview.get', { from: '2026-07-01', to: '2026-11-23' }],
      ['overview.listPatients', { from: '2026-07-01', to: '2026-11-23', indicator: 'open_postponed', part: 'all' }],
      ['noShow.savePolicy', policy],
      ['pathways.recordEvent', { pathwayId: openPathway, type: 'end', date: '2026-11-23', helpNeed: 'gp_municipal' }],
    ];
    const found: string[] = [];
    for (const [method, input] of calls) {
      const statements = await captureStatements(core, method, input);
      expect(statements.length, method).toBeGreaterThan(0);
      found.push(
        ...[...replannedStatements(core.handle.sqlite, statements), ...fullScansOfOpenRows(core.handle.sqlite, statements)].map((f) => `${method}: ${f}`),
      );
    }
    expect(found).toEqual([]);
    // The plan check sees a read that cannot use the index (a unary + hides the column from the planner).
    expect(fullScansOfOpenRows(core.handle.sqlite, [{ sql: `select "id" from "pathway" where +"pathway"."status" = 'open'`, params: [] }])).toHaveLength(1);
  });
});

/** Statements that ask for the open (or active) rows of a table with a partial index for them, yet read the whole table. */
function fullScansOfOpenRows(sqlite: DbHandle['sqlite'], statements: { sql: string; params: unknown[] }[]): string[] {
  const found: string[] = [];
  for (const s of statements) {
    if (!/^\s*(select|with)\b/i.test(s.sql)) continue;
    const plan = (sqlite.prepare(`explain query plan ${s.sql}`).all(...s.params) as { detail: string }[]).map((r) => r.detail);
    for (const [table, value] of [
      ['pathway', 'open'],
      ['pathway_event', 'active'],
      ['no_show_case', 'open'],
    ] as const) {
      if (!new RegExp(`(^|[\\s(])"${table}"`).test(s.sql)) continue;
      // The name the statement reads the table under (`"pathway_event" as "e"` → e).
      const name = new RegExp(`"${table}" as "(\\w+)"`).exec(s.sql)?.[1] ?? table;
      const asks = s.sql.includes(`"${name}"."status" = '${value}'`) || s.sql.includes(` "status" = '${value}'`);
      if (asks && plan.includes(`SCAN ${name}`)) found.push(`full scan of ${table}: ${s.sql}`);
    }
  }
  return found;
}
