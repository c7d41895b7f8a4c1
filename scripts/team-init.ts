/**
 * Sets up a team database for a unit (idempotent; run again after each upgrade):
 *   npm run team:init -- --url postgres://owner@db.example.no/forlopsbenk?sslmode=verify-full
 * Creates the schema, the group roles forlopsbenk_coordinator, forlopsbenk_admin_staff and
 * forlopsbenk_unit_leader, and their grants. People's own logins are created by IT and made members.
 */
import { describeStore, parseStore } from '../electron/core/db/store';
import { openPostgres } from '../electron/core/db/open-pg';
import { teamInit } from '../electron/core/db/team-init';

async function main(): Promise<void> {
  const i = process.argv.indexOf('--url');
  const raw = i >= 0 ? process.argv[i + 1] : process.env.FORLOPSBENK_STORE;
  const store = parseStore(raw);
  if (store.kind !== 'postgres') {
    console.error('Oppgi databasen: npm run team:init -- --url postgres://eier@vert/database');
    process.exit(2);
  }
  const handle = openPostgres(store.url, { max: 1 });
  try {
    // --demo: a training or test database (synthetic national ids only), settled on the first run.
    const out = await teamInit(handle.db, { demo: process.argv.includes('--demo') });
    console.log(`Teamdatabasen ${describeStore(store)} er klar.`);
    console.log(out.applied.length ? `Migreringer kjørt: ${out.applied.join(', ')}` : 'Skjemaet var allerede oppdatert.');
    console.log(out.roles.length ? `Grupperoller opprettet: ${out.roles.join(', ')}` : 'Grupperollene fantes fra før; rettighetene er gitt på nytt.');
  } finally {
    await handle.close();
  }
}

main().catch((e: unknown) => {
  // The message only: a driver error may carry the connection string.
  console.error(`team:init feilet: ${e instanceof Error ? e.message : 'ukjent feil'}`);
  process.exit(1);
});
