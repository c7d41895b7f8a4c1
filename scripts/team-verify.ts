/**
 * Verifies the team store's audit chain from its first entry with the team's shared audit key:
 *   FORLOPSBENK_TEAM_AUDIT_KEY=… npm run team:verify -- --url postgres://leder@db.example.no/forlopsbenk?sslmode=verify-full
 * Run it under a login that may read the whole log (coordinator or unit leader, or the owner). Exit code 0 when
 * the chain holds, 1 when it is broken (the first bad position is printed), 2 on wrong use.
 */
import { createMac, teamAuditKeyFromEnvironment } from '../electron/core/audit';
import { describeStore, parseStore } from '../electron/core/db/store';
import { openPostgres } from '../electron/core/db/open-pg';
import { verifyTeamChain } from '../electron/core/db/team-audit-verify';

async function main(): Promise<number> {
  const i = process.argv.indexOf('--url');
  const raw = i >= 0 ? process.argv[i + 1] : process.env.FORLOPSBENK_STORE;
  const store = parseStore(raw);
  if (store.kind !== 'postgres') {
    console.error('Oppgi databasen: npm run team:verify -- --url postgres://login@vert/database');
    return 2;
  }
  const mac = createMac(teamAuditKeyFromEnvironment(process.env));
  const handle = openPostgres(store.url, { max: 1 });
  try {
    const result = await verifyTeamChain(handle.db, mac);
    if (result.ok) {
      console.log(`Loggen i ${describeStore(store)} er hel: ${result.checked} av ${result.total} hendelser kontrollert med teamets loggnøkkel.`);
      return 0;
    }
    console.error(`Loggen i ${describeStore(store)} er IKKE hel. ${result.message ?? ''}`);
    return 1;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    // The message only: a driver error may carry the connection string.
    console.error(`team:verify feilet: ${e instanceof Error ? e.message : 'ukjent feil'}`);
    process.exit(2);
  },
);
