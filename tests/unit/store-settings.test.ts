import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storeContract } from '../../shared/contract/store';
import { TEAM_STORE_FILE, createStoreRuntime, savedStoreConfig, type SecretStore } from '../../electron/core/store-settings';
import { parseStore } from '../../electron/core/db/store';
import { startupErrorMessage } from '../../electron/core/storage-errors';

const schema = storeContract['store.useTeam'].input;
const base = { host: 'db.sykehuset.no', port: 5432, database: 'forlopsbenk', user: 'kari', password: 'hemmelig-passord', tls: true };
const online = () => ({ state: 'online' as const, offlineSince: null, reconnectedAt: null });

/** Stands in for Electron safeStorage (which runs only inside Electron): keeps the secret in memory, never on disk. */
function memorySecrets(): SecretStore & { value: string | null } {
  const s = {
    value: null as string | null,
    save: (v: string) => void (s.value = v),
    load: () => s.value,
    remove: () => void (s.value = null),
  };
  return s;
}

const dirs: string[] = [];
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'forlopsbenk-store-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('team store settings (Innstillinger → Lager for data)', () => {
  it('refuses a connection without TLS to a server off this machine, on the TLS field, in Norwegian', () => {
    const res = schema.safeParse({ ...base, tls: false });
    expect(res.success).toBe(false);
    expect(res.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['tls', 'Kryptert forbindelse (TLS) med kontroll av serverens sertifikat er påkrevd når serveren ikke er på denne maskinen.'],
    ]);
    expect(schema.safeParse({ ...base, host: 'localhost', tls: false }).success).toBe(true);
    expect(schema.safeParse({ ...base, host: '127.0.0.1', tls: false }).success).toBe(true);
  });

  it('refuses a host, port or login that is not one', () => {
    for (const bad of [{ host: 'db.no/evil' }, { host: '' }, { port: 0 }, { port: 70000 }, { user: 'kari; drop' }, { database: '' }]) {
      expect(schema.safeParse({ ...base, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('keeps host, port, database and login in the data folder and the password only in the key store', () => {
    const d = dir();
    const secrets = memorySecrets();
    const rt = createStoreRuntime({ dataDir: d, store: { kind: 'sqlite' }, login: null, connection: online, secrets });
    const out = rt.useTeam(schema.parse(base));
    expect(out).toEqual({ host: 'db.sykehuset.no', port: 5432, database: 'forlopsbenk', user: 'kari', tls: true, passwordSaved: true });
    for (const f of readdirSync(d)) expect(readFileSync(join(d, f), 'utf8')).not.toContain('hemmelig');
    expect(readdirSync(d)).toEqual([TEAM_STORE_FILE]);
    // At the next start: the team store with TLS verified and the password from the key store.
    const next = savedStoreConfig(d, secrets);
    expect(next).toEqual({ kind: 'postgres', url: 'postgres://kari:hemmelig-passord@db.sykehuset.no:5432/forlopsbenk?sslmode=verify-full' });
    expect(parseStore(next?.kind === 'postgres' ? next.url : '')).toEqual(next);
    // An empty password keeps the saved one; choosing the local file forgets both.
    expect(rt.useTeam(schema.parse({ ...base, password: '' })).passwordSaved).toBe(true);
    rt.useLocal();
    expect(secrets.value).toBeNull();
    expect(savedStoreConfig(d, secrets)).toBeNull();
  });

  it('says which store is in use; browser mode has nothing to save and says how it chooses', () => {
    const team = createStoreRuntime({
      dataDir: dir(),
      store: { kind: 'postgres', url: 'postgres://kari:pw@db.sykehuset.no:5432/forlopsbenk?sslmode=verify-full' },
      login: 'kari',
      connection: online,
    });
    const status = team.status();
    expect(status).toMatchObject({ kind: 'postgres', server: 'db.sykehuset.no:5432/forlopsbenk', login: 'kari', configurable: false, saved: null });
    expect(JSON.stringify(status)).not.toContain('pw');
    expect(() => team.useTeam(schema.parse(base))).toThrow(/^I nettlesermodus velges lageret når Forløpsbenk startes/);
  });
});

describe('a team store that cannot be opened at start', () => {
  it("says why in Norwegian, never the driver's English", () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
    expect(startupErrorMessage(refused)).toMatch(/^Får ikke kontakt med teamlageret/);
    expect(startupErrorMessage(Object.assign(new Error('password authentication failed for user "kari"'), { code: '28P01' }))).toMatch(
      /^Teamlageret avviste påloggingen/,
    );
    expect(startupErrorMessage(Object.assign(new Error('database "x" does not exist'), { code: '3D000' }))).toMatch(/^Databasen for teamlageret finnes ikke/);
  });
});
