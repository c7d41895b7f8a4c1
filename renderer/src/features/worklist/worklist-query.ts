import { keepPreviousData, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { Input, Output } from '../../../../shared/contract';
import type { WorklistCounts, WorklistRow } from '../../../../shared/contract/worklist';
import { callOrThrow, contractKey, queryClient, type ContractError } from '../../api/query';
import { NO_FILTER, useWorklist, type WorklistFilter } from '../../stores/worklist';

// A screenful is ~25 rows; a small first page keeps each keystroke's round trip short.
const PAGE = 100;
type Page = Output<'worklist.list'>;

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

function options(filter: WorklistFilter) {
  const input = filterInput(filter);
  return {
    queryKey: contractKey('worklist.list', input),
    queryFn: ({ pageParam }: { pageParam: number }) => callOrThrow('worklist.list', { ...input, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last: Page, pages: Page[]) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total && last.rows.length > 0 ? loaded : undefined;
    },
  };
}

/** Called once at start-up, before React renders: the first page is on its way while the app starts. */
export function prefetchWorklist(): void {
  void queryClient.prefetchInfiniteQuery(options(NO_FILTER));
}

const NO_COUNTS: WorklistCounts = { all: 0, overdue: 0, soon: 0, later: 0, none: 0 };
const NO_ROWS: WorklistRow[] = [];

export interface WorklistRows {
  rows: WorklistRow[];
  total: number;
  counts: WorklistCounts;
  today: string;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  moreRequested: () => void;
}

/**
 * The worklist's rows for the current filter, a page at a time as the list scrolls. A refresh after a write
 * refetches every loaded page (so the scroll position and selection stay); a new filter starts at its first page,
 * showing the previous result until the new one arrives.
 */
export function useWorklistRows(): WorklistRows {
  const filter = useWorklist((s) => s.filter);
  const q = useInfiniteQuery<Page, ContractError, InfiniteData<Page, number>, ReturnType<typeof options>['queryKey'], number>({
    ...options(filter),
    placeholderData: keepPreviousData,
  });
  const { data, isPending, isPlaceholderData, error, hasNextPage, isFetchingNextPage, fetchNextPage } = q;
  const rows = useMemo(() => (data ? data.pages.flatMap((p) => p.rows) : NO_ROWS), [data]);
  const moreRequested = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const first = data?.pages[0];
  return {
    rows,
    total: data?.pages[data.pages.length - 1]?.total ?? 0,
    counts: first?.counts ?? NO_COUNTS,
    today: first?.today ?? '',
    status: error ? 'error' : isPending || isPlaceholderData ? 'loading' : 'ready',
    error: error?.message ?? null,
    moreRequested,
  };
}
