// Profiling aid (not part of `npm run bench`): each statement of one contract call, timed alone (raw, prepared
// once), with its query plan. npx tsx tests/bench/stmt-times.ts 50000 '{"search":"h"}'
import { rmSync } from 'node:fs';
import { captureStatements } from '../fixtures/capture-sql';
import { openBenchCore, seededDataDir, workingCopy } from './seeded-db';
import { summary } from './pairs';

async function main() {
  const size = Number(process.argv[2] ?? 50_000);
  const input = JSON.parse(process.argv[3] ?? '{}') as object;
  const dir = workingCopy((await seededDataDir(size)).dataDir);
  await (await openBenchCore(dir)).close();
  const core = await openBenchCore(dir);
  const stmts = (await captureStatements(core, process.argv[4] ?? 'worklist.list', input)).filter((c) => /^\s*(select|with)\b/i.test(c.sql));
  const ts = stmts.map(() => [] as number[]);
  const prepared = stmts.map((s) => core.handle.sqlite.prepare(s.sql));
  for (let i = 0; i < 500; i++)
    prepared.forEach((p, j) => {
      const t = performance.now();
      p.all(...(stmts[j]!.params as never[]));
      ts[j]!.push(performance.now() - t);
    });
  stmts.forEach((s, j) => {
    const m = summary(ts[j]!.slice(50));
    const plan = (core.handle.sqlite.prepare(`explain query plan ${s.sql}`).all(...(s.params as never[])) as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ');
    console.log(`${m.median.toFixed(3)} / ${m.p95.toFixed(3)}  ${s.sql.slice(0, 90)}\n      ${plan.slice(0, 300)}`);
  });
  await core.close();
  rmSync(dir, { recursive: true, force: true });
}
main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
