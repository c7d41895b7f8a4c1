import { create } from 'zustand';
import type { WorklistCounts, WorklistGroup, WorklistRow } from '../../../shared/contract/worklist';
import type { PathwayTypeId, SettingId } from '../../../shared/domain/pathway-types';
import { call } from '../api/client';

export interface WorklistFilter {
  search: string;
  pathwayType: PathwayTypeId | '';
  setting: SettingId | '';
  group: WorklistGroup | '';
}

interface WorklistState {
  filter: WorklistFilter;
  rows: WorklistRow[];
  total: number;
  counts: WorklistCounts;
  today: string;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  selected: number;
  filterChanged: (patch: Partial<WorklistFilter>) => void;
  /** Reloads; `keepLoaded` (default) keeps as many rows as were loaded, so a refresh keeps the scroll position. */
  invalidated: (keepLoaded?: boolean) => Promise<void>;
  moreRequested: () => Promise<void>;
  selectionMoved: (index: number) => void;
}

// A screenful is ~25 rows; a small first page keeps each keystroke's round trip short.
const PAGE = 100;
let generation = 0;

async function fetchPage(filter: WorklistFilter, offset: number) {
  return call('worklist.list', {
    offset,
    limit: PAGE,
    ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
    ...(filter.pathwayType ? { pathwayType: filter.pathwayType } : {}),
    ...(filter.setting ? { setting: filter.setting } : {}),
    ...(filter.group ? { group: filter.group } : {}),
  });
}

const NO_COUNTS: WorklistCounts = { all: 0, overdue: 0, soon: 0, later: 0, none: 0 };

/** The worklist resource: rows are fetched a page at a time as the list scrolls. */
export const useWorklist = create<WorklistState>((set, get) => ({
  filter: { search: '', pathwayType: '', setting: '', group: '' },
  rows: [],
  total: 0,
  counts: NO_COUNTS,
  today: '',
  status: 'idle',
  error: null,
  selected: 0,
  filterChanged: (patch) => {
    set({ filter: { ...get().filter, ...patch }, selected: 0 });
    void get().invalidated(false);
  },
  invalidated: async (keepLoaded = true) => {
    const mine = ++generation;
    set({ status: 'loading' });
    // Keep as many rows as were loaded (a refresh after a write must not lose the scroll position or selection).
    // A new filter starts from its first page.
    const want = keepLoaded ? Math.max(PAGE, get().rows.length) : PAGE;
    const res = await fetchPage(get().filter, 0);
    if (mine !== generation) return; // a newer request superseded this one
    if (!res.ok) return set({ status: 'error', error: res.error.message });
    let rows = res.value.rows;
    while (rows.length < want && rows.length < res.value.total) {
      const more = await fetchPage(get().filter, rows.length);
      if (mine !== generation || !more.ok) break;
      rows = [...rows, ...more.value.rows];
    }
    if (mine !== generation) return;
    set({
      rows, total: res.value.total, counts: res.value.counts, today: res.value.today, status: 'ready', error: null,
      selected: Math.min(get().selected, Math.max(0, rows.length - 1)),
    });
  },
  moreRequested: async () => {
    const { rows, total, status } = get();
    if (status === 'loading' || rows.length >= total) return;
    const mine = generation;
    set({ status: 'loading' });
    const res = await fetchPage(get().filter, rows.length);
    if (mine !== generation) return;
    if (res.ok) set({ rows: [...rows, ...res.value.rows], total: res.value.total, counts: res.value.counts, status: 'ready' });
    else set({ status: 'error', error: res.error.message });
  },
  selectionMoved: (index) => set({ selected: Math.max(0, Math.min(index, get().rows.length - 1)) }),
}));
