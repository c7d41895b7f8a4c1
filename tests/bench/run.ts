// npm run bench [-- --large] [--sizes 1000,10000] [--no-ui]
// Seeds (cached) databases, measures the hot paths through the dispatcher and against the raw SQLite floor,
// and writes tests/bench/results/latest.{json,md}. Targets are reported, never asserted.
import { execSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contract, type MethodName } from '../../shared/contract';
import { captureStatements } from '../fixtures/capture-sql';
import { measure, type Measured } from './measure';
import { openBenchCore, seededDataDir, workingCopy } from './seeded-db';
import { benchCases } from './cases';
import { auditVerifyBench } from './audit-verify';

const args = process.argv.slice(2);
const sizesArg = args[args.indexOf('--sizes') + 1];
const sizes = args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [1000, 10_000, 50_000, ...(args.includes('--large') ? [100_000] : [])];

interface Row extends Measured {
  note?: string;
}

/** The exact statements one contract call runs, prepared once, so the raw floor executes the same SQL. */
async function rawStatements(core: Awaited<ReturnType<typeof openBenchCore>>, method: MethodName, input: unknown) {
  const captured = (await captureStatements(core, method, input)).filter((c) => /^\s*select/i.test(c.sql));
  return captured.map((c) => ({ stmt: core.handle.sqlite.prepare(c.sql), parameters: c.params }));
}

