import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgres } from '../../electron/core/db/dialect';
import { seedCaseload } from '../../electron/core/seed/seed';
import { FIXED_NOW, makeCore, referral, type TestCore } from '../fixtures/core';

/**
 * open_due_count (migration 0450 / pg_0100) against the pathways it summarises: after the seed, referrals
 * through the contract, and direct writes to a pathway's status and clock (ended, reopened, moved),
 * it holds exactly the open pathways per due date, no empty dates, and worklist.list's group counts from it
 * equal a count over the pathways themselves. Runs on both stores (vitest.pg.config.ts).
 */
let core: TestCore;
beforeAll(async () => {
  core = await makeCore();
  await seedCaseload(core.ctx.db, { patients: 300, seed: 5, now: FIXED_NOW });
}, 120_000);
afterAll(async () => {
  await core.dispose();
});

/** Asserts open_due_count is in step; returns how many open pathways it counts. */
async function expectInStep(): Promise<number> {
  const db = core.ctx.db;
  const kept = await db
    .selectFrom('open_due_count')
    .select(['due_sort', sql<number>`n`.as('n')])
    .orderBy('due_sort')
    .execute();
  const actual = await db
    .selectFrom('pathway')
    .where('status', '=', 'open')
    .select(['due_sort', sql<number>`count(*)`.as('n')])
    .groupBy('due_sort')
    .orderBy('due_sort')
    .execute();
  expect(kept.map((r) => [r.due_sort, Number(r.n)])).toEqual(actual.map((r) => [r.due_sort, Number(r.n)]));
  const list = await core.ok('worklist.list', { limit: 10 });
  // The same counts the filtered path computes on the pathway index (a filter that matches every open pathway).
  const types = await db.selectFrom('pathway').where('status', '=', 'open').select('pathway_type').distinct().execute();
  const byType = await Promise.all(types.map((t) => core.ok('worklist.list', { limit: 1, pathwayType: t.pathway_type as 'tsb' })));
  for (const g of ['all', 'overdue', 'soon', 'later', 'none'] as const) expect(list.counts[g]).toBe(byType.reduce((a, p) => a + p.counts[g], 0));
  return list.counts.all;
}

describe('open_due_count', () => {
  it('is in step after the seed and after referrals through the contract', async () => {
    const seeded = await expectInStep();
    expect(seeded).toBeGreaterThan(0);
    for (const [i, received] of ['2026-10-01', '2026-11-02', '2026-11-20'].entries())
      await core.ok('referrals.create', referral({ nationalId: ['01868512381', '01868510028', '01868512462'][i]!, referralReceived: received }));
    expect(await expectInStep()).toBe(seeded + 3);
  });

  it('follows a pathway closed, reopened, moved to another due date', async () => {
    const db = core.ctx.db;
    const open = await db.selectFrom('pathway').where('status', '=', 'open').select(['id', 'due_sort']).orderBy('id').limit(4).execute();
    const [a, b, c] = open;
    await db.updateTable('pathway').set({ status: 'ended' }).where('id', '=', a!.id).execute();
    await expectInStep();
    await db.updateTable('pathway').set({ status: 'open' }).where('id', '=', a!.id).execute();
    await expectInStep();
    await db.updateTable('pathway').set({ due_sort: '2026-11-24' }).where('id', '=', b!.id).execute();
    await db.updateTable('pathway').set({ due_sort: '9999-12-31' }).where('id', '=', c!.id).execute();
    await expectInStep();
    // Both at once, and a write that changes neither.
    await db.updateTable('pathway').set({ status: 'ended', due_sort: '2026-01-01' }).where('id', '=', b!.id).execute();
    await db.updateTable('pathway').set({ due_sort: '9999-12-31' }).where('id', '=', c!.id).execute();
    await expectInStep();
    const lone = await db.selectFrom('pathway').where('status', '=', 'open').select(['id', 'due_sort']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    await db.updateTable('pathway').set({ due_sort: '2030-02-03' }).where('id', '=', lone.id).execute();
    await expectInStep();
    // A date whose last open pathway moves away is dropped, not kept at zero.
    expect(await db.selectFrom('open_due_count').where('n', '<=', 0).selectAll().execute()).toEqual([]);
  });

  it('two desks moving pathways between the same dates in opposite directions wait for each other, never deadlock (team store)', async (t) => {
    const db = core.ctx.db;
    if (!isPostgres(db)) t.skip(); // one writer per SQLite file: no concurrent transactions
    const [p1, p2, p3] = (await db.selectFrom('pathway').where('status', '=', 'open').select('id').orderBy('id').limit(3).execute()).map((r) => r.id);
    const [A, B, C] = ['2031-01-01', '2031-01-02', '2031-01-03'];
    for (const [id, due] of [
      [p1, A],
      [p2, B],
      [p3, C],
    ] as const)
      await db.updateTable('pathway').set({ due_sort: due }).where('id', '=', id!).execute();
    let moved!: () => void;
    const firstMoveDone = new Promise<void>((resolve) => (moved = resolve));
    // Desk 1 moves p1 A→C (holds A and C), waits while desk 2 moves p2 B→A (which must wait for A), then moves
    // p3 C→B. Taking a move's two dates in any other order than due-date order, desk 2 would hold B while waiting
    // for A, and desk 1 wait for B: a deadlock, and PostgreSQL would abort one of them.
    const desk1 = db.transaction().execute(async (trx) => {
      await trx.updateTable('pathway').set({ due_sort: C }).where('id', '=', p1!).execute();
      moved();
      await new Promise((r) => setTimeout(r, 400));
      await trx.updateTable('pathway').set({ due_sort: B }).where('id', '=', p3!).execute();
    });
    const desk2 = firstMoveDone.then(() =>
      db.transaction().execute(async (trx) => {
        await trx.updateTable('pathway').set({ due_sort: A }).where('id', '=', p2!).execute();
      }),
    );
    await expect(Promise.all([desk1, desk2])).resolves.toBeDefined();
    const moves = await db.selectFrom('pathway').where('id', 'in', [p1!, p2!, p3!]).select(['id', 'due_sort']).orderBy('id').execute();
    expect(moves.map((r) => r.due_sort)).toEqual([C, A, B]);
    await expectInStep();
  });
});
