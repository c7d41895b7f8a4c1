import { defineConfig } from 'vitest/config';

/**
 * The integration suite again, on the team store: a real PostgreSQL server (tests/fixtures/pg-global.ts)
 * and FORLOPSBENK_TEST_STORE=postgres, so makeCore opens a fresh database per core. Files that reach
 * into the SQLite file itself (backups, restore, pragmas, fault injection) are listed in PG_EXCLUDED.
 */
export const PG_EXCLUDED = [
  'tests/integration/frozen-migrations.test.ts',
  'tests/integration/trust-backups.test.ts',
  'tests/integration/trust-crash.test.ts',
  'tests/integration/trust-storage-faults.test.ts',
  'tests/integration/store.test.ts',
];

export default defineConfig({
  test: {
    include: ['tests/integration/**/*.test.ts', 'tests/pg/**/*.test.ts'],
    exclude: PG_EXCLUDED,
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['tests/fixtures/pg-global.ts'],
    env: { FORLOPSBENK_TEST_STORE: 'postgres' },
  },
});
