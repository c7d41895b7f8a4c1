import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, type Output } from '../../shared/contract';
import type { TeamStoreSettings } from '../../shared/contract/store';
import { describeStore, type StoreConfig } from './db/store';
import type { StoreConnection } from './db/pg-live';
import { secureDir, writeSecureFile } from './secure-fs';

/** The desktop app's choice of team store (no password): read at start, before any database is open. */
export const TEAM_STORE_FILE = 'teamlager.json';

/**
 * Where the desktop app keeps the team store password: the operating system's key store through Electron
 * safeStorage (electron/main/team-secret.ts). Never a plain file; browser mode has none (--store / env).
 */
export interface SecretStore {
  save(value: string): void;
  load(): string | null;
  remove(): void;
}

type Saved = Omit<TeamStoreSettings, 'password'>;

export function readSavedTeamStore(dataDir: string): Saved | null {
  const file = join(dataDir, TEAM_STORE_FILE);
  if (!existsSync(file)) return null;
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<Saved>;
    if (typeof v.host !== 'string' || typeof v.port !== 'number' || typeof v.database !== 'string' || typeof v.user !== 'string' || typeof v.tls !== 'boolean')
      return null;
    return { host: v.host, port: v.port, database: v.database, user: v.user, tls: v.tls };
  } catch {
    return null;
  }
}

/** The URL for a saved choice: verify-full TLS unless the server is on this machine and TLS was left off. */
export function teamStoreUrl(saved: Saved, password: string | null): string {
  const auth = `${encodeURIComponent(saved.user)}${password ? `:${encodeURIComponent(password)}` : ''}`;
  const host = saved.host.includes(':') && !saved.host.startsWith('[') ? `[${saved.host}]` : saved.host;
  return `postgres://${auth}@${host}:${saved.port}/${encodeURIComponent(saved.database)}${saved.tls ? '?sslmode=verify-full' : ''}`;
}

/** The desktop app's store at start: the saved team store with its password from the key store, else null. */
export function savedStoreConfig(dataDir: string, secrets: SecretStore | undefined): StoreConfig | null {
  const saved = readSavedTeamStore(dataDir);
  if (!saved) return null;
  return { kind: 'postgres', url: teamStoreUrl(saved, secrets?.load() ?? null) };
}

export interface StoreRuntime {
  status(): Output<'store.status'>;
  useTeam(settings: TeamStoreSettings): Output<'store.useTeam'>;
  useLocal(): void;
}

const BROWSER_MODE = 'I nettlesermodus velges lageret når Forløpsbenk startes: --store postgres://… eller FORLOPSBENK_STORE (passordet i PGPASSWORD).';

/** Which store is in use, how it answers, and the desktop app's saved choice for the next start. */
export function createStoreRuntime(opts: {
  dataDir: string;
  store: StoreConfig;
  login: string | null;
  connection: () => StoreConnection;
  secrets?: SecretStore;
}): StoreRuntime {
  const savedOut = () => {
    const saved = readSavedTeamStore(opts.dataDir);
    return saved ? { ...saved, passwordSaved: opts.secrets?.load() != null } : null;
  };
  return {
    status: () => ({
      kind: opts.store.kind,
      server: opts.store.kind === 'postgres' ? describeStore(opts.store).replace(/^postgres:\/\/([^@/]*@)?/, '') : null,
      login: opts.login,
      connection: opts.connection(),
      configurable: opts.secrets !== undefined,
      saved: savedOut(),
    }),
    useTeam(settings) {
      if (!opts.secrets) throw new AppError('invalid_input', BROWSER_MODE);
      const { password, ...saved } = settings;
      secureDir(opts.dataDir);
      writeSecureFile(join(opts.dataDir, TEAM_STORE_FILE), `${JSON.stringify(saved, null, 2)}\n`);
      if (password) opts.secrets.save(password);
      return { ...saved, passwordSaved: opts.secrets.load() != null };
    },
    useLocal() {
      if (!opts.secrets) throw new AppError('invalid_input', BROWSER_MODE);
      rmSync(join(opts.dataDir, TEAM_STORE_FILE), { force: true });
      opts.secrets.remove();
    },
  };
}
