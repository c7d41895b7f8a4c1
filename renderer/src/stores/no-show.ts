import { create } from 'zustand';
import type { NextStepKind } from '../../../shared/contract/no-show';

interface NoShowQueueUiState {
  search: string;
  step: NextStepKind | '';
  selected: number;
  searchChanged: (search: string) => void;
  stepChanged: (step: NextStepKind | '') => void;
  selectionMoved: (index: number) => void;
}

/** The Ikke møtt queue's UI state (filter, selected row): kept while the person visits a case and comes back. */
export const useNoShowQueue = create<NoShowQueueUiState>((set) => ({
  search: '',
  step: '',
  selected: 0,
  searchChanged: (search) => set({ search, selected: 0 }),
  stepChanged: (step) => set({ step, selected: 0 }),
  selectionMoved: (selected) => set({ selected }),
}));
