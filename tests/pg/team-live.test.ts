import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core';
import { openPostgres } from '../../electron/core/db/open-pg';
import { teamInit } from '../../electron/core/db/team-init';
import type { CoreEvent } from '../../electron/core/team-live';
import { referral } from '../fixtures/core';
import { startTeamCore } from '../fixtures/pg-team';
import { startPgServer, type PgServer } from '../fixtures/pg';

/**
 * Two desks on one team database, each a core of its own with its own PostgreSQL login: a write at one
 * reaches the other as a change event (LISTEN/NOTIFY); the server going away and coming back is seen by
 * both at once, a save meanwhile fails with the Norwegian message, and they reconnect by themselves.
 * Its own PostgreSQL server (not the suite's shared one), since the test stops and starts it.
 */
let server: PgServer | null = null;
let url = '';
const cores: Core[] = [];
const dirs: string[] = [];
server = await startPgServer();

function next(core: Core, match: (e: CoreEvent) => boolean): Promise<CoreEvent> {
  return new Promise((resolve) => {
    const off = core.events.on((e) => {
      if (!match(e)) return;
      off();
      resolve(e);
    });
  });
}

async function desk(login: string): Promise<Core> {
  const { core, dataDir } = await startTeamCore(url.replace('postgres@', `${login}@`));
  dirs.push(dataDir);
  cores.push(core);
  return core;
}

describe.skipIf(!server)('team store live: two desks, one database, the server away and back', () => {
  let coordinator: Core;
  let adminStaff: Core;
  beforeAll(async () => {
    if (!server) return;
    const su = new pg.Client({ connectionString: server.url() });
    await su.connect();
    await su.query('create database live');
    await su.end();
    url = server.url('live');
    const owner = openPostgres(url, { max: 1 });
    await teamInit(owner.db, { demo: true });
    await owner.close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query('create role kari login in role forlopsbenk_coordinator');
    await c.query('create role ola login in role forlopsbenk_admin_staff');
    await c.end();
    coordinator = await desk('kari');
    adminStaff = await desk('ola');
  });
  afterAll(async () => {
    for (const c of cores) await c.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    server?.stop();
  });

  it("a write at one desk reaches the other desk as a change event, with the area and the record's id only", async () => {
    const seen = next(adminStaff, (e) => e.channel === 'data.changed' && e.area === 'referrals');
    const res = await coordinator.dispatch('referrals.create', referral());
    expect(res.ok).toBe(true);
    const event = await seen;
    expect(Object.keys(event).sort()).toEqual(['area', 'channel', 'id']);
    expect(JSON.stringify(event)).not.toContain('Testesen');
    // What the event tells the other desk to refresh is there when it asks.
    const list = await adminStaff.dispatch('worklist.list', { scope: 'unit' });
    expect(list.ok && list.value.total).toBe(1);
  });

  it('the server going away is seen at once, a save fails in Norwegian, and both desks reconnect by themselves', async () => {
    const offline = [
      next(coordinator, (e) => e.channel === 'store.changed' && e.connection.state === 'offline'),
      next(adminStaff, (e) => e.channel === 'store.changed' && e.connection.state === 'offline'),
    ];
    server!.halt();
    await Promise.all(offline);
    expect(coordinator.connection().state).toBe('offline');
    expect(coordinator.connection().offlineSince).not.toBeNull();

    const failed = await coordinator.dispatch('referrals.create', referral({ nationalId: '01868512462', name: 'Ola Testesen' }));
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.error.code).toBe('unavailable');
    expect(failed.error.message).toMatch(/^Ingen forbindelse med teamlageret\. Ingenting ble lagret/);
    expect(failed.error.message).not.toContain('Testesen');

    const online = [coordinator, adminStaff].map((c) => next(c, (e) => e.channel === 'store.changed' && e.connection.state === 'online'));
    // Back online, each desk refreshes everything: what was announced while away never reached it.
    const refreshAll = next(adminStaff, (e) => e.channel === 'data.changed' && e.area === undefined);
    server!.start();
    const [back] = await Promise.all(online);
    await refreshAll;
    expect(back?.channel === 'store.changed' && back.connection.reconnectedAt).toBeTruthy();

    // The same save, tried again, goes through and reaches the other desk.
    const seen = next(adminStaff, (e) => e.channel === 'data.changed' && e.area === 'referrals');
    const again = await coordinator.dispatch('referrals.create', referral({ nationalId: '01868512462', name: 'Ola Testesen' }));
    expect(again.ok).toBe(true);
    await seen;
    const list = await adminStaff.dispatch('worklist.list', { scope: 'unit' });
    expect(list.ok && list.value.total).toBe(2);
  });
});
