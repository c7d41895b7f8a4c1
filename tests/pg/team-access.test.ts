import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../electron/core/db/open-pg';
import { GENESIS_HASH, createMac, entryMessage, teamAuditKeyFromEnvironment, type AuditFields } from '../../electron/core/audit';
import { GROUP_ROLES, PLAN_AND_MINUTES_TABLES } from '../../electron/core/db/team-access';
import { teamInit } from '../../electron/core/db/team-init';
import { referral } from '../fixtures/core';
import { startTeamCore } from '../fixtures/pg-team';
import { asSuperuser, createTestDatabase, pgServerUrl } from '../fixtures/pg-db';

/**
 * What each group role can read and change when a person connects straight to the team database
 * (as with psql) under their own login, enforced by PostgreSQL itself.
 */
const available = (await pgServerUrl()) !== null;
const suffix = Math.random().toString(36).slice(2, 8);
const LOGINS = { coordinator: `kari_${suffix}`, admin: `ola_${suffix}`, leader: `leder_${suffix}` } as const;
const GROUP = { coordinator: 'forlopsbenk_coordinator', admin: 'forlopsbenk_admin_staff', leader: 'forlopsbenk_unit_leader' } as const;
type Who = keyof typeof LOGINS;

let db: Awaited<ReturnType<typeof createTestDatabase>>;
const urlAs = (who: Who) => db.url.replace('postgres@', `${LOGINS[who]}@`);

