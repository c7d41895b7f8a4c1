import { create } from 'zustand';
import type { WorklistRow } from '../../../shared/contract/worklist';
import type { PathwayTypeId, SettingId } from '../../../shared/domain/pathway-types';
import { call } from '../api/client';

export interface WorklistFilter {
  search: string;
  pathwayType: PathwayTypeId | '';
  setting: SettingId | '';
}

interface WorklistState {
  filter: WorklistFilter;
  rows: WorklistRow[];
  total: number;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  selected: number;
  filterChanged: (patch: Partial<WorklistFilter>) => void;
  invalidated: () => Promise<void>;
  moreRequested: () => Promise<void>;
  selectionMoved: (index: number) => void;
}

const PAGE = 200;
let generation = 0;

async function fetchPage(filter: WorklistFilter, offset: number) {
  return call('worklist.list', {
    offset,
    limit: PAGE,
    ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
    ...(filter.pathwayType ? { pathwayType: filter.pathwayType } : {}),
    ...(filter.setting ? { setting: filter.setting } : {}),
  });
}

/** The worklist resource: rows are fetched a page at a time as the list scrolls. */
export const useWorklist = create<WorklistState>((set, get) => ({
  filter: { search: '', pathwayType: '', setting: '' },
  rows: [],
  total: 0,
  status: 'idle',
  error: null,
  selected: 0,
  filterChanged: (patch) => {
    set({ filter: { ...get().filter, ...patch }, selected: 0 });
    void get().invalidated();
  },
  invalidated: async () => {
    const mine = ++generation;
    set({ status: 'loading' });
    const res = await fetchPage(get().filter, 0);
    if (mine !== generation) return; // a newer request superseded this one
    if (res.ok) {
      set({ rows: res.value.rows, total: res.value.total, status: 'ready', error: null, selected: Math.min(get().selected, Math.max(0, res.value.rows.length - 1)) });
      performance.mark('worklist:painted-request');
    } else set({ status: 'error', error: res.error.message });
  },
  moreRequested: async () => {
    const { rows, total, status } = get();
    if (status === 'loading' || rows.length >= total) return;
    const mine = generation;
    set({ status: 'loading' });
    const res = await fetchPage(get().filter, rows.length);
    if (mine !== generation) return;
    if (res.ok) set({ rows: [...rows, ...res.value.rows], total: res.value.total, status: 'ready' });
    else set({ status: 'error', error: res.error.message });
  },
  selectionMoved: (index) => set({ selected: Math.max(0, Math.min(index, get().rows.length - 1)) }),
}));
