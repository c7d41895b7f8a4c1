/**
 * Which store the core opens: the local SQLite file (default: one person, the demo) or the unit's team
 * store on the health trust's PostgreSQL server. Chosen by `--store postgres://…` or FORLOPSBENK_STORE.
 */
export type StoreConfig = { kind: 'sqlite' } | { kind: 'postgres'; url: string };

export const SQLITE_STORE: StoreConfig = { kind: 'sqlite' };

export class StoreConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreConfigError';
  }
}

/** Parses a store value: empty or "sqlite" for the local file, a postgres:// or postgresql:// URL for the team store. */
export function parseStore(value: string | undefined | null): StoreConfig {
  const v = (value ?? '').trim();
  if (v === '' || v === 'sqlite') return SQLITE_STORE;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new StoreConfigError('Lageret må være «sqlite» eller en adresse som begynner med postgres://');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new StoreConfigError('Lageret må være «sqlite» eller en adresse som begynner med postgres://');
  }
  if (!url.hostname || url.pathname.length <= 1) throw new StoreConfigError('Adressen til teamlageret mangler vert eller databasenavn');
  return { kind: 'postgres', url: v };
}

/** `--store X` or `--store=X` from argv, else FORLOPSBENK_STORE, else SQLite. */
export function storeFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): StoreConfig {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--store') return parseStore(argv[i + 1]);
    if (a.startsWith('--store=')) return parseStore(a.slice('--store='.length));
  }
  return parseStore(env.FORLOPSBENK_STORE);
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopback(url: string): boolean {
  return LOOPBACK.has(new URL(url).hostname);
}

/** The URL without password or query, safe for a log line or the status bar. */
export function describeStore(store: StoreConfig): string {
  if (store.kind === 'sqlite') return 'sqlite';
  const u = new URL(store.url);
  return `postgres://${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}${u.pathname}`;
}
