import { create } from 'zustand';
import type { WorklistGroup, WorklistScope } from '../../../shared/contract/worklist';
import type { PathwayTypeId, SettingId } from '../../../shared/domain/pathway-types';

export interface WorklistFilter {
  search: string;
  pathwayType: PathwayTypeId | '';
  setting: SettingId | '';
  group: WorklistGroup | '';
  /** Mine (default) or the unit's caseload. */
  scope: WorklistScope;
}

interface WorklistUiState {
  filter: WorklistFilter;
  selected: number;
  filterChanged: (patch: Partial<WorklistFilter>) => void;
  /** Moves the selection, kept within the `count` rows loaded. */
  selectionMoved: (index: number, count: number) => void;
}

export const NO_FILTER: WorklistFilter = { search: '', pathwayType: '', setting: '', group: '', scope: 'mine' };

/** The worklist's UI state only (filter, selected row); its rows are a query (features/worklist/worklist-query.ts). */
export const useWorklist = create<WorklistUiState>((set) => ({
  filter: NO_FILTER,
  selected: 0,
  filterChanged: (patch) => set((s) => ({ filter: { ...s.filter, ...patch }, selected: 0 })),
  selectionMoved: (index, count) => set({ selected: Math.max(0, Math.min(index, count - 1)) }),
}));
