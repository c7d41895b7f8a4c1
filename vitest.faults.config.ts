import { defineConfig } from 'vitest/config';

/**
 * `npm run test:faults`: the long fault runs kept out of `npm test` — 100 SIGKILLs of a writing process
 * and 2,000 generated malformed inputs per contract method; restart while locked, 200 parallel PIN
 * attempts and the audit forgeries (tests/faults/*.test.ts). Figures land in test-results/faults/.
 */
export default defineConfig({
  test: {
    include: [
      'tests/integration/trust-crash.test.ts',
      'tests/integration/trust-hostile-input.test.ts',
      // Store faults (issue 11): damaged-database start, two instances, a migration failing halfway, a corrupted backup.
      'tests/integration/trust-safe-start.test.ts',
      'tests/integration/trust-migrations.test.ts',
      'tests/integration/trust-backup-manifest.test.ts',
      'tests/faults/**/*.test.ts',
    ],
    pool: 'forks',
    testTimeout: 30 * 60_000,
    env: {
      FORLOPSBENK_CRASH_KILLS: process.env.FORLOPSBENK_CRASH_KILLS ?? '100',
      FORLOPSBENK_FUZZ_RUNS: process.env.FORLOPSBENK_FUZZ_RUNS ?? '2000',
    },
  },
});
