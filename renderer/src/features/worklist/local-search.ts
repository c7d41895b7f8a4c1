import { useEffect, useSyncExternalStore } from 'react';
import type { SearchKeys, WorklistCounts, WorklistRow } from '../../../../shared/contract/worklist';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { useWorklist, type WorklistFilter } from '../../stores/worklist';
import { matchKeys, prepare, slimRow, type PreparedKey } from './search-keys-filter';

/**
 * The worklist search at keystroke speed: the open caseload's search keys (worklist.searchKeys: slim tuples,
 * cached, made stale by the writes that make the worklist stale) are filtered here with the server's own rule
 * (shared/domain/search-match.ts), counted and ordered as worklist.list does, synchronously, so the result is
 * painted in the frame after the key — no round trip per keystroke. A row shows its full data when it has been
 * loaded (a worklist.list page, the caseload loaded ahead, or a fill); until then a slim row from its key (name,
 * id, pathway, deadline), and the visible slim rows are filled with one worklist.list call by id (`fillVisible`).
 */

// --- Full rows for the search result: loaded once per key set (a write refetches the keys: a new generation). ---

/** The open caseload's rows are loaded once per key set, a batch at a time while the renderer is idle. */
const PRELOAD_BATCH = 500;
/** Beyond this many open pathways in a scope the rest are filled when shown (fillVisible): memory stays bounded. */
const PRELOAD_MAX = 20_000;

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
  for (let at = 0; at < ids.length; at += PRELOAD_BATCH) void fillBatch(ids.slice(at, at + PRELOAD_BATCH), scope, intern);
}

function fillBatch(batch: number[], scope: WorklistFilter['scope'], intern: (rows: WorklistRow[]) => WorklistRow[]): Promise<void> {
  const gen = generation;
  return call('worklist.list', { pathwayIds: batch, limit: batch.length, scope }).then((res) => {
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

/**
 * Loads the full rows of the open caseload in the scope, once per key set, in batches of 500 while the renderer
 * is idle (never beside a keystroke): every search result then paints complete in its first frame, with no fill
 * by id and no second paint. After a write (a new key set) only rows never loaded are fetched; rows already held
 * stay shown and are refilled when they are on screen (fillVisible).
 */
export function useRowsPreloaded(intern: (rows: WorklistRow[]) => WorklistRow[]): void {
  const scope = useWorklist((s) => s.filter.scope);
  const keys = useSearchKeys(scope);
  useEffect(() => {
    if (!keys) return;
    let cancelled = false;
    let idle = 0;
    const next = (from: number) => {
      idle = requestIdleCallback(
        () => {
          if (cancelled) return;
          newGeneration(keys);
          prepare(keys); // matching is ready before the first keystroke
          const batch: number[] = [];
          let at = from;
          for (; at < Math.min(keys.keys.length, PRELOAD_MAX) && batch.length < PRELOAD_BATCH; at++) {
            const id = keys.keys[at]![0];
            if (!requested.has(id) && !full.has(id)) batch.push(id);
          }
          if (batch.length === 0) return;
          for (const id of batch) requested.add(id);
          void fillBatch(batch, scope, intern).then(() => !cancelled && next(at));
        },
        { timeout: 2000 },
      );
    };
    next(0);
    return () => {
      cancelled = true;
      cancelIdleCallback(idle);
    };
  }, [keys, scope, intern]);
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
