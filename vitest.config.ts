import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // better-sqlite3-multiple-ciphers is a native addon: worker threads share one process badly, forks isolate it.
    pool: 'forks',
    testTimeout: 30_000,
  },
});
