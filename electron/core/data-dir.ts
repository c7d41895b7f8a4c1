import { join } from 'node:path';

/**
 * Where the data lives. `--data-dir DIR` wins, then FORLOPSBENK_DATA_DIR, then the platform default
 * (Electron's userData, passed in by the shell). Browser mode and scripts have no default: they require one.
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback?: string): string | null {
  const i = argv.indexOf('--data-dir');
  const fromArg = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
  if (fromArg) return fromArg;
  if (env.FORLOPSBENK_DATA_DIR) return env.FORLOPSBENK_DATA_DIR;
  return fallback ?? null;
}

export function databaseFile(dataDir: string): string {
  return join(dataDir, 'forlopsbenk.sqlite');
}

export function backupDir(dataDir: string): string {
  return join(dataDir, 'backups');
}
