import { spawnSync } from 'node:child_process';
import type { Browser, BrowserContext } from '@playwright/test';
import pg from 'pg';
import { hashPin } from '../../electron/core/pin-hash';
import { startPgServer, type PgServer } from '../fixtures/pg';
import { E2E_PIN, expect, test } from './fixtures';

/** The patient the team specs register (synthetic national id, DOMAIN.md §9). */
export const PER = {
  name: 'Per Teamsen',
  nationalId: '01868510028',
  address: 'Bygata 5',
  postalCode: '0450',
  postalPlace: 'Oslo',
  gp: 'Fastlege Fjeld',
  phone: '47 11 22 33',
};

/** The team's shared audit key (test value), as IT hands it out. */
export const TEAM_ENV = { FORLOPSBENK_TEAM_AUDIT_KEY: '746573742d7465616d2d61756469742d6b6579' };

export type TeamGroup = 'forlopsbenk_coordinator' | 'forlopsbenk_admin_staff' | 'forlopsbenk_unit_leader';

/**
 * One PostgreSQL server for the spec's tests, run one after another (under CI a missing PostgreSQL is an error;
 * locally the tests are skipped). Returns the server once beforeAll has run.
 */
export function usePgServer(): () => PgServer | null {
  let server: PgServer | null = null;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    server = await startPgServer();
  });
  test.afterAll(() => server?.stop());
  // Only off CI: there a missing PostgreSQL fails beforeAll (tests/fixtures/pg.ts), so these tests always run.
  test.beforeEach(() => test.skip(!server, 'PostgreSQL is not installed on this machine (apt-get install postgresql)'));
  return () => server;
}

/** A new team database set up as IT would (`npm run team:init -- --demo`: schema, group roles, grants; synthetic ids only). */
export async function initTeamDatabase(server: PgServer, name: string): Promise<{ url: string; stdout: string }> {
  const su = new pg.Client({ connectionString: server.url() });
  await su.connect();
  await su.query(`create database ${name}`);
  await su.end();
  const url = server.url(name);
  const init = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/team-init.ts', '--url', url, '--demo'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(init.status, init.stderr).toBe(0);
  return { url, stdout: init.stdout };
}

/**
 * People as IT adds them: a login in its group role and the e2e lock PIN each (person_setting). With a name, the
 * person's own name as they would give it at first start (tests/e2e/team-people.spec.ts asks for it); with
 * `unit`, the unit's letterhead, which is IT's setting on the team store.
 */
export async function addPeople(url: string, people: { login: string; group: TeamGroup; name?: string }[], opts: { unit?: boolean } = {}): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const pin = await hashPin(E2E_PIN);
    for (const p of people) {
      await c.query(`create role ${p.login} login in role ${p.group}`);
      await c.query(`insert into person_setting (login, key, value) values ($1, 'lock.pinHash', $2)`, [p.login, pin]);
      if (p.name) await c.query(`insert into person_profile (login, name, updated_at) values ($1, $2, now()::text)`, [p.login, p.name]);
    }
    if (opts.unit) {
      await c.query(
        `insert into profile (id, unit_name, unit_phone, unit_address, updated_at) values (1, 'DPS Testby, poliklinikk', '22 33 44 55', '', now()::text)`,
      );
    }
  } finally {
    await c.end();
  }
}

/** One person's desk: a browser context as the app's people have it; a step that cannot happen fails within seconds. */
export async function desk(browser: Browser, width = 1400): Promise<BrowserContext> {
  const ctx = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo', viewport: { width, height: 900 } });
  ctx.setDefaultTimeout(20_000);
  return ctx;
}

/** The store URL for a login on the team database (the server's superuser URL with the login instead). */
export const asLogin = (url: string, login: string): string => url.replace('postgres@', `${login}@`);
