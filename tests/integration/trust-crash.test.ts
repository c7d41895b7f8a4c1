import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCrashRounds } from '../faults/crash-harness';

// A few kills in `npm test`; `npm run test:faults` sets FORLOPSBENK_CRASH_KILLS=100 or more.
const KILLS = Number(process.env.FORLOPSBENK_CRASH_KILLS ?? 3);
const SEED = Number(process.env.FORLOPSBENK_CRASH_SEED ?? Date.now() % 1_000_000);

it(
  `every acknowledged write survives SIGKILL at random moments (${KILLS} kills)`,
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'forlopsbenk-crash-'));
    try {
      const report = await runCrashRounds(dataDir, KILLS, SEED);
      mkdirSync('test-results/faults', { recursive: true });
      writeFileSync(`test-results/faults/crash-${KILLS}.json`, JSON.stringify({ seed: SEED, ...report }, null, 2));
      console.log(
        `crash safety (seed ${SEED}): ${report.kills} kills survived, ${report.writesAcknowledged} writes acknowledged, ${report.writesChecked} presence checks`,
      );
      expect(report.failures).toEqual([]);
      expect(report.writesAcknowledged).toBeGreaterThan(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  60_000 + KILLS * 5_000,
);
