import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore, type Core } from '../../electron/core/app-core';
import { deriveSubkey, PASSPHRASE_FILE, passphraseKeyStore } from '../../electron/core/crypto/keys';
import { databaseFile } from '../../electron/core/data-dir';
import { seedCaseload } from '../../electron/core/seed/seed';
import { seedFeatureHistory } from '../../electron/core/seed/feature-seed';
import { migrations } from '../../migrations';
import { seedAuditHistory } from './audit-history';
import { closedCleanly, markCleanClose } from '../../electron/core/db/clean-close';

export const BENCH_NOW = new Date('2026-11-23T09:00:00Z');

/** Audit history that grows like real use: ten years of reads and writes at the large sizes. */
export function auditRowsFor(patients: number): number {
  return patients >= 100_000 ? 3_000_000 : patients >= 50_000 ? 1_000_000 : 0;
}

/** Bench folders are encrypted like every other (synthetic data; the passphrase is for automation only). */
export const BENCH_PASSPHRASE = 'benk-passordfrase';

const unwrapped = new Map<string, Buffer>();

/**
 * The folder's master key. Unwrapped once per wrapped-key file (copies of a seeded folder share it): the
 * passphrase's scrypt is the person's unlock, measured once as a start step, not in every open.
 */
export function benchMasterKey(dataDir: string): Buffer {
  const file = join(dataDir, PASSPHRASE_FILE);
  const known = existsSync(file) ? unwrapped.get(readFileSync(file, 'utf8')) : undefined;
  if (known) return known;
  const key = passphraseKeyStore(process.env.FORLOPSBENK_PASSPHRASE ?? BENCH_PASSPHRASE).load(dataDir);
  unwrapped.set(readFileSync(file, 'utf8'), key);
  return key;
}

const NO_STATS_MARK = 'no-planner-statistics.ok';

/**
 * The app never runs ANALYZE, so a user's file has no planner statistics (sqlite_stat1/4): its statements run
 * with the plans the query-plan tests check. Seeds cached while the seeding ran ANALYZE lose theirs here, once:
 * with STAT4 samples SQLite also re-prepares a statement whenever a value it planned with is bound again.
 */
async function dropPlannerStatistics(dataDir: string): Promise<void> {
  const core = await openBenchCore(dataDir);
  core.handle.sqlite.exec('drop table if exists sqlite_stat1; drop table if exists sqlite_stat4');
  await core.close();
  // Opening it may have migrated the cache (a newer schema), with a backup copy of the file: not cached too.
  rmSync(join(dataDir, 'backups'), { recursive: true, force: true });
  writeFileSync(join(dataDir, NO_STATS_MARK), '');
}

/**
 * A seeded demo database per size, built with the production seeding code and cached between runs
 * (keyed by size, seed, audit history and schema version) so a bench run does not spend its time seeding.
 */
export async function seededDataDir(patients: number, seed = 42): Promise<{ dataDir: string; seededMs: number | null }> {
  const auditRows = auditRowsFor(patients);
  // Keyed by the migration list too: a cached file cannot take a migration that sorts before its newest one.
  const schema = Object.keys(migrations).length;
  const benchRoot = join(tmpdir(), 'forlopsbenk-bench');
  const dataDir = join(benchRoot, `p${patients}-s${seed}-a${auditRows}-m${schema}-enc`);
  if (existsSync(join(dataDir, 'seeded.ok'))) {
    // seeded.ok is written after the seeding core closed: the file is as a clean close leaves it. Caches seeded
    // before clean-close marks existed get their mark here (so a copy's first start need not read the whole file).
    if (!closedCleanly(dataDir, databaseFile(dataDir))) markCleanClose(dataDir, databaseFile(dataDir));
    if (!existsSync(join(dataDir, NO_STATS_MARK))) await dropPlannerStatistics(dataDir);
    return { dataDir, seededMs: null };
  }
  // Caches of older schemas (or the unencrypted format) are never read again: remove them.
  for (const old of existsSync(benchRoot) ? readdirSync(benchRoot) : []) {
    if (old.startsWith(`p${patients}-`) && old !== `p${patients}-s${seed}-a${auditRows}-m${schema}-enc`)
      rmSync(join(benchRoot, old), { recursive: true, force: true });
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const core = await openBenchCore(dataDir);
  await core.dispatch('profile.save', { coordinatorName: 'Benk Koordinator', unitName: 'DPS Benk', unitPhone: '22 00 00 00' });
  await core.dispatch('lock.setPin', { pin: '2468' }); // first start is done: the app opens on the worklist
  const started = performance.now();
  await seedCaseload(core.ctx.db, {
    patients,
    seed,
    now: BENCH_NOW,
    onProgress: (done, total) => process.stderr.isTTY && process.stderr.write(`\r  seeding ${patients}: ${done}/${total}`),
  });
  await seedFeatureHistory(core.dispatch, core.handle, {
    now: BENCH_NOW,
    onProgress: (done, total) => process.stderr.isTTY && process.stderr.write(`\r  feature history: ${done}/${total}   `),
  });
  if (auditRows > 0) await seedAuditHistory(core.handle.sqlite, deriveSubkey(benchMasterKey(dataDir), 'audit-chain'), auditRows, BENCH_NOW);
  const seededMs = performance.now() - started;
  process.stderr.write('\n');
  core.handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await core.close();
  writeFileSync(join(dataDir, NO_STATS_MARK), '');
  writeFileSync(join(dataDir, 'seeded.ok'), String(seededMs));
  return { dataDir, seededMs };
}

/**
 * A fresh copy of the seeded database for one run: measurements write (events, audit entries), and a cached
 * database that grew with every run would measure the benchmark's own history.
 */
export function workingCopy(seededDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-bench-run-'));
  cpSync(seededDir, dir, { recursive: true });
  // A byte-identical copy of a cleanly closed file is one too: marked again (the copy has a new time).
  if (closedCleanly(seededDir, databaseFile(seededDir))) markCleanClose(dir, databaseFile(dir));
  return dir;
}

/** The core as the app opens it; the daily backup (a worker after start) is left out of these timings. */
export function openBenchCore(dataDir: string): Promise<Core> {
  return startCore({
    dataDir,
    masterKey: benchMasterKey(dataDir),
    transport: 'browser',
    version: 'bench',
    demo: true,
    clock: () => BENCH_NOW,
    dailyBackupDelayMs: 3_600_000,
  });
}

export { databaseFile };
