// npm run seed -- --data-dir DIR --patients N [--seed S]: a reproducible synthetic (demo) caseload.
import { resolve } from 'node:path';
import { startCore } from '../electron/core/app-core';
import { resolveDataDir } from '../electron/core/data-dir';
import { seedCaseload } from '../electron/core/seed/seed';
import { seedFeatureHistory } from '../electron/core/seed/feature-seed';
import { APP_VERSION } from '../electron/core/version';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const dataDir = resolveDataDir(process.argv, process.env);
  const patients = Number(arg('--patients') ?? '200');
  const seed = Number(arg('--seed') ?? '1');
  if (!dataDir || !Number.isInteger(patients) || patients < 1 || !Number.isInteger(seed)) {
    console.error('Bruk: npm run seed -- --data-dir MAPPE --patients N [--seed S]');
    process.exit(2);
  }
  const core = await startCore({ dataDir: resolve(dataDir), transport: 'browser', version: APP_VERSION, demo: true });
  if (!core.ctx.demo) {
    console.error('Demodata kan bare skrives til en demodatabase (en ny datamappe).');
    process.exit(1);
  }
  const started = Date.now();
  const result = await seedCaseload(core.ctx.db, {
    patients,
    seed,
    now: new Date(),
    onProgress: (done, total) => process.stderr.write(`\rSkriver demodata: ${done}/${total} pasienter (${Math.round((done / total) * 100)} %)`),
  });
  process.stderr.write('\n');
  const history = await seedFeatureHistory(core.dispatch, core.handle, {
    now: new Date(),
    onProgress: (done, total) => process.stderr.write(`\rTimer, møter og planer: ${done}/${total}`),
  });
  process.stderr.write('\n');
  console.log(
    `Ferdig: ${result.patients} pasienter, ${result.openPathways} åpne forløp, ${history.appointments} timer (${history.noShows} ikke møtt), ` +
      `${history.meetings} møter, ${history.plans} planer, ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  await core.close();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : 'Seeding feilet');
  process.exit(1);
});
