// npm run seed -- --data-dir DIR --patients N [--seed S] [--replace] [--key-file F]: a reproducible synthetic (demo)
// caseload, encrypted exactly like real data (passphrase from FORLOPSBENK_PASSPHRASE, else asked).
import { resolve } from 'node:path';
import { resolveDataDir } from '../electron/core/data-dir';
import { keyStoreFromEnvironment } from '../electron/core/crypto/key-source';
import { SeedRefused, seedDataDir } from '../electron/core/seed/seed-dir';
import { startupErrorMessage } from '../electron/core/storage-errors';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const dataDir = resolveDataDir(process.argv, process.env);
  const patients = Number(arg('--patients') ?? '200');
  const seed = Number(arg('--seed') ?? '1');
  if (!dataDir || !Number.isInteger(patients) || patients < 1 || !Number.isInteger(seed)) {
    console.error('Bruk: npm run seed -- --data-dir MAPPE --patients N [--seed S] [--replace]');
    process.exit(2);
  }
  const keyStore = await keyStoreFromEnvironment(resolve(dataDir), process.argv, process.env);
  // Ctrl-C stops at the next progress step; the half-written copy is removed and the folder left as it was.
  let interrupted = false;
  process.on('SIGINT', () => {
    interrupted = true;
  });
  const started = Date.now();
  const labels = { caseload: 'Skriver demodata', history: 'Timer, møter og planer' } as const;
  let phase: keyof typeof labels | null = null;
  const result = await seedDataDir({
    dataDir: resolve(dataDir),
    patients,
    seed,
    replace: process.argv.includes('--replace'),
    keyStore,
    now: new Date(),
    onProgress: (p, done, total) => {
      if (interrupted) throw new SeedRefused('Avbrutt. Mappen er som før.');
      if (phase !== p && phase !== null) process.stderr.write('\n');
      phase = p;
      if (process.stderr.isTTY) process.stderr.write(`\r${labels[p]}: ${done}/${total} (${Math.round((done / total) * 100)} %)`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(
    `Ferdig: ${result.patients} pasienter, ${result.openPathways} åpne forløp, ${result.appointments} timer (${result.noShows} ikke møtt), ` +
      `${result.meetings} møter, ${result.plans} planer, ${result.contacts} kontakter, ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof SeedRefused ? e.message : `Seeding feilet, og mappen er som før. ${startupErrorMessage(e)}`);
  process.exit(1);
});
