import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureStatements } from '../fixtures/capture-sql';
import { makeCore, referral, type TestCore } from '../fixtures/core';
import { syntheticId } from '../fixtures/trust';
import { testStoreIsPostgres } from '../fixtures/pg-db';

/**
 * The caseload on both stores: "Mine" (the default) is my pathways on the team store and everything on the local
 * store (one person), "Enheten" the unit's; a pathway is given to someone from worklist.people, and that is
 * audited (pathway.reassign). Two logins on one team database: tests/pg/caseload-team.test.ts.
 */
const team = testStoreIsPostgres();
describe('caseload: Mine / Enheten and reassignment', () => {
  let core: TestCore;
  let pathways: number[];
  beforeEach(async () => {
    core = await makeCore();
    pathways = [];
    for (let i = 1; i <= 3; i++) pathways.push((await core.ok('referrals.create', referral({ nationalId: syntheticId(i) }))).pathwayId);
  });
  afterEach(async () => {
    await core.dispose();
  });

  const ids = async (scope?: 'mine' | 'unit') => (await core.ok('worklist.list', scope ? { scope } : {})).rows.map((r) => r.pathwayId).sort((a, b) => a - b);
  const reassigns = () => (core.handle.sqlite.prepare(`select count(*) as n from audit_log where action = 'pathway.reassign'`).get() as { n: number }).n;

  it('the worklist defaults to Mine, and what I register is mine', async () => {
    expect(await ids()).toEqual(pathways);
    expect(await ids('unit')).toEqual(pathways);
    const people = await core.ok('worklist.people', {});
    expect(people.filter((p) => p.self)).toHaveLength(1);
  });

  it("a colleague's pathway is in Enheten, not in Mine (team store); taking it over brings it back, and is audited", async () => {
    // A pathway someone else is responsible for (on the local store: one that was shared before).
    core.handle.sqlite.prepare(`update pathway set responsible = 'kollega_x' where id = ?`).run(pathways[0]);
    expect(await ids()).toEqual(team ? pathways.slice(1) : pathways);
    expect(await ids('unit')).toEqual(pathways);
    const list = await core.ok('worklist.list', { scope: 'mine' });
    expect(list.counts.all).toBe(team ? 2 : 3);
    expect((await core.ok('worklist.list', { scope: 'unit' })).rows.find((r) => r.pathwayId === pathways[0])?.responsible).toBe('kollega_x');

    const me = (await core.ok('worklist.people', {})).find((p) => p.self)!.login;
    const before = reassigns();
    await core.ok('worklist.reassign', { pathwayId: pathways[0]!, to: me });
    expect(reassigns()).toBe(before + 1);
    expect(await ids()).toEqual(pathways);
    const entry = core.handle.sqlite
      .prepare(`select entity, entity_id, os_user from audit_log where action = 'pathway.reassign' order by id desc limit 1`)
      .get() as { entity: string; entity_id: number; os_user: string };
    expect(entry).toEqual({ entity: 'pathway', entity_id: pathways[0], os_user: me });
    // Giving it to the one already responsible changes nothing and logs nothing.
    await core.ok('worklist.reassign', { pathwayId: pathways[0]!, to: me });
    expect(reassigns()).toBe(before + 1);
  });

  it('refuses someone not in the list, an unknown pathway and a closed one, writing nothing', async () => {
    const before = reassigns();
    const stranger = await core.dispatch('worklist.reassign', { pathwayId: pathways[0]!, to: 'ingen_slik_person' });
    expect(stranger.ok).toBe(false);
    if (!stranger.ok) {
      expect(stranger.error.code).toBe('invalid_input');
      expect(stranger.error.issues?.[0]?.path).toBe('to');
      expect(JSON.stringify(stranger.error)).not.toContain('ingen_slik_person');
    }
    const me = (await core.ok('worklist.people', {})).find((p) => p.self)!.login;
    const missing = await core.dispatch('worklist.reassign', { pathwayId: 999_999, to: me });
    expect(!missing.ok && missing.error.code).toBe('not_found');
    core.handle.sqlite.prepare(`update pathway set status = 'ended' where id = ?`).run(pathways[1]);
    const closed = await core.dispatch('worklist.reassign', { pathwayId: pathways[1]!, to: me });
    expect(!closed.ok && closed.error.code).toBe('conflict');
    expect(reassigns()).toBe(before);
  });
  it('names everyone responsible for any pathway once, open or closed, by stepping through the responsible index (EXPLAIN QUERY PLAN)', async () => {
    // The local store's list: the OS user and every login named on a pathway, whatever its status; '' is nobody.
    const set = core.handle.sqlite.prepare(`update pathway set responsible = ?, status = ? where id = ?`);
    set.run('kollega_b', 'open', pathways[0]);
    set.run('kollega_a', 'ended', pathways[1]);
    set.run('kollega_b', 'ended', pathways[2]);
    const people = await core.ok('worklist.people', {});
    const me = people.find((p) => p.self)!.login;
    expect(people.map((p) => p.login).sort()).toEqual(['kollega_a', 'kollega_b', me].sort());

    // A loose index scan: the first login and each next one is one index search, never a pass over every pathway
    // (that read ran on the start path and grew with every pathway ever recorded).
    const reads = (await captureStatements(core, 'worklist.people', {})).filter((s) => /from pathway\b/i.test(s.sql));
    expect(reads).toHaveLength(1);
    const detail = (core.handle.sqlite.prepare(`explain query plan ${reads[0]!.sql}`).all(...reads[0]!.params) as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');
    expect(detail.match(/SEARCH pathway USING COVERING INDEX pathway_responsible \(responsible>\?\)/g)).toHaveLength(2);
    expect(detail).not.toMatch(/SCAN pathway/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });
});
