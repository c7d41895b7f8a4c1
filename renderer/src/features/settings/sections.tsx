import type { ComponentType } from 'react';
import { ProfileSettings } from '../profile/ProfileSettings';

export interface SettingsSectionDef {
  id: string;
  title: string;
  Component: ComponentType;
}

/** Each feature adds its settings section here (policies, templates, backups…). */
export const SETTINGS_SECTIONS: SettingsSectionDef[] = [{ id: 'profile', title: 'Profil og brevhode', Component: ProfileSettings }];
