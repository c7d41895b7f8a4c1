import type { ComponentType } from 'react';
import { MyProfileSettings, UnitSettings } from '../profile/ProfileSettings';
import { ClockSettings } from './ClockSettings';
import { LetterTemplateSettings, NoShowPolicySettings } from '../no-show/NoShowSettings';
import { MeetingSettings } from '../meetings/MeetingSettings';
import { MunicipalitySettings } from '../contacts/MunicipalitySettings';
import { StoreSettings } from '../store/StoreSettings';
import { RetentionSettings } from '../trust/RetentionSettings';
import { AuditSettings, BackupSettings, LockSettings } from '../trust/TrustSettings';

export interface SettingsSectionDef {
  id: string;
  title: string;
  Component: ComponentType;
}

/** Each feature adds its settings section here (policies, templates, backups…). */
export const SETTINGS_SECTIONS: SettingsSectionDef[] = [
  { id: 'profile', title: 'Min profil', Component: MyProfileSettings },
  { id: 'unit', title: 'Enheten', Component: UnitSettings },
  { id: 'working-days', title: 'Virkedager og frister', Component: ClockSettings },
  { id: 'no-show-policy', title: 'Regler for ikke møtt', Component: NoShowPolicySettings },
  { id: 'letter-templates', title: 'Brevmaler', Component: LetterTemplateSettings },
  { id: 'meetings', title: 'Samarbeidsmøter: dagsordenmaler og personvern på utskrifter', Component: MeetingSettings },
  { id: 'municipalities', title: 'Kommuneliste', Component: MunicipalitySettings },
  { id: 'store', title: 'Lager for data', Component: StoreSettings },
  { id: 'backups', title: 'Sikkerhetskopier', Component: BackupSettings },
  { id: 'auto-lock', title: 'Automatisk låsing', Component: LockSettings },
  { id: 'retention', title: 'Oppbevaring og sletting', Component: RetentionSettings },
  { id: 'audit', title: 'Logg og sikkerhet', Component: AuditSettings },
];
