// npx tsx tests/bench/start-path.ts SIZE — where a start's time goes on a seeded copy, step by step, so the
// bench can show which steps grow with history (run.ts adds these rows; also runnable alone).
import { join } from 'node:path';
import { migrations } from '../../migrations';
import { deriveSubkey, passphraseKeyStore } from '../../electron/core/crypto/keys';
import { openDatabase, openKeyed } from '../../electron/core/db/open';
import { migrateToLatest } from '../../electron/core/db/migrate';
import { AuditChain, readHead } from '../../electron/core/audit-chain';
import { dailyBackupDue } from '../../electron/core/db/file-trust';
import { listBackups } from '../../electron/core/db/backup';
import { backupDir, databaseFile } from '../../electron/core/data-dir';
import type { Measured } from './measure';
import { BENCH_NOW, BENCH_PASSPHRASE, openBenchCore } from './seeded-db';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** Each start step on `dataDir`, `runs` times; medians. The folder is opened and closed, nothing is written. */
export async function startPathSteps(dataDir: string, size: number, runs = 3): Promise<Measured[]> {
  const steps = new Map<string, number[]>();
  const time = <T>(name: string, fn: () => T): T => {
    const t = performance.now();
    const out = fn();
    (steps.get(name) ?? steps.set(name, []).get(name)!).push(performance.now() - t);
    return out;
  };
  const atime = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await fn();
    (steps.get(name) ?? steps.set(name, []).get(name)!).push(performance.now() - t);
    return out;
  };
  const passphrase = process.env.FORLOPSBENK_PASSPHRASE ?? BENCH_PASSPHRASE;
  for (let i = 0; i < runs; i++) {
    const master = time('start step: master key from the passphrase (scrypt)', () => passphraseKeyStore(passphrase).load(dataDir));
    const key = deriveSubkey(master, 'database');
    const file = databaseFile(dataDir);
    time('start step: backup listing (restore offer, daily backup due)', () => {
      listBackups(backupDir(dataDir));
      dailyBackupDue(dataDir, BENCH_NOW);
    });
    const probe = time('start step: open with key + schema read (probe)', () => openKeyed(file, key, { readonly: true }));
    time('start step: migrations applied vs shipped (probe)', () => {
      const names = (probe.prepare('select name from kysely_migration').all() as { name: string }[]).map((r) => r.name);
      if (names.some((n) => !(n in migrations))) throw new Error('newer');
    });
    // Once: it reads the whole file (what a start after a crash pays; a clean close skips it).
    if (i === 0) time('start step: quick_check (only after a crash or a change to the file)', () => probe.pragma('quick_check'));
    probe.close();
    const handle = time('start step: open the live handle (WAL, pragmas)', () => openDatabase(file, { key }));
    await atime('start step: migrate to latest (nothing pending)', () => migrateToLatest(handle, { backupDir: backupDir(dataDir), keepBackups: 10 }));
    const chain = time('start step: audit anchor read (audit-head.json)', () => new AuditChain(dataDir, deriveSubkey(master, 'audit-chain')));
    time('start step: audit head (last entry) + anchor check', () => {
      readHead(handle.sqlite);
      chain.noteHead(handle.sqlite);
    });
    await handle.close();
    const t = performance.now();
    const core = await openBenchCore(dataDir);
    (steps.get('start: startCore total (key given)') ?? steps.set('start: startCore total (key given)', []).get('start: startCore total (key given)')!).push(
      performance.now() - t,
    );
    await atime('start step: first worklist page incl. counts (dispatcher)', async () => {
      const r = await core.dispatch('worklist.list', { limit: 100 });
      if (!r.ok) throw new Error(r.error.message);
    });
    await core.close();
  }
  return [...steps].map(([name, xs]) => ({ name, size, medianMs: median(xs), p95Ms: Math.max(...xs), samples: xs.length }));
}

if (process.argv[1]?.endsWith('start-path.ts')) {
  const dir = process.argv[2]!;
  const rows = await startPathSteps(dir, Number(process.argv[3] ?? 0));
  for (const r of rows) console.log(`${r.name.padEnd(70)} ${r.medianMs.toFixed(1).padStart(9)} ms (max ${r.p95Ms.toFixed(1)})`);
  console.log(join(dir));
}
