import { useEffect, useSyncExternalStore } from 'react';
import type { SearchKeys, WorklistCounts, WorklistRow } from '../../../../shared/contract/worklist';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { useWorklist, type WorklistFilter } from '../../stores/worklist';
import { matchKeys, nextSearchIds, prepare, slimRow, type PreparedKey } from './search-keys-filter';

/**
 * The worklist search at keystroke speed: the open caseload's search keys (worklist.searchKeys: slim tuples,
 * cached, made stale by the writes that make the worklist stale) are filtered here with the server's own rule
 * (shared/domain/search-match.ts), counted and ordered as worklist.list does, synchronously, so the result is
 * painted in the frame after the key — no round trip per keystroke. A row shows its full data when it has been
 * loaded (a worklist.list page, or a fill); until then a slim row from its key (name, id, pathway, deadline),
 * and the visible slim rows are filled with one worklist.list call by id (`fillVisible`).
 */

// --- Full rows for the search result: loaded once per key set (a write refetches the keys: a new generation). ---

let generation: SearchKeys | null = null;
const full = new Map<number, WorklistRow>();
const requested = new Set<number>();
let version = 0;
const listeners = new Set<() => void>();
let fullLookup: (pathwayId: number) => WorklistRow | undefined = () => undefined;

/** Where rows already loaded by worklist.list live (worklist-query.ts's interned rows); set once by that module. */
export function rowsLoadedFrom(lookup: (pathwayId: number) => WorklistRow | undefined): void {
  fullLookup = lookup;
}

function changed(): void {
  version++;
  for (const l of listeners) l();
}

function newGeneration(data: SearchKeys): void {
  if (generation === data) return;
  generation = data;
  // Rows loaded under the previous keys stay shown until refilled (a write may have changed them); rows of
  // pathways no longer open in the scope are dropped, so the map stays within the caseload.
  requested.clear();
  const open = new Set(data.keys.map((k) => k[0]));
  for (const id of full.keys()) if (!open.has(id)) full.delete(id);
}

/**
 * Loads the full rows of the given result rows that are slim or from an older key set: one worklist.list call
 * by id for the visible window. A row that comes back unchanged is the same object (interned), so nothing repaints.
 */
export function fillVisible(rows: readonly WorklistRow[], scope: WorklistFilter['scope'], intern: (rows: WorklistRow[]) => WorklistRow[]): void {
  fill(
    rows.map((r) => r.pathwayId),
    scope,
    intern,
  );
}

function fill(wanted: readonly number[], scope: WorklistFilter['scope'], intern: (rows: WorklistRow[]) => WorklistRow[]): void {
  const ids = wanted.filter((id) => !requested.has(id));
  if (ids.length === 0) return;
  for (const id of ids) requested.add(id);
  for (let at = 0; at < ids.length; at += 500) fillBatch(ids.slice(at, at + 500), scope, intern);
}

function fillBatch(batch: number[], scope: WorklistFilter['scope'], intern: (rows: WorklistRow[]) => WorklistRow[]): void {
  const gen = generation;
  void call('worklist.list', { pathwayIds: batch, limit: batch.length, scope }).then((res) => {
    if (!res.ok || gen !== generation) return;
    const before = new Map(res.value.rows.map((r) => [r.pathwayId, full.get(r.pathwayId) ?? fullLookup(r.pathwayId)]));
    const news = new Set<number>();
    for (const row of intern(res.value.rows)) {
      if (before.get(row.pathwayId) !== row) news.add(row.pathwayId);
      full.set(row.pathwayId, row);
    }
    // Render again only when a row of the result on screen changed (rows loaded ahead wait for their search).
    if (news.size > 0 && (!lastRows || lastRows.matched.some((k) => news.has(k.pathwayId)))) changed();
  });
}

/** How many rows of each one-key-longer search are loaded ahead: a screenful with its overscan. */
const AHEAD_PER_KEY = 30;
const AHEAD_MAX = 600;
/** Loading ahead waits this long after a keystroke, so it never competes with painting the result. */
const AHEAD_AFTER_MS = 120;

/**
 * After a result is painted and the typing has paused a moment, when the renderer is idle: loads the rows the next keystroke is likely to show
 * (nextSearchIds), so that result paints complete in its first frame. Rows of one generation load once; at most
 * the open caseload's rows are ever held.
 */
export function useRowsAhead(intern: (rows: WorklistRow[]) => WorklistRow[]): void {
  const filter = useWorklist((s) => s.filter);
  const keys = useSearchKeys(filter.scope);
  useEffect(() => {
    if (!keys) return;
    let idle = 0;
    const timer = setTimeout(() => {
      idle = requestIdleCallback(
        () => {
          newGeneration(keys);
          fill(nextSearchIds(keys, filter, AHEAD_PER_KEY, AHEAD_MAX), filter.scope, intern);
        },
        { timeout: 1000 },
      );
    }, AHEAD_AFTER_MS);
    return () => {
      clearTimeout(timer);
      cancelIdleCallback(idle);
    };
  }, [keys, filter, intern]);
}

// --- The result, computed once per key set, filter and fill version, shared by every part of the screen. ---

export interface LocalResult {
  rows: WorklistRow[];
  counts: WorklistCounts;
  total: number;
  today: string;
}

let lastRows: { version: number; matched: PreparedKey[]; rows: WorklistRow[] } | null = null;

export function localResult(data: SearchKeys, filter: WorklistFilter): LocalResult {
  newGeneration(data);
  const p = prepare(data);
  const { matched, counts } = matchKeys(data, filter);
  if (!lastRows || lastRows.version !== version || lastRows.matched !== matched) {
    lastRows = { version, matched, rows: matched.map((k) => full.get(k.pathwayId) ?? fullLookup(k.pathwayId) ?? slimRow(k, p)) };
  }
  return { rows: lastRows.rows, counts, total: filter.group ? counts[filter.group] : counts.all, today: data.today };
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
const getVersion = () => version;

/** The keys as cached; `load` (the search box) starts loading them, other parts only read the cache. */
export function useSearchKeys(scope: WorklistFilter['scope'], load = false): SearchKeys | undefined {
  return useContractQuery('worklist.searchKeys', { scope }, { enabled: load }).data;
}

/** The search result from the keys when there is a search and its keys are loaded; null otherwise (the server's list). */
export function useLocalSearch(): LocalResult | null {
  const filter = useWorklist((s) => s.filter);
  const keys = useSearchKeys(filter.scope);
  useSyncExternalStore(subscribe, getVersion);
  if (!keys || filter.search.trim() === '') return null;
  return localResult(keys, filter);
}
