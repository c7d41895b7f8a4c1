import type { Screen } from '../../stores/ui';

/** Main navigation in UI.md's order; each screen lands here when it exists. `key` is the g-shortcut (g then key). */
export const SCREENS: { id: Screen; label: string; key: string }[] = [
  { id: 'worklist', label: 'Arbeidsliste', key: 'a' },
  { id: 'settings', label: 'Innstillinger', key: 'i' },
];