async function main() {
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const size of sizes) {
    const seeded = await seededDataDir(size);
    if (seeded.seededMs !== null) notes.push(`seeded ${size} patients in ${(seeded.seededMs / 1000).toFixed(1)} s`);
    const dataDir = workingCopy(seeded.dataDir);

    // Open + migrate on an existing file (nothing pending): what every start pays.
    const opens: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      const c = await openBenchCore(dataDir);
      opens.push(performance.now() - t);
      await c.close();
    }
    opens.sort((a, b) => a - b);
    rows.push({ name: 'db open + migrate (existing file)', size, medianMs: opens[5]!, p95Ms: opens[9]!, samples: 10 });

    const core = await openBenchCore(dataDir);
    const d = (m: MethodName, input: unknown) => async () => {
      const res = await core.dispatch(m, input);
      if (!res.ok) throw new Error(`${m}: ${res.error.code} ${res.error.message}`);
    };

    const worklistInputs = { 'worklist.list first page': {}, 'worklist.list filter (TSB)': { pathwayType: 'tsb' }, 'worklist.list search "hansen"': { search: 'hansen' } };
    const raw: Record<string, () => unknown> = {};
    for (const [name, input] of Object.entries(worklistInputs)) {
      const stmts = await rawStatements(core, 'worklist.list', input);
      raw[`${name} — raw SQLite floor`] = () => {
        for (const s of stmts) s.stmt.all(...(s.parameters as unknown[]));
      };
    }
    const tasks: Record<string, () => unknown> = {};
    for (const [name, input] of Object.entries(worklistInputs)) tasks[`${name} (dispatcher)`] = d('worklist.list', input);
    const measured = await measure(size, { ...tasks, ...raw });
    rows.push(...measured);
    for (const name of Object.keys(worklistInputs)) {
      const a = measured.find((m) => m.name === `${name} (dispatcher)`);
      const b = measured.find((m) => m.name === `${name} — raw SQLite floor`);
      if (a && b) rows.push({ name: `${name}: ratio dispatcher / raw (p95)`, size, medianMs: a.medianMs / b.medianMs, p95Ms: a.p95Ms / b.p95Ms, samples: 0, note: 'ratio' });
    }

    // Feature paths, as far as they exist in the contract.
    const cases = await benchCases(core);
    const present = Object.fromEntries(Object.entries(cases).filter(([, c]) => c.method in contract).map(([name, c]) => [name, d(c.method as MethodName, c.input())]));
    const missing = Object.entries(cases).filter(([, c]) => !(c.method in contract)).map(([name]) => name);
    if (missing.length && size === sizes[0]) notes.push(`not measured (no such method yet): ${missing.join(', ')}`);
    rows.push(...(await measure(size, present, { time: 300 })));

    // Measured in a fresh process shaped like the main process (this one carries the benchmark's own weight).
    // Bundled first, as electron-vite bundles the main process: running it through tsx would add ~250 MB of loader.
    execSync('node_modules/.bin/esbuild tests/bench/rss.ts --bundle --platform=node --format=esm --external:better-sqlite3-multiple-ciphers --outfile=tests/bench/results/rss.bundle.mjs --log-level=warning');
    const rss = Number(execSync(`${JSON.stringify(process.execPath)} --expose-gc tests/bench/results/rss.bundle.mjs ${JSON.stringify(dataDir)}`, { encoding: 'utf8' }).trim());
    rows.push({ name: 'main-process RSS after loading the worklist (MB)', size, medianMs: rss / 1e6, p95Ms: NaN, samples: 1, note: 'MB' });
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  // The audit chain at 1,000,000 entries (target: incremental verify ≤ 1 s).
  rows.push(...(await auditVerifyBench(1_000_000)));

  // Renderer bundle (gzipped): what start-up loads (index.html's script, preloads and styles) and everything.
  const assets = join('out', 'renderer', 'assets');
  const gz = (f: string) => gzipSync(readFileSync(join(assets, f))).length / 1024;
  const html = readFileSync(join('out', 'renderer', 'index.html'), 'utf8');
  const startup = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+)"/g)].map((m) => m[1]!);
  const all = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f));
  rows.push({ name: 'renderer bundle loaded at start, gzipped (kB)', size: null, medianMs: startup.reduce((n, f) => n + gz(f), 0), p95Ms: NaN, samples: 1, note: 'kB' });
  rows.push({ name: 'renderer bundle, all chunks, gzipped (kB)', size: null, medianMs: all.reduce((n, f) => n + gz(f), 0), p95Ms: NaN, samples: 1, note: 'kB' });

  if (!args.includes('--no-ui')) {
    const uiSize = sizes.includes(50_000) ? 50_000 : sizes[sizes.length - 1]!;
    const out = execSync(`${JSON.stringify(process.execPath)} node_modules/tsx/dist/cli.mjs tests/bench/ui.ts ${uiSize}`, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    rows.push(...(JSON.parse(out.trim().split('\n').at(-1)!) as Row[]));
  }

  const commit = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  const meta = { date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), commit };
  const fmt = (r: Row) => (r.note === 'count' ? `${r.medianMs} (longest ${r.p95Ms.toFixed(0)} ms)` : r.note === 'MB' || r.note === 'kB' ? `${r.medianMs.toFixed(1)} ${r.note}` : r.note === 'ratio' ? `${r.medianMs.toFixed(2)}× / ${r.p95Ms.toFixed(2)}×` : `${r.medianMs.toFixed(3)} / ${r.p95Ms.toFixed(3)}`);
  const md = [
    `# Forløpsbenk benchmarks`,
    ``,
    `${meta.date} · Node ${meta.node} · ${meta.cpu} (${meta.cores} cores, ${meta.memoryGb} GB) · commit ${meta.commit}`,
    ``,
    `| measurement | patients | median / p95 (ms unless noted) |`,
    `|---|---:|---:|`,
    ...rows.map((r) => `| ${r.name} | ${r.size ?? ''} | ${fmt(r)} |`),
    ``,
    ...notes.map((n) => `- ${n}`),
  ].join('\n');
  mkdirSync(join('tests', 'bench', 'results'), { recursive: true });
  writeFileSync(join('tests', 'bench', 'results', 'latest.json'), JSON.stringify({ meta, rows, notes }, null, 2));
  writeFileSync(join('tests', 'bench', 'results', 'latest.md'), md + '\n');
  console.log(md);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
