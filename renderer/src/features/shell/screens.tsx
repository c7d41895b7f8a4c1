import type { ComponentType } from 'react';
import { lazyNamed } from '../../lib/lazy-named';
import { WorklistScreen } from '../worklist/WorklistScreen';

const NoShowQueueScreen = lazyNamed(() => import('../no-show/NoShowQueueScreen'), 'NoShowQueueScreen');
const MeetingsScreen = lazyNamed(() => import('../meetings/MeetingsScreen'), 'MeetingsScreen');
const PlansScreen = lazyNamed(() => import('../plans/PlansScreen'), 'PlansScreen');
const ContactsScreen = lazyNamed(() => import('../contacts/ContactsScreen'), 'ContactsScreen');
const OverviewScreen = lazyNamed(() => import('../overview/OverviewScreen'), 'OverviewScreen');
const RegistrationScreen = lazyNamed(() => import('../registration/RegistrationScreen'), 'RegistrationScreen');
const RulesScreen = lazyNamed(() => import('../rules/RulesScreen'), 'RulesScreen');
const SettingsScreen = lazyNamed(() => import('../settings/SettingsScreen'), 'SettingsScreen');

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
  { id: 'registration', label: 'Til journal', key: 'j', Component: RegistrationScreen },
  { id: 'rules', label: 'Regler', key: 'r', Component: RulesScreen },
  { id: 'settings', label: 'Innstillinger', key: 'i', Component: SettingsScreen },
];