async function as<T>(who: Who, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: urlAs(who) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The SQLSTATE of a statement run as `who`, or 'ok'. */
async function attempt(who: Who, statement: string): Promise<string> {
  return as(who, async (c) => {
    try {
      await c.query(statement);
      return 'ok';
    } catch (e) {
      return String((e as { code?: string }).code);
    }
  });
}
const DENIED = '42501'; // insufficient_privilege

describe.skipIf(!available)('team store access by group role (PostgreSQL grants and triggers)', () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    await asSuperuser(db.url, async (c) => {
      for (const who of Object.keys(LOGINS) as Who[]) await c.query(`create role ${LOGINS[who]} login in role ${GROUP[who]}`);
      await c.query(`insert into app_setting (key, value) values ('demo', '1')`);
    });
    // Some content to look at: one referral with its audit entry, registered by the coordinator through the app.
    const { core, dataDir } = await startTeamCore(urlAs('coordinator'));
    try {
      const res = await core.dispatch('referrals.create', referral());
      if (!res.ok) throw new Error(`referrals.create failed on the team store: ${res.error.message}`);
    } finally {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
  afterAll(async () => {
    if (!db) return;
    await db.drop();
    await asSuperuser(db.url.replace(/\/[^/]+$/, '/postgres'), async (c) => {
      for (const login of Object.values(LOGINS)) await c.query(`drop role if exists ${login}`);
    });
  });

  it('writes the database login as the audit entry\'s "who", and the chain still verifies', async () => {
    const rows = await asSuperuser(db.url, (c) => c.query('select os_user, action from audit_log order by id'));
    expect(rows.rows.length).toBeGreaterThan(0);
    expect(new Set(rows.rows.map((r) => r.os_user))).toEqual(new Set([LOGINS.coordinator]));
    // The chain is keyed with the team's shared key (FORLOPSBENK_TEAM_AUDIT_KEY): every link verifies with it.
    const mac = createMac(teamAuditKeyFromEnvironment(process.env));
    const all = await asSuperuser(db.url, (c) => c.query<AuditFields & { id: number; prev_hash: string; hash: string }>('select * from audit_log order by id'));
    let prev = GENESIS_HASH;
    for (const [i, r] of all.rows.entries()) {
      expect(r.id).toBe(i + 1);
      expect(r.prev_hash).toBe(prev);
      const { at, actor, os_user, action, entity, entity_id, patient_id } = r;
      expect(r.hash).toBe(mac(entryMessage(prev, { at, actor, os_user, action, entity, entity_id, patient_id })));
      prev = r.hash;
    }
    const pinned = await asSuperuser(db.url, (c) => c.query('select id from audit_log_pin'));
    expect(pinned.rows).toEqual([{ id: 1 }]);
  });

  it('an entry that does not link to the last one is refused, whoever sends it', async () => {
    for (const who of Object.keys(LOGINS) as Who[]) {
      expect(
        await attempt(
          who,
          `insert into audit_log (id, at, actor, os_user, action, entity, prev_hash, hash) values (999, 'x', 'x', 'x', 'test', 'test', '0', '0')`,
        ),
      ).toBe(DENIED);
    }
  });

  it('the server sets "who" whatever the client sends', async () => {
    await as('admin', async (c) => {
      const tail = (await c.query<{ id: number; hash: string }>('select id, hash from audit_log order by id desc limit 1')).rows[0]!;
      await c.query(
        `insert into audit_log (id, at, actor, os_user, action, entity, prev_hash, hash) values ($1, '2026-11-23T09:00:00.000Z', 'x', 'someone_else', 'test', 'test', $2, '0')`,
        [tail.id + 1, tail.hash],
      );
    });
    const last = await asSuperuser(db.url, (c) => c.query('select os_user from audit_log order by id desc limit 1'));
    expect(last.rows[0]?.os_user).toBe(LOGINS.admin);
  });

  it('nobody can UPDATE, DELETE or TRUNCATE the audit log: not a group role, not the owner', async () => {
    for (const who of Object.keys(LOGINS) as Who[]) {
      expect(await attempt(who, `update audit_log set actor = 'x'`)).toBe(DENIED);
      expect(await attempt(who, 'delete from audit_log')).toBe(DENIED);
      expect(await attempt(who, 'truncate audit_log')).toBe(DENIED);
    }
    await asSuperuser(db.url, async (c) => {
      await expect(c.query(`update audit_log set actor = 'x'`)).rejects.toThrow(/append-only/);
      await expect(c.query('delete from audit_log')).rejects.toThrow(/append-only/);
      // Plain TRUNCATE is already refused by the pin's foreign key; with CASCADE the trigger refuses it.
      await expect(c.query('truncate audit_log')).rejects.toThrow(/foreign key/);
      await expect(c.query('truncate audit_log cascade')).rejects.toThrow(/append-only/);
    });
    const count = await asSuperuser(db.url, (c) => c.query('select count(*)::int as n from audit_log'));
    expect(count.rows[0]?.n).toBeGreaterThan(1);
  });

  it('administrative staff: the worklist, appointments, no-shows, letters and contacts; no plan contents or minutes, no audit review', async () => {
    for (const t of ['patient', 'pathway', 'appointment', 'no_show_case', 'contact_attempt', 'letter', 'contact', 'meeting']) {
      expect(await attempt('admin', `select * from ${t} limit 1`), t).toBe('ok');
    }
    for (const t of PLAN_AND_MINUTES_TABLES) expect(await attempt('admin', `select * from ${t} limit 1`), t).toBe(DENIED);
    expect(await attempt('admin', 'select actor, action, patient_id from audit_log')).toBe(DENIED);
    expect(await attempt('admin', 'select id, hash from audit_log order by id desc limit 1')).toBe('ok');
    expect(await attempt('admin', `update patient set phone = '22 33 44 56'`)).toBe('ok');
    expect(await attempt('admin', `insert into contact (name, role, created_at, updated_at) values ('Kommunen', 'municipal_coordinator', 'x', 'x')`)).toBe(
      'ok',
    );
    expect(await attempt('admin', `insert into plan_goal (plan_id, text, created_at) values (1, 'x', 'x')`)).toBe(DENIED);
    expect(await attempt('admin', `update rule_time set days = 1`)).toBe(DENIED);
  });

  it('unit leader: indicators and the audit review; no patient content', async () => {
    expect(await attempt('leader', 'select id, status, referral_received, due_sort from pathway')).toBe('ok');
    expect(await attempt('leader', 'select actor, action, os_user from audit_log')).toBe('ok');
    for (const t of [
      'patient',
      'patient_search_word',
      'letter',
      'contact_attempt',
      'no_show_case',
      'appointment',
      'contact',
      'meeting',
      ...PLAN_AND_MINUTES_TABLES,
    ]) {
      expect(await attempt('leader', `select * from ${t} limit 1`), t).toBe(DENIED);
    }
    expect(await attempt('leader', 'select note from pathway_event')).toBe(DENIED);
    expect(await attempt('leader', 'select next_action_label from pathway')).toBe(DENIED);
    expect(await attempt('leader', `update pathway set status = 'ended'`)).toBe(DENIED);
    expect(
      await attempt(
        'leader',
        `insert into patient (name, name_search, national_id, national_id_kind, birth_date, created_at, updated_at) values ('x','x','1','fnr','x','x','x')`,
      ),
    ).toBe(DENIED);
  });

  it('coordinator: the whole caseload, plans and minutes; settings and rule packs read-only', async () => {
    for (const t of ['patient', 'letter', ...PLAN_AND_MINUTES_TABLES]) expect(await attempt('coordinator', `select * from ${t} limit 1`), t).toBe('ok');
    expect(await attempt('coordinator', `update rule_time set days = 1`)).toBe(DENIED);
    expect(await attempt('coordinator', `create table stray (id int)`)).toBe(DENIED);
  });

  it('team:init is idempotent: a second run changes nothing and keeps the grants', async () => {
    const handle = openPostgres(db.url, { max: 1 });
    try {
      expect(await teamInit(handle.db)).toEqual({ applied: [], roles: [] });
    } finally {
      await handle.close();
    }
    const roles = await asSuperuser(db.url, (c) => c.query(`select rolname from pg_roles where rolname like 'forlopsbenk_%' order by 1`));
    expect(roles.rows.map((r) => r.rolname)).toEqual([...GROUP_ROLES].sort());
    expect(await attempt('admin', 'select * from meeting_minutes')).toBe(DENIED);
    expect(await attempt('admin', 'select * from appointment')).toBe('ok');
  });
});
