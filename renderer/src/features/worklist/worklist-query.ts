import { keepPreviousData, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Input, Output } from '../../../../shared/contract';
import type { WorklistCounts, WorklistCursor, WorklistRow } from '../../../../shared/contract/worklist';
import { callOrThrow, contractKey, queryClient, type ContractError } from '../../api/query';
import { NO_FILTER, useWorklist, type WorklistFilter } from '../../stores/worklist';
import { rowsLoadedFrom, useLocalSearch, useSearchKeys } from './local-search';
import { matchKeys } from './search-keys-filter';

// A screenful is ~25 rows: the first page is two. Each row of a page is joined with its patient, pathway and breach
// rows (the search's first page at 100k: 1.05 ms for 100 rows, 0.63 ms for 50), and scrolling asks for the next
// page. Each next page is twice the one before, up to 500: a list of 6,000 is in after 16 pages, not 120 (End
// loads them all, and each page that arrives renders the list again). Sizes follow from the page's place, so a
// refetch (which asks for the same number of pages again) gets the same rows.
const PAGE = 50;
const PAGE_MAX = 500;
type Page = Output<'worklist.list'>;
/** Where a page starts (after the previous page's last row; null: the top) and how many rows it asks for. */
type PageParam = { after: WorklistCursor | null; limit: number };

/** The filter as the contract's input, without the paging (the key is the same for every page). */
function filterInput(filter: WorklistFilter): Input<'worklist.list'> {
  return {
    limit: PAGE,
    scope: filter.scope,
    ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
    ...(filter.pathwayType ? { pathwayType: filter.pathwayType } : {}),
    ...(filter.setting ? { setting: filter.setting } : {}),
    ...(filter.group ? { group: filter.group } : {}),
  };
}

/**
 * Rows as last shown, by pathway: a row that arrives again with the same content (the next keystroke's result,
 * a refresh) is the same object, so the grid's memoized rows are not rendered again. Bounded: cleared when large.
 */
const shown = new Map<number, WorklistRow>();
const SHOWN_MAX = 20_000;

rowsLoadedFrom((pathwayId) => shown.get(pathwayId));

function sameRow(a: WorklistRow, b: WorklistRow): boolean {
  for (const k of Object.keys(b) as (keyof WorklistRow)[]) {
    if (k === 'flags') continue;
    if (a[k] !== b[k]) return false;
  }
  for (const k of Object.keys(b.flags) as (keyof WorklistRow['flags'])[]) if (a.flags[k] !== b.flags[k]) return false;
  return true;
}

export function internRows(rows: WorklistRow[]): WorklistRow[] {
  if (shown.size > SHOWN_MAX) shown.clear();
  return rows.map((row) => {
    const prev = shown.get(row.pathwayId);
    if (prev && sameRow(prev, row)) return prev;
    shown.set(row.pathwayId, row);
    return row;
  });
}

function options(filter: WorklistFilter) {
  const input = filterInput(filter);
  return {
    queryKey: contractKey('worklist.list', input),
    // A page starts after the last row of the one before (its cursor): as cheap deep in the list as at its top.
    queryFn: async ({ pageParam }: { pageParam: PageParam }) => {
      const page = await callOrThrow('worklist.list', { ...input, limit: pageParam.limit, ...(pageParam.after ? { after: pageParam.after } : {}) });
      return { ...page, rows: internRows(page.rows) };
    },
    initialPageParam: { after: null, limit: PAGE } as PageParam,
    getNextPageParam: (last: Page, pages: Page[]): PageParam | undefined => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0);
      if (loaded >= last.total || !last.after) return undefined;
      return { after: last.after, limit: Math.min(PAGE_MAX, PAGE * 2 ** pages.length) };
    },
  };
}

/** Called once at start-up, before React renders: the first page is on its way while the app starts. */
export function prefetchWorklist(): void {
  void queryClient.prefetchInfiniteQuery(options(NO_FILTER));
}

const NO_COUNTS: WorklistCounts = { all: 0, overdue: 0, soon: 0, later: 0, none: 0 };
const NO_ROWS: WorklistRow[] = [];

/**
 * The server's list for the filter; while a search is answered from the search keys (local-search.ts) the list
 * without the search (no round trip per keystroke: that page is cached).
 */
function useWorklistQuery<T = InfiniteData<Page, PageParam>>(select?: (data: InfiniteData<Page, PageParam>) => T) {
  // Subscribed to the filter the server sees: while the search is answered locally, a keystroke changes nothing
  // here (shallow-equal), so a part using only this query does not render again per key.
  const scope = useWorklist((s) => s.filter.scope);
  const hasKeys = useSearchKeys(scope) !== undefined;
  const filter = useWorklist(useShallow((s) => (hasKeys && s.filter.search.trim() !== '' ? { ...s.filter, search: '' } : s.filter)));
  return useInfiniteQuery<Page, ContractError, T, ReturnType<typeof options>['queryKey'], PageParam>({
    ...options(filter),
    placeholderData: keepPreviousData,
    ...(select ? { select } : {}),
  });
}

