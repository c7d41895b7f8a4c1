import type { SecuritySettings } from '../../../../shared/contract/security';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';

/** The unit's security settings (lock, retention) and a save that refreshes every reader of them. */
export function useSecuritySettings() {
  const settings: SecuritySettings | null = useContractQuery('security.getSettings', {}).data ?? null;
  // Saving refreshes every reader of the settings (the lock's idle time too) through the security area.
  const save = async (change: Partial<SecuritySettings>) => {
    if (!settings) return null;
    return call('security.saveSettings', { ...settings, ...change });
  };
  return { settings, save };
}
