import type { ComponentType } from 'react';
import { SettingsScreen } from '../settings/SettingsScreen';
import { WorklistScreen } from '../worklist/WorklistScreen';
import { OverviewScreen } from '../overview/OverviewScreen';
import { RulesScreen } from '../rules/RulesScreen';
import { NoShowQueueScreen } from '../no-show/NoShowQueueScreen';
import { PlansScreen } from '../plans/PlansScreen';
import { MeetingsScreen } from '../meetings/MeetingsScreen';
import { ContactsScreen } from '../contacts/ContactsScreen';

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
  { id: 'no-show', label: 'Ikke møtt', key: 'm', Component: NoShowQueueScreen },
  { id: 'meetings', label: 'Møter', key: 'e', Component: MeetingsScreen },
  { id: 'plans', label: 'Planer', key: 'p', Component: PlansScreen },
  { id: 'contacts', label: 'Kontakter', key: 'k', Component: ContactsScreen },
  { id: 'overview', label: 'Oversikt', key: 'o', Component: OverviewScreen },
  { id: 'rules', label: 'Regler', key: 'r', Component: RulesScreen },
  { id: 'settings', label: 'Innstillinger', key: 'i', Component: SettingsScreen },
];
