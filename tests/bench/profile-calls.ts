// Profiling aid (not part of `npm run bench`): loops one contract call through the dispatcher on a working copy
// of the seeded bench file, so `node --cpu-prof` shows where the dispatcher-side time goes.
// npx tsx tests/bench/profile-calls.ts 50000 first|h|ha|han|write [n] [profile.cpuprofile]
// With a file name, the CPU profile of the loop alone (not the copy, migration or warm-up) is written there.
import { rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { openBenchCore, seededDataDir, workingCopy } from './seeded-db';
import { benchCases } from './cases';
import { summary } from './pairs';

const size = Number(process.argv[2] ?? 50_000);
const what = process.argv[3] ?? 'first';
const n = Number(process.argv[4] ?? 2000);
const profileFile = process.argv[5];

async function main() {
  const seeded = await seededDataDir(size);
  const dir = workingCopy(seeded.dataDir);
  const core = await openBenchCore(dir);
  const cases = await benchCases(core);
  const write = Object.values(cases).find((c) => c.method === 'pathways.recordEvent')!;
  const call =
    what === 'write'
      ? () => core.dispatch('pathways.recordEvent', write.input())
      : () => core.dispatch('worklist.list', what === 'first' ? {} : { search: what });
  for (let i = 0; i < 50; i++) await call(); // warm-up (and a newer schema migrated by the open above)
  const session = new Session();
  if (profileFile) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await call();
    times.push(performance.now() - t);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  if (profileFile) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(profileFile, JSON.stringify(profile));
  }
  const s = summary(times.slice(n / 10));
  console.log(`${what} @${size}: median ${s.median.toFixed(3)} p95 ${s.p95.toFixed(3)} ms`);
  await core.close();
  rmSync(dir, { recursive: true, force: true });
}
main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
