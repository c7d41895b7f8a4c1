import { create } from 'zustand';
import { leaveIfAgreed } from '../forms/unsaved';
import { useNewActionState } from '../features/shell/new-action';

/** A main screen id from features/shell/screens.tsx. */
export type Screen = string;
export type Route = { screen: Screen } | { screen: 'patient'; patientId: number; from: Screen; section?: string };

interface UiState {
  route: Route;
  newReferralOpen: boolean;
  shortcutsOpen: boolean;
  navigated: (route: Route) => void;
  newReferralToggled: (open: boolean) => void;
  shortcutsToggled: (open: boolean) => void;
}

/** UI-only state (where we are, which dialog is open). Never health data, never persisted. */
export const useUi = create<UiState>((set) => ({
  route: { screen: 'worklist' },
  newReferralOpen: false,
  shortcutsOpen: false,
  // Leaving a screen with unsaved changes asks first (forms/unsaved.ts).
  navigated: (route) => {
    leaveIfAgreed(() => {
      useNewActionState.setState({ pending: false });
      set({ route });
    });
  },
  newReferralToggled: (open) => set({ newReferralOpen: open }),
  shortcutsToggled: (open) => set({ shortcutsOpen: open }),
}));
