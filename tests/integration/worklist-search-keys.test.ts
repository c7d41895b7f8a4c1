import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCaseload } from '../../electron/core/seed/seed';
import type { WorklistFilter } from '../../renderer/src/stores/worklist';
import { matchKeys } from '../../renderer/src/features/worklist/search-keys-filter';
import { PATHWAY_TYPE_IDS, SETTING_IDS } from '../../shared/domain/pathway-types';
import { WORKLIST_GROUPS, type SearchKeys, type WorklistCursor } from '../../shared/contract/worklist';
import { FIXED_NOW, makeCore, referral, type TestCore } from '../fixtures/core';

/**
 * worklist.searchKeys and the renderer's search over them (search-keys-filter.ts) against the server's own
 * search (worklist.list on open_search_word): on a generated caseload, for a generated set of searches, the
 * same pathways in the same order and the same group counts.
 */
let core: TestCore;
let keys: SearchKeys;
beforeAll(async () => {
  core = await makeCore();
  await seedCaseload(core.ctx.db, { patients: 1500, seed: 11, now: FIXED_NOW });
  keys = await core.ok('worklist.searchKeys', { scope: 'mine' });
}, 120_000);
afterAll(async () => {
  await core.dispose();
});

type Filter = Pick<WorklistFilter, 'search' | 'pathwayType' | 'setting' | 'group'>;

async function serverSearch(f: Filter): Promise<{ ids: number[]; counts: unknown }> {
  const ids: number[] = [];
  for (let after: WorklistCursor | undefined; ; ) {
    const page = await core.ok('worklist.list', {
      ...(after ? { after } : {}),
      limit: 500,
      search: f.search,
      ...(f.pathwayType ? { pathwayType: f.pathwayType } : {}),
      ...(f.setting ? { setting: f.setting } : {}),
      ...(f.group ? { group: f.group } : {}),
    });
    ids.push(...page.rows.map((r) => r.pathwayId));
    if (!page.after) return { ids, counts: page.counts };
    after = page.after;
  }
}

/** Deterministic pseudo-random choice (the same searches every run). */
function pick<T>(items: readonly T[], i: number): T {
  return items[(i * 7919 + 13) % items.length]!;
}

function generatedSearches(): string[] {
  const out = ['', '   ', '-', 'zzq', '01a', 'æ', 'ø', 'å', 'HA', 'han sen', 'ha ha'];
  for (let i = 0; i < 30; i++) {
    const [, , , , , name, nationalId] = pick(keys.keys, i);
    const words = name.split(/[\s-]+/);
    const w = pick(words, i);
    out.push(w.slice(0, 1), w.slice(0, 2).toUpperCase(), w.slice(0, 3), w, `${words[0]!.slice(0, 2)} ${words[words.length - 1]!.slice(0, 3)}`, name);
    out.push(
      nationalId.slice(0, 1),
      nationalId.slice(0, 4),
      nationalId.slice(0, 6),
      `${nationalId.slice(0, 6)} ${nationalId.slice(6)}`,
      nationalId,
      `${nationalId}9`,
    );
  }
  return [...new Set(out)];
}

describe('worklist.searchKeys', () => {
  it('holds one slim key per open pathway, in the worklist order', async () => {
    const all = await serverSearch({ search: '', pathwayType: '', setting: '', group: '' });
    expect(keys.keys.map((k) => k[0])).toEqual(all.ids);
    expect(keys.today).toBe('2026-11-23');
    expect(keys.keys[0]).toHaveLength(7);
  });

  it('the renderer finds exactly what the server finds, in the same order, with the same counts', async () => {
    const searches = generatedSearches();
    expect(searches.length).toBeGreaterThan(200);
    let nonEmpty = 0;
    for (const search of searches) {
      const f: Filter = { search, pathwayType: '', setting: '', group: '' };
      const server = await serverSearch(f);
      const local = matchKeys(keys, f);
      expect(
        local.matched.map((k) => k.pathwayId),
        search,
      ).toEqual(server.ids);
      expect(local.counts, search).toEqual(server.counts);
      if (server.ids.length > 0 && server.ids.length < keys.keys.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(100);
  });

  it('and under the type, level and status filters', async () => {
    for (let i = 0; i < 24; i++) {
      const f: Filter = {
        search: pick(['a', 'be', 'nil', '0', '1', ''], i),
        pathwayType: i % 3 === 0 ? pick(PATHWAY_TYPE_IDS, i) : '',
        setting: i % 2 === 0 ? pick(SETTING_IDS, i) : '',
        group: i % 4 === 0 ? '' : pick(WORKLIST_GROUPS, i),
      };
      const server = await serverSearch(f);
      const local = matchKeys(keys, f);
      expect(
        local.matched.map((k) => k.pathwayId),
        JSON.stringify(f),
      ).toEqual(server.ids);
      expect(local.counts).toEqual(server.counts);
    }
  });

  it('follows a write: a new referral is in the keys and found by its name and birth date', async () => {
    const input = referral({ name: 'Søkbar Testesen' });
    const { pathwayId } = await core.ok('referrals.create', input);
    const after = await core.ok('worklist.searchKeys', {});
    const f: Filter = { search: 'søk test', pathwayType: '', setting: '', group: '' };
    expect(matchKeys(after, f).matched.map((k) => k.pathwayId)).toEqual([pathwayId]);
    expect((await serverSearch(f)).ids).toEqual([pathwayId]);
    expect(matchKeys(after, { ...f, search: input.patient.nationalId.slice(0, 6) }).matched.map((k) => k.pathwayId)).toContain(pathwayId);
  });

  it('validates its input without echoing it', async () => {
    for (const bad of [{ scope: 'alle' }, { scope: 3 }, 'mine']) {
      const res = await core.dispatch('worklist.searchKeys', bad);
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('invalid_input');
        expect(JSON.stringify(res.error)).not.toContain('alle');
      }
    }
    const ids = await core.dispatch('worklist.list', { pathwayIds: [0] });
    expect(!ids.ok && ids.error.code).toBe('invalid_input');
    const many = await core.dispatch('worklist.list', { pathwayIds: Array.from({ length: 501 }, (_, i) => i + 1) });
    expect(!many.ok && many.error.code).toBe('invalid_input');
  });

  it('worklist.list by id gives those rows only, in the worklist order (the renderer fills its visible rows so)', async () => {
    const ids = [keys.keys[40]![0], keys.keys[3]![0], keys.keys[17]![0]];
    const page = await core.ok('worklist.list', { pathwayIds: ids, limit: 3 });
    expect(page.rows.map((r) => r.pathwayId)).toEqual([keys.keys[3]![0], keys.keys[17]![0], keys.keys[40]![0]]);
    expect((await core.ok('worklist.list', { pathwayIds: [], limit: 3 })).rows).toEqual([]);
  });
});
