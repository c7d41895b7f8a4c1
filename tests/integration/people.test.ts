import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { migrations } from '../../migrations';
import { makeCore, referral, testDatabaseKey, type TestCore } from '../fixtures/core';
import { testStoreIsPostgres } from '../fixtures/pg-db';

/**
 * Per-person identity on both stores (issue #15): the profile in two parts, the unit's letterhead and each person's
 * own name and direct phone. The name signs printouts, is the audit log's "who", and names the person in the
 * caseload and the log viewer. Two logins on one team database, and what a login may change: tests/pg/people-team.test.ts.
 */
const team = testStoreIsPostgres();
const UNIT = { unitName: 'DPS Testby', unitPhone: '22 33 44 55', unitAddress: 'Postboks 1\n0101 Oslo' };

describe('the person and the unit', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = await makeCore();
  });
  afterEach(async () => {
    await core.dispose();
  });
  const lastAudit = () =>
    core.handle.sqlite.prepare('select actor, os_user, action, entity from audit_log order by id desc limit 1').get() as {
      actor: string;
      os_user: string;
      action: string;
      entity: string;
    };

  it('a new store asks for both parts; the first start saves the name to this person and the unit to the unit', async () => {
    expect((await core.ok('app.info', {})).needsProfile).toBe(true);
    const empty = await core.ok('profile.get', {});
    expect(empty).toMatchObject({ unit: null, me: null, unitEditable: true });
    expect(empty.login).not.toBe('');

    await core.ok('profile.save', { coordinatorName: 'Kari Koordinator', ...UNIT });
    expect((await core.ok('app.info', {})).needsProfile).toBe(false);
    expect(await core.ok('profile.get', {})).toMatchObject({ unit: UNIT, me: { name: 'Kari Koordinator', phone: '' } });
    const rows = core.handle.sqlite.prepare('select name, phone from person_profile').all();
    expect(rows).toEqual([{ name: 'Kari Koordinator', phone: '' }]);
  });

  it("the person's own name and direct phone: the audit log's who, the letterhead, the caseload and the log viewer", async () => {
    await core.ok('profile.save', { coordinatorName: 'Kari Koordinator', ...UNIT });
    await core.ok('profile.saveMine', { name: 'Kari K. Nordmann', phone: '91 23 45 67' });
    expect(lastAudit()).toMatchObject({ action: 'profile.saveMine', entity: 'person_profile' });
    const { patientId, pathwayId } = await core.ok('referrals.create', referral());
    // The audit log's "who" is the new name at once.
    expect(lastAudit()).toMatchObject({ actor: 'Kari K. Nordmann', action: 'pathway.create' });

    // The letterhead names the person who prints, with the direct phone; the unit's phone stays the unit's.
    const { html } = await core.ok('audit.printPatient', { patientId });
    expect(html).toContain('Kontakt: Kari K. Nordmann');
    expect(html).toContain('Direkte 91 23 45 67');
    expect(html).toContain('Telefon 22 33 44 55');
    const { messages } = await core.ok('referrer.get', { pathwayId });
    expect(messages.find((m) => m.key === 'coordinator')?.text).toContain(
      'Pasientens forløpskoordinator er Kari K. Nordmann, DPS Testby, telefon 91 23 45 67.',
    );

    // The caseload's people and the log viewer show the name beside the login.
    const me = (await core.ok('worklist.people', {})).find((p) => p.self)!;
    expect(me.name).toBe('Kari K. Nordmann');
    const log = await core.ok('audit.list', { limit: 5 });
    expect(log.entries[0]).toMatchObject({ osUser: me.login, personName: 'Kari K. Nordmann', actor: 'Kari K. Nordmann' });

    // Without a direct phone, the unit's phone is the one beside the name.
    await core.ok('profile.saveMine', { name: 'Kari K. Nordmann', phone: '' });
    const again = await core.ok('referrer.get', { pathwayId });
    expect(again.messages.find((m) => m.key === 'coordinator')?.text).toContain('Kari K. Nordmann, DPS Testby, telefon 22 33 44 55.');
    expect((await core.ok('audit.printPatient', { patientId })).html).not.toContain('Direkte');
  });

  it('the unit part is saved apart and leaves the names alone; a missing name is refused by the field, in Norwegian', async () => {
    await core.ok('profile.save', { coordinatorName: 'Kari Koordinator', ...UNIT });
    await core.ok('profile.saveUnit', { unitName: 'DPS Nyby', unitPhone: '22 00 00 00', unitAddress: '' });
    expect(lastAudit()).toMatchObject({ action: 'profile.saveUnit', entity: 'profile' });
    expect(await core.ok('profile.get', {})).toMatchObject({ unit: { unitName: 'DPS Nyby' }, me: { name: 'Kari Koordinator' } });

    const before = core.handle.sqlite.prepare('select count(*) as n from audit_log').get();
    const res = await core.dispatch('profile.saveMine', { name: '  ', phone: '' });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('invalid_input');
      expect(res.error.issues?.map((i) => i.path)).toEqual(['name']);
      expect(res.error.issues?.[0]?.message).toMatch(/Navn/);
    }
    const phone = await core.dispatch('profile.saveMine', { name: 'Kari', phone: 'ring meg' });
    expect(phone.ok ? null : phone.error.issues?.map((i) => i.path)).toEqual(['phone']);
    expect(core.handle.sqlite.prepare('select count(*) as n from audit_log').get()).toEqual(before);
    expect((await core.ok('profile.get', {})).me?.name).toBe('Kari Koordinator');
  });

  it('nothing moved in: the moved history is empty and has nothing to check', async () => {
    expect(await core.ok('audit.listImported', {})).toEqual({ entries: [], total: 0 });
    expect(await core.ok('audit.verifyImported', {})).toBeNull();
  });
});

describe.skipIf(team)("migration 0400: the local store's coordinator name becomes its one person's own", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  it('moves the name to person_profile (login ""), keeps the unit, and drops the column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-0400-'));
    dirs.push(dir);
    const handle = openDatabase(join(dir, 'db.sqlite'), { key: testDatabaseKey(dir) });
    try {
      const db = handle.db as unknown as Kysely<any>;
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableName: 'kysely_migration' });
      expect((await migrator.migrateTo('20261201_0380_audit_log_imported')).error).toBeUndefined();
      await db
        .insertInto('profile')
        .values({
          id: 1,
          coordinator_name: 'Kari Koordinator',
          unit_name: 'DPS Testby',
          unit_phone: '22 33 44 55',
          unit_address: '',
          updated_at: '2026-11-30T10:00:00.000Z',
        })
        .execute();
      expect((await migrator.migrateTo('20261201_0400_person_profile')).error).toBeUndefined();
      expect(handle.sqlite.prepare('select login, name, phone, updated_at from person_profile').all()).toEqual([
        { login: '', name: 'Kari Koordinator', phone: '', updated_at: '2026-11-30T10:00:00.000Z' },
      ]);
      expect(handle.sqlite.prepare('select * from profile').all()).toEqual([
        { id: 1, unit_name: 'DPS Testby', unit_phone: '22 33 44 55', unit_address: '', updated_at: '2026-11-30T10:00:00.000Z' },
      ]);
    } finally {
      await handle.close();
    }
  });
});