const selectCounts = (d: InfiniteData<Page, PageParam>) => d.pages[0]?.counts ?? NO_COUNTS;
/** The group counts only: a component showing them renders again when they change, not on every page. */
export function useWorklistCounts(): WorklistCounts {
  const scope = useWorklist((s) => s.filter.scope);
  const keys = useSearchKeys(scope);
  // Shallow-equal counts are the same object: a keystroke that leaves the counts as they were renders nothing here.
  const local = useWorklist(useShallow((s) => (!keys || s.filter.search.trim() === '' ? null : matchKeys(keys, s.filter).counts)));
  const server = useWorklistQuery(selectCounts).data ?? NO_COUNTS;
  return local ?? server;
}

const selectEmpty = (d: InfiniteData<Page, PageParam>) => (d.pages[0]?.rows.length ?? 0) === 0;
/** Whether the result is empty, and its state: what the screen around the grid needs. */
export function useWorklistState(): { empty: boolean; status: WorklistRows['status']; error: string | null } {
  const localEmpty = useLocalEmpty();
  const { data, isPending, isPlaceholderData, error } = useWorklistQuery(selectEmpty);
  if (localEmpty !== null) return { empty: localEmpty, status: 'ready', error: null };
  return { empty: data ?? true, status: error ? 'error' : isPending || isPlaceholderData ? 'loading' : 'ready', error: error?.message ?? null };
}

/**
 * Whether the search answered from the search keys is empty (null when the server's list applies): a boolean,
 * so the screen frame renders again only when the result turns empty or not, not on every keystroke.
 */
function useLocalEmpty(): boolean | null {
  const scope = useWorklist((s) => s.filter.scope);
  const keys = useSearchKeys(scope);
  return useWorklist((s) => (!keys || s.filter.search.trim() === '' ? null : matchKeys(keys, s.filter).matched.length === 0));
}

export interface WorklistRows {
  rows: WorklistRow[];
  total: number;
  counts: WorklistCounts;
  today: string;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  moreRequested: () => void;
  /**
   * Loads every page not loaded yet, one after the other (End goes to the last row of the whole list, not the
   * last loaded). A second call while loading joins it; resolves when no page is left, a page failed or the
   * filter changed.
   */
  restRequested: () => Promise<void>;
  /** The rows are a search answered from the search keys (some may be slim until filled; see local-search.ts). */
  local: boolean;
}

const noMore = () => {};
const noRest = () => Promise.resolve();

/**
 * The worklist's rows for the current filter, a page at a time as the list scrolls. A refresh after a write
 * refetches every loaded page (so the scroll position and selection stay); a new filter starts at its first page,
 * showing the previous result until the new one arrives.
 */
export function useWorklistRows(): WorklistRows {
  const local = useLocalSearch();
  const q = useWorklistQuery();
  const { data, isPending, isPlaceholderData, error, hasNextPage, isFetchingNextPage, fetchNextPage } = q;
  const rows = useMemo(() => (data ? data.pages.flatMap((p) => p.rows) : NO_ROWS), [data]);
  const moreRequested = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const restRequested = useCallback(() => loadRest(fetchNextPage), [fetchNextPage]);
  const first = data?.pages[0];
  if (local) return { ...local, status: 'ready', error: null, moreRequested: noMore, restRequested: noRest, local: true };
  return {
    local: false,
    rows,
    total: data?.pages[data.pages.length - 1]?.total ?? 0,
    counts: first?.counts ?? NO_COUNTS,
    today: first?.today ?? '',
    status: error ? 'error' : isPending || isPlaceholderData ? 'loading' : 'ready',
    error: error?.message ?? null,
    moreRequested,
    restRequested,
  };
}

type NextPage = (options: { cancelRefetch: boolean }) => Promise<{ hasNextPage: boolean; isError: boolean }>;
/** The rest of the list being loaded (one at a time app-wide: a second End joins the first). */
let loadingRest: Promise<void> | null = null;

/**
 * Asks for the next page until there is none. `cancelRefetch: false`: a page already on its way (scrolling asked
 * for it) is waited for, not asked for again. Stops when the filter changes: the observer then serves the new
 * filter, whose pages nobody asked for.
 */
export function loadRest(next: NextPage): Promise<void> {
  if (loadingRest) return loadingRest;
  const filter = useWorklist.getState().filter;
  const run = async () => {
    for (;;) {
      const r = await next({ cancelRefetch: false });
      if (!r.hasNextPage || r.isError || useWorklist.getState().filter !== filter) return;
    }
  };
  loadingRest = run().finally(() => {
    loadingRest = null;
  });
  return loadingRest;
}
