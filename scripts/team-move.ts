/**
 * Moves one person's local store into the unit's new, empty team database (run once, by IT or the person):
 *   npm run team:move -- --from ~/.config/Forløpsbenk --url postgres://eier@db.example.no/forlopsbenk?sslmode=verify-full
 * The local folder's passphrase from FORLOPSBENK_PASSPHRASE (or --key-file), the team's audit key from
 * FORLOPSBENK_TEAM_AUDIT_KEY. Refuses a team database that holds anything; counts are compared on both sides.
 * The local folder is left as it was (keep it, with its key, as the archive of the local log's key).
 */
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { startCore } from '../electron/core/app-core';
import { teamAuditKeyFromEnvironment } from '../electron/core/audit';
import { masterKeyFromEnvironment } from '../electron/core/crypto/key-source';
import { deriveSubkey } from '../electron/core/crypto/keys';
import { assertPostgresSchemaCurrent } from '../electron/core/db/migrate-pg';
import { openPostgres } from '../electron/core/db/open-pg';
import { describeStore, parseStore } from '../electron/core/db/store';
import { moveToTeam } from '../electron/core/db/team-move';
import { APP_VERSION } from '../electron/core/version';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const from = arg('--from');
  const store = parseStore(arg('--url'));
  if (!from || store.kind !== 'postgres') {
    console.error('Bruk: npm run team:move -- --from DATAMAPPE --url postgres://eier@vert/database');
    process.exit(2);
  }
  const teamAuditKey = teamAuditKeyFromEnvironment(process.env);
  const dataDir = resolve(from);
  const { key: masterKey } = await masterKeyFromEnvironment(dataDir, process.argv, process.env);
  const core = await startCore({ dataDir, masterKey, transport: 'browser', version: APP_VERSION, dailyBackupDelayMs: 3_600_000 });
  const team = openPostgres(store.url, { max: 1 });
  try {
    await assertPostgresSchemaCurrent(team.db);
    const login = (await sql<{ who: string }>`select current_user as who`.execute(team.db)).rows[0]!.who;
    const report = await moveToTeam({
      local: core.handle.db,
      localAuditKey: deriveSubkey(masterKey, 'audit-chain'),
      team: team.db,
      teamAuditKey,
      teamLogin: login,
      now: new Date(),
    });
    console.log(`Flyttet til ${describeStore(store)}. Antall rader, lokalt = i teamdatabasen:`);
    for (const t of report.tables) if (t.local > 0) console.log(`  ${t.table}: ${t.local} = ${t.team}`);
    console.log(
      `Loggen: ${report.audit.entries} oppføringer kontrollert og bevart (siste lenke ${report.audit.head.slice(0, 16)}…, sha256 ${report.audit.sha256.slice(0, 16)}…).`,
    );
  } finally {
    await team.close();
    await core.close();
  }
}

main().catch((e: unknown) => {
  // The message only: a driver error may carry the connection string.
  console.error(`team:move feilet: ${e instanceof Error ? e.message : 'ukjent feil'}`);
  process.exit(1);
});
