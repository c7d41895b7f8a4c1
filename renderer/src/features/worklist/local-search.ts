import { useSyncExternalStore } from 'react';
import type { SearchKeys, WorklistCounts, WorklistGroup, WorklistRow } from '../../../../shared/contract/worklist';
import { DUE_SOON_DAYS, soonUntil } from '../../../../shared/domain/due';
import { maskNationalId } from '../../../../shared/domain/national-id';
import { NO_DUE_SORT, storedDueState } from '../../../../shared/domain/pathway-clock';
import { matchesSearch, searchTerms } from '../../../../shared/domain/search-match';
import { nameSearchWords } from '../../../../shared/domain/search-words';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { useWorklist, type WorklistFilter } from '../../stores/worklist';

/**
 * The worklist search at keystroke speed: the open caseload's search keys (worklist.searchKeys: slim tuples,
 * cached, made stale by the writes that make the worklist stale) are filtered here with the server's own rule
 * (shared/domain/search-match.ts), counted and ordered as worklist.list does, synchronously, so the result is
 * painted in the frame after the key — no round trip per keystroke. A row shows its full data when it has been
 * loaded (a worklist.list page, or a fill); until then a slim row from its key (name, id, pathway, deadline),
 * and the visible slim rows are filled with one worklist.list call by id (`fillVisible`).
 */

interface PreparedKey {
  pathwayId: number;
  patientId: number;
  dueSort: string;
  pathwayType: WorklistRow['pathwayType'];
  setting: WorklistRow['setting'];
  name: string;
  nationalId: string;
  words: string[];
}

interface Prepared {
  keys: PreparedKey[];
  today: string;
  soon: string;
  /** Slim rows by pathway, made once per key set (the same object for memoized grid rows). */
  slim: Map<number, WorklistRow>;
}

const prepared = new WeakMap<SearchKeys, Prepared>();

function prepare(data: SearchKeys): Prepared {
  let p = prepared.get(data);
  if (!p) {
    p = {
      keys: data.keys.map(([pathwayId, patientId, dueSort, pathwayType, setting, name, nationalId]) => ({
        pathwayId,
        patientId,
        dueSort,
        pathwayType,
        setting,
        name,
        nationalId,
        words: nameSearchWords(name),
      })),
      today: data.today,
      soon: soonUntil(data.today, DUE_SOON_DAYS.pathway),
      slim: new Map(),
    };
    prepared.set(data, p);
  }
  return p;
}

/** The group worklist.list puts a pathway in, from its stored due_sort (the same ranges as its counts). */
function groupOf(dueSort: string, p: Prepared): WorklistGroup {
  if (dueSort < p.today) return 'overdue';
  if (dueSort <= p.soon) return 'soon';
  return dueSort < NO_DUE_SORT ? 'later' : 'none';
}

function slimRow(k: PreparedKey, p: Prepared): WorklistRow {
  let row = p.slim.get(k.pathwayId);
  if (!row) {
    const dueDate = k.dueSort === NO_DUE_SORT ? null : k.dueSort;
    const { state, daysLeft } = storedDueState(dueDate, p.today);
    row = {
      pathwayId: k.pathwayId,
      patientId: k.patientId,
      name: k.name,
      nationalIdMasked: maskNationalId(k.nationalId),
      synthetic: false,
      pathwayType: k.pathwayType,
      setting: k.setting,
      referralReceived: '',
      nextActionKey: '',
      nextActionLabel: '',
      dueDate,
      daysLeft,
      state,
      group: groupOf(k.dueSort, p),
      responsible: '',
      flags: {
        openNoShows: 0,
        nextMeetingDate: null,
        planAttentionDate: null,
        dataQuality: 0,
        breachReasonMissing: false,
        careDeadlineBreach: null,
        patientPostponedFrom: null,
      },
    };
    p.slim.set(k.pathwayId, row);
  }
  return row;
}

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
  // Rows loaded under the previous keys stay shown until refilled (a write may have changed them).
  requested.clear();
}

/**
 * Loads the full rows of the given result rows that are slim or from an older key set: one worklist.list call
 * by id for the visible window. A row that comes back unchanged is the same object (interned), so nothing repaints.
 */
export function fillVisible(rows: readonly WorklistRow[], scope: WorklistFilter['scope'], intern: (rows: WorklistRow[]) => WorklistRow[]): void {
  const ids = rows.map((r) => r.pathwayId).filter((id) => !requested.has(id));
  if (ids.length === 0) return;
  for (const id of ids) requested.add(id);
  const gen = generation;
  const batch = ids.slice(0, 500);
  void call('worklist.list', { pathwayIds: batch, limit: batch.length, scope }).then((res) => {
    if (!res.ok || gen !== generation) return;
    const before = new Map(res.value.rows.map((r) => [r.pathwayId, full.get(r.pathwayId) ?? fullLookup(r.pathwayId)]));
    let any = false;
    for (const row of intern(res.value.rows)) {
      if (before.get(row.pathwayId) !== row) any = true;
      full.set(row.pathwayId, row);
    }
    if (any) changed();
  });
}

// --- The result, computed once per key set, filter and fill version, shared by every part of the screen. ---

export interface LocalResult {
  rows: WorklistRow[];
  counts: WorklistCounts;
  total: number;
  today: string;
}

let last: { data: SearchKeys; filter: WorklistFilter; matched: PreparedKey[]; counts: WorklistCounts } | null = null;
let lastRows: { version: number; matched: PreparedKey[]; rows: WorklistRow[] } | null = null;

/** The keys matching every filter but the group, and the counts per group (as worklist.list counts them). */
function match(data: SearchKeys, filter: WorklistFilter): { matched: PreparedKey[]; counts: WorklistCounts } {
  if (last && last.data === data && last.filter === filter) return last;
  const p = prepare(data);
  const terms = searchTerms(filter.search);
  const counts: WorklistCounts = { all: 0, overdue: 0, soon: 0, later: 0, none: 0 };
  const matched: PreparedKey[] = [];
  for (const k of p.keys) {
    if (filter.pathwayType && k.pathwayType !== filter.pathwayType) continue;
    if (filter.setting && k.setting !== filter.setting) continue;
    if (!matchesSearch(terms, k.words, k.nationalId)) continue;
    const g = groupOf(k.dueSort, p);
    counts[g]++;
    counts.all++;
    if (!filter.group || g === filter.group) matched.push(k);
  }
  last = { data, filter, matched, counts };
  return last;
}

export function localResult(data: SearchKeys, filter: WorklistFilter): LocalResult {
  newGeneration(data);
  const p = prepare(data);
  const { matched, counts } = match(data, filter);
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
