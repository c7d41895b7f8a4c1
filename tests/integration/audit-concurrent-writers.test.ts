import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app-core';
import { appendAudit } from '../../electron/core/audit';
import { FIXED_NOW, makeCore, referral, testMasterKey, type TestCore } from '../fixtures/core';
import { testStoreIsPostgres } from '../fixtures/pg-db';
import { syntheticId } from '../fixtures/trust';

/**
 * The audit chain under concurrent writers (issue #15's write bench, as a test without timings). On the team
 * store each writer is a desk of its own (its own core, pool and connections) on one database; on the local
 * file the writers are parallel calls on the one core. Every acknowledged write has exactly one entry, no
 * refused write has one, the ids have no gaps, one writer's entries keep its order, and the chain verifies.
 */
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f().catch(() => undefined);
});

async function firstCore(): Promise<TestCore> {
  const c = await makeCore();
  cleanup.push(() => c.dispose());
  return c;
}

/** Another desk on the same team database (on SQLite: the same core, a local file has one writer). */
async function otherDesk(c: TestCore): Promise<Core> {
  if (!testStoreIsPostgres()) return c;
  const url = readFileSync(join(c.dataDir, 'team-test-database-url'), 'utf8');
  const dataDir = mkdtempSync(join(tmpdir(), 'forlopsbenk-desk-'));
  const core = await startCore({
    store: { kind: 'postgres', url },
    dataDir,
    masterKey: testMasterKey(dataDir),
    transport: 'browser',
    version: 'test',
    demo: true,
    clock: () => FIXED_NOW,
  });
  cleanup.push(async () => {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return core;
}

type Entry = { id: number; action: string; entity_id: number | null };
const entries = (c: TestCore): Entry[] => c.handle.sqlite.prepare('select id, action, entity_id from audit_log order by id').all() as Entry[];

describe('audit chain: concurrent writers', () => {
  it('five writers recording events at once: one entry per acknowledged write, none for a refused one, gapless, in each writer’s order, verified', async () => {
    const c = await firstCore();
    const pathways: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await c.ok('referrals.create', referral({ nationalId: syntheticId(100 + i) }));
      pathways.push(r.pathwayId);
    }
    const desks = [c, ...(await Promise.all([1, 2, 3, 4].map(() => otherDesk(c))))];
    const before = entries(c).length;
    const perDesk = 12;
    const acknowledged: number[][] = desks.map(() => []);
    let refused = 0;
    await Promise.all(
      desks.map(async (desk, d) => {
        for (let n = 0; n < perDesk; n++) {
          const pathwayId = pathways[(d * 2 + (n % 2)) % pathways.length]!;
          // Every fourth call is refused by validation inside the transaction (a date before the referral).
          const date = n % 4 === 3 ? '2020-01-01' : '2026-11-23';
          const res = await desk.dispatch('pathways.recordEvent', { pathwayId, type: 'patient_postponed', date, note: '' });
          if (res.ok) acknowledged[d]!.push((res.value as { eventId: number }).eventId);
          else refused++;
        }
      }),
    );
    expect(refused).toBe(desks.length * (perDesk / 4));
    const all = acknowledged.flat();
    expect(new Set(all).size).toBe(desks.length * perDesk - refused);

    const after = entries(c);
    expect(after.map((e) => e.id)).toEqual(after.map((_, i) => i + 1)); // no gaps, no duplicates
    const recorded = after.slice(before).filter((e) => e.action === 'pathwayEvent.record');
    // Exactly the acknowledged writes: each once, none for a refused call.
    expect(recorded.map((e) => e.entity_id).sort((a, b) => a! - b!)).toEqual([...all].sort((a, b) => a - b));
    const stored = c.handle.sqlite.prepare("select id from pathway_event where type = 'patient_postponed' order by id").all() as { id: number }[];
    expect(stored.map((r) => r.id)).toEqual([...all].sort((a, b) => a - b));
    // One writer's calls follow each other, so its entries are in the order of its calls.
    const position = new Map(recorded.map((e, i) => [e.entity_id, i]));
    for (const mine of acknowledged) {
      const order = mine.map((id) => position.get(id)!);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    expect(await c.ok('audit.verify', { full: true })).toMatchObject({ ok: true, brokenAt: null, checked: after.length, total: after.length });
  });

  it('entries queued in a transaction land in order with it, or not at all when it or its savepoint rolls back', async () => {
    const c = await firstCore();
    const other = await otherDesk(c);
    const db = c.handle.db;
    // Quotes, a backslash and a statement in the name: the team store sends the entry as SQL literals.
    const actor = { profile: `O'Brien \\ E'x' ''; drop table audit_log; --`, osUser: c.ctx.actor().osUser };
    const entry = (action: string, entityId: number) => ({ action, entity: 'test', entityId, patientId: null });
    const before = entries(c).length;
    // A rolled-back transaction: neither of its entries is written.
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAudit(trx, actor, entry('test.rolledBack', 1), FIXED_NOW);
        await appendAudit(trx, actor, entry('test.rolledBack', 2), FIXED_NOW);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    // A savepoint rolled back drops what was appended after it; the rest lands in order, once.
    const trx = await db.startTransaction().execute();
    await appendAudit(trx, actor, entry('test.kept', 1), FIXED_NOW);
    const sp = await trx.savepoint('inner').execute();
    await appendAudit(sp, actor, entry('test.undone', 2), FIXED_NOW);
    const back = await sp.rollbackToSavepoint('inner').execute();
    await appendAudit(back, actor, entry('test.kept', 3), FIXED_NOW);
    // Another desk appends while this transaction is open (on SQLite it waits for the file's one writer).
    const meanwhile = other.dispatch('worklist.logSearch', {});
    await back.commit().execute();
    expect((await meanwhile).ok).toBe(true);
    const added = entries(c).slice(before);
    expect(added.filter((e) => e.action.startsWith('test.')).map((e) => `${e.action} ${e.entity_id}`)).toEqual(['test.kept 1', 'test.kept 3']);
    expect(added.filter((e) => !e.action.startsWith('test.')).length).toBe(1); // the other desk's search, once
    const actors = c.handle.sqlite.prepare("select actor from audit_log where action like 'test.%'").all() as { actor: string }[];
    expect(actors.map((a) => a.actor)).toEqual([actor.profile, actor.profile]);
    const all = entries(c);
    expect(all.map((e) => e.id)).toEqual(all.map((_, i) => i + 1));
    expect(await c.ok('audit.verify', { full: true })).toMatchObject({ ok: true, checked: all.length });
  });
});
