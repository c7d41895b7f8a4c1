import { AppError } from '../../shared/contract/envelope';
import type { createTrustRuntime, TrustRuntime } from './trust-runtime';

const SERVER_VERIFIES = 'Loggen på teamlageret kontrolleres på databaseserveren. Forløpsbenk kontrollerer bare den lokale loggen.';
const SERVER_BACKS_UP = 'Teamlageret sikkerhetskopieres på databaseserveren av IT. Forløpsbenk tar ingen lokale kopier av det.';

/**
 * The trust runtime on the team store: the lock works as on the local file, but backups and restores are
 * the server's business (pg_dump / base backups), so the app lists none and refuses to take or restore one.
 */
export function createTeamTrustRuntime(deps: Parameters<typeof createTrustRuntime>[0]): TrustRuntime {
  return {
    dataDir: deps.dataDir,
    lock: deps.lock,
    verifyAudit() {
      throw new AppError('invalid_input', SERVER_VERIFIES);
    },
    auditHead: () => null,
    backups: () => [],
    progress: () => null,
    dailyBackupProgress: () => ({ state: 'not_due', percent: 0 }),
    async backupNow() {
      throw new AppError('invalid_input', SERVER_BACKS_UP);
    },
    async restore() {
      throw new AppError('invalid_input', SERVER_BACKS_UP);
    },
  };
}
