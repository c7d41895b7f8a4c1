import type { ComponentType } from 'react';
import { SettingsScreen } from '../settings/SettingsScreen';
import { WorklistScreen } from '../worklist/WorklistScreen';

export interface ScreenDef {
  id: string;
  label: string;
  /** Second key of the go-to shortcut: `g` then this key. */
  key: string;
  Component: ComponentType;
}

/** Main navigation in UI.md's order. A feature's screen is added here, and nowhere else. */
export const SCREENS: ScreenDef[] = [
  { id: 'worklist', label: 'Arbeidsliste', key: 'a', Component: WorklistScreen },
  { id: 'settings', label: 'Innstillinger', key: 'i', Component: SettingsScreen },
];
