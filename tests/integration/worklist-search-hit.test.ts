import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCaseload } from '../../electron/core/seed/seed';
import { FIXED_NOW, makeCore, referral, type TestCore } from '../fixtures/core';

/**
 * open_search_hit (migration 0460 / pg_0105) against what it is derived from: after the seed, referrals through the
 * contract and direct writes (a pathway ended, reopened, moved to another due date, deleted; a name word added
 * and removed; a national id corrected), it holds exactly each open pathway × its patient's open_search_word,
 * with the pathway's due_sort and the patient's next lower word. Runs on both stores (vitest.pg.config.ts).
 */
let core: TestCore;
beforeAll(async () => {
  core = await makeCore();
  await seedCaseload(core.ctx.db, { patients: 300, seed: 7, now: FIXED_NOW });
}, 120_000);
afterAll(async () => {
  await core.dispose();
});

async function expectInStep(): Promise<number> {
  const db = core.ctx.db;
  const kept = await db
    .selectFrom('open_search_hit')
    .select(['word', 'due_sort', 'pathway_id', 'patient_id', 'prev_word'])
    .orderBy('word')
    .orderBy('due_sort')
    .orderBy('pathway_id')
    .execute();
  const derived = await db
    .selectFrom('open_search_word as w')
    .innerJoin('pathway as p', (j) => j.onRef('p.patient_id', '=', 'w.patient_id').on('p.status', '=', 'open'))
    .select([
      'w.word',
      'p.due_sort',
      'p.id as pathway_id',
      'p.patient_id',
      sql<string>`coalesce((select max(v.word) from open_search_word v where v.patient_id = w.patient_id and v.word < w.word), '')`.as('prev_word'),
    ])
    .orderBy('w.word')
    .orderBy('p.due_sort')
    .orderBy('p.id')
    .execute();
  expect(kept.map((r) => ({ ...r, pathway_id: Number(r.pathway_id), patient_id: Number(r.patient_id) }))).toEqual(
    derived.map((r) => ({ ...r, pathway_id: Number(r.pathway_id), patient_id: Number(r.patient_id) })),
  );
  return kept.length;
}

describe('open_search_hit', () => {
  it('is in step after the seed and after referrals through the contract', async () => {
    expect(await expectInStep()).toBeGreaterThan(0);
    for (const [i, received] of ['2026-10-01', '2026-11-02'].entries())
      await core.ok('referrals.create', referral({ nationalId: ['01868512381', '01868510028'][i]!, referralReceived: received }));
    await expectInStep();
  });

  it('follows pathways ended, reopened, moved and deleted, name words and national ids changed', async () => {
    const db = core.ctx.db;
    const [a, b, c] = await db.selectFrom('pathway').where('status', '=', 'open').select(['id', 'patient_id']).orderBy('id').limit(3).execute();
    await db.updateTable('pathway').set({ status: 'ended' }).where('id', '=', a!.id).execute();
    await expectInStep();
    await db.updateTable('pathway').set({ status: 'open' }).where('id', '=', a!.id).execute();
    await db.updateTable('pathway').set({ due_sort: '2026-11-24' }).where('id', '=', b!.id).execute();
    await expectInStep();
    // Status and clock in one write.
    await db.updateTable('pathway').set({ status: 'ended', due_sort: '2026-01-01' }).where('id', '=', b!.id).execute();
    await expectInStep();
    // A word that sorts between the patient's others moves the next word's prev_word; removing it moves it back.
    await db.insertInto('patient_search_word').values({ word: 'aaabenk', patient_id: c!.patient_id }).execute();
    await db.insertInto('patient_search_word').values({ word: 'zzzbenk', patient_id: c!.patient_id }).execute();
    await expectInStep();
    const found = await core.ok('worklist.list', { search: 'zzzb' });
    expect(found.rows.map((r) => r.pathwayId)).toContain(c!.id);
    await db.deleteFrom('patient_search_word').where('word', 'in', ['aaabenk', 'zzzbenk']).execute();
    await expectInStep();
    await db.updateTable('patient').set({ national_id: '99999999999' }).where('id', '=', c!.patient_id).execute();
    await expectInStep();
    const pathway = await db.selectFrom('pathway').where('status', '=', 'open').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    await db.deleteFrom('pathway_event').where('pathway_id', '=', pathway.id).execute();
    await db.deleteFrom('pathway').where('id', '=', pathway.id).execute();
    await expectInStep();
  });

  it('counts a patient once when two of its words begin with the typed word', async () => {
    const db = core.ctx.db;
    const open = await db.selectFrom('pathway').where('status', '=', 'open').select(['id', 'patient_id']).orderBy('id').limit(1).executeTakeFirstOrThrow();
    await db.insertInto('patient_search_word').values({ word: 'qxbenk', patient_id: open.patient_id }).execute();
    await db.insertInto('patient_search_word').values({ word: 'qxbenkesen', patient_id: open.patient_id }).execute();
    const list = await core.ok('worklist.list', { search: 'qxb' });
    expect(list.rows.map((r) => r.pathwayId)).toEqual([open.id]);
    expect(list.counts.all).toBe(1);
    expect((await core.ok('worklist.list', { search: 'qxbenke' })).counts.all).toBe(1);
    await db.deleteFrom('patient_search_word').where('word', 'in', ['qxbenk', 'qxbenkesen']).execute();
    expect((await core.ok('worklist.list', { search: 'qxb' })).counts.all).toBe(0);
  });
});
