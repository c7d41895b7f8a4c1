import { sql } from 'kysely';
import { AppError } from '../../../shared/contract/envelope';
import { createMac, registerAuditKey, teamAuditKeyFromEnvironment } from '../audit';
import { NO_DAILY_BACKUP, type CoreStore, type StoreStartOptions } from './core-store';
import { osUserName } from './local-store';
import { assertPostgresSchemaCurrent } from './migrate-pg';
import { openPostgres } from './open-pg';
import { startTeamLive } from '../team-live';
import { verifyTeamChain } from './team-audit-verify';

const SERVER_BACKS_UP = 'Teamlageret sikkerhetskopieres på databaseserveren av IT. Forløpsbenk tar ingen lokale kopier av det.';

/**
 * The team store: the unit's database on the health trust's PostgreSQL server. No local file, so no
 * instance lock, no file encryption key, no daily backup and no audit anchor file (backups are the server's;
 * audit.verify walks the whole team chain with the team key). IT migrates the schema with team:init; here it is only checked. The audit chain is
 * keyed with the team's shared key (FORLOPSBENK_TEAM_AUDIT_KEY), since entries from every desk link into one chain.
 */
export async function openTeamStore(url: string, _opts: StoreStartOptions): Promise<CoreStore> {
  const teamKey = teamAuditKeyFromEnvironment(process.env);
  const handle = openPostgres(url);
  registerAuditKey(handle.db, teamKey);
  const teamMac = createMac(teamKey);
  let login: string | null;
  try {
    await assertPostgresSchemaCurrent(handle.db);
    const who = await sql<{ who: string }>`select current_user as who`.execute(handle.db);
    login = who.rows[0]?.who ?? null;
  } catch (e) {
    await handle.close();
    throw e;
  }
  const live = startTeamLive(handle, url);
  // Listening before the first call: a write another desk makes from now on reaches this one.
  await live.ready;
  return {
    kind: 'postgres',
    handle,
    login,
    live,
    // On the team store "who" is the database login, set by the server.
    osUser: login ?? osUserName(),
    notices: [],
    settleAuditChain: async () => {},
    // The lock works as on the local file; backups and restores are the server's business (pg_dump /
    // base backups), so the app lists none and refuses to take or restore one.
    trust: () => ({
      // The whole team chain, walked with the team's key (no anchor file here: always from the first entry).
      verifyAudit: () => verifyTeamChain(handle.db, teamMac),
      auditHead: () => null,
      backups: () => [],
      progress: () => null,
      dailyBackupProgress: () => NO_DAILY_BACKUP.progress(),
      async backupNow() {
        throw new AppError('invalid_input', SERVER_BACKS_UP);
      },
      async restore() {
        throw new AppError('invalid_input', SERVER_BACKS_UP);
      },
    }),
    scheduleDailyBackup: () => NO_DAILY_BACKUP,
    afterCall: () => {},
    close: async () => {
      await live.close();
      await handle.close();
    },
  };
}
