import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app-core';
import { GENESIS_HASH, createMac, entryMessage, teamAuditKeyFromEnvironment, type AuditFields } from '../../electron/core/audit';
import { deriveSubkey } from '../../electron/core/crypto/keys';
import { openPostgres, type PgHandle } from '../../electron/core/db/open-pg';
import { moveToTeam, type TeamMoveReport } from '../../electron/core/db/team-move';
import { FIXED_NOW, referral } from '../fixtures/core';
import { asSuperuser, createTestDatabase, pgServerUrl } from '../fixtures/pg-db';

/**
 * Solo → team: a real encrypted SQLite folder with work in it, moved into an empty database on the real
 * PostgreSQL test server; counts on both sides, the local chain kept and pinned by the team chain, the
 * team store then works on the moved data; a second move into the same database is refused.
 */
const available = (await pgServerUrl()) !== null;
type Entry = AuditFields & { id: number; prev_hash: string; hash: string };

describe.skipIf(!available)('team:move — a local store into an empty team database', () => {
  const masterKey = randomBytes(32);
  const dataDir = mkdtempSync(join(tmpdir(), 'forlopsbenk-move-'));
  let local: Core;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let team: PgHandle;
  let report: TeamMoveReport;
  beforeAll(async () => {
    local = await startCore({ dataDir, masterKey, transport: 'browser', version: 'test', demo: true, clock: () => FIXED_NOW, dailyBackupDelayMs: 3_600_000 });
    for (const r of [referral(), referral({ nationalId: '01868512462', name: 'Ola Testesen' })]) {
      const res = await local.dispatch('referrals.create', r);
      if (!res.ok) throw new Error(res.error.message);
    }
    await local.dispatch('profile.save', { coordinatorName: 'Kari Koordinator', unitName: 'DPS Testby', unitPhone: '22 33 44 55', unitAddress: '' });
    db = await createTestDatabase();
    await asSuperuser(db.url, (c) => c.query(`insert into app_setting (key, value) values ('demo', '1')`));
    team = openPostgres(db.url, { max: 1 });
    report = await moveToTeam({
      local: local.handle.db,
      localAuditKey: deriveSubkey(masterKey, 'audit-chain'),
      team: team.db,
      teamAuditKey: teamAuditKeyFromEnvironment(process.env),
      teamLogin: 'postgres',
      now: FIXED_NOW,
    });
  });
  afterAll(async () => {
    await team?.close();
    await local?.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('copies every table with the same count on both sides', async () => {
    const byTable = Object.fromEntries(report.tables.map((t) => [t.table, t]));
    for (const t of report.tables) expect(t.team, t.table).toBe(t.local);
    expect(byTable.patient?.local).toBe(2);
    expect(byTable.pathway?.local).toBe(2);
    expect(byTable.profile?.local).toBe(1);
    const patients = await asSuperuser(db.url, (c) => c.query('select count(*)::int as n from patient'));
    expect(patients.rows[0].n).toBe(2);
  });

  it('keeps the local chain verbatim and verifiable, pinned by the first entry of the team chain', async () => {
    const localEntries = (await local.handle.db.selectFrom('audit_log').selectAll().orderBy('id').execute()) as Entry[];
    const imported = (await asSuperuser(db.url, (c) => c.query<Entry>('select * from audit_log_imported order by id'))).rows;
    expect(imported).toEqual(localEntries);
    // With the local folder's key: every link verifies.
    const localMac = createMac(deriveSubkey(masterKey, 'audit-chain'));
    let prev = GENESIS_HASH;
    const digest = createHash('sha256');
    for (const r of imported) {
      const { at, actor, os_user, action, entity, entity_id, patient_id } = r;
      expect(r.hash).toBe(localMac(entryMessage(prev, { at, actor, os_user, action, entity, entity_id, patient_id })));
      digest.update(`${JSON.stringify([r.id, r.at, r.actor, r.os_user, r.action, r.entity, r.entity_id, r.patient_id, r.prev_hash, r.hash])}\n`);
      prev = r.hash;
    }
    // Without it: the team chain's first entry (under the team key) names the last link and the digest of it all.
    const teamLog = (await asSuperuser(db.url, (c) => c.query<Entry>('select * from audit_log order by id'))).rows;
    expect(teamLog.map((r) => r.action)).toEqual(['audit.imported']);
    const first = teamLog[0]!;
    expect(first.actor).toBe(`Flytting fra lokal fil: ${imported.length} oppføringer, siste lenke ${prev}, sha256 ${digest.digest('hex')}`);
    expect(first.entity_id).toBe(imported.length);
    const teamMac = createMac(teamAuditKeyFromEnvironment(process.env));
    const { at, actor, os_user, action, entity, entity_id, patient_id } = first;
    expect(first.hash).toBe(teamMac(entryMessage(GENESIS_HASH, { at, actor, os_user, action, entity, entity_id, patient_id })));
  });

  it('the team store works on the moved data, new ids after the copied ones', async () => {
    const core = await startCore({
      dataDir: mkdtempSync(join(tmpdir(), 'forlopsbenk-move-team-')),
      masterKey: randomBytes(32),
      transport: 'browser',
      version: 'test',
      demo: true,
      clock: () => FIXED_NOW,
      store: { kind: 'postgres', url: db.url },
    });
    try {
      const list = await core.dispatch('worklist.list', {});
      expect(list.ok && list.value.total).toBe(2);
      // A new patient gets the next id after the moved ones (the identity sequences were moved on).
      const third = await core.dispatch('referrals.create', referral({ nationalId: '24911050044', name: 'Tredje Testesen' }));
      expect(third.ok ? null : third.error.message).toBeNull();
      const ids = await asSuperuser(db.url, (c) => c.query('select id from patient order by id'));
      expect(ids.rows.map((r) => r.id)).toEqual([1, 2, 3]);
    } finally {
      await core.close();
    }
  });

  it('shows the moved history read-only with its own check against the pin; a change after the move is found', async () => {
    const core = await startCore({
      dataDir: mkdtempSync(join(tmpdir(), 'forlopsbenk-move-log-')),
      masterKey: randomBytes(32),
      transport: 'browser',
      version: 'test',
      demo: true,
      clock: () => FIXED_NOW,
      store: { kind: 'postgres', url: db.url },
    });
    try {
      const localEntries = (await local.handle.db.selectFrom('audit_log').selectAll().orderBy('id').execute()) as Entry[];
      const listed = await core.dispatch('audit.listImported', { limit: 500 });
      if (!listed.ok) throw new Error(listed.error.message);
      expect(listed.value.total).toBe(localEntries.length);
      expect(listed.value.entries.map((e) => e.id)).toEqual(localEntries.map((e) => e.id).reverse());
      expect(listed.value.entries.at(-1)).toMatchObject({ action: localEntries[0]!.action, actor: localEntries[0]!.actor });
      // The team's own log holds none of it: only the pathway created on the team store since (the test above).
      const own = await core.dispatch('audit.list', { limit: 500 });
      const created = (entries: { action: string }[]) => entries.filter((e) => e.action === 'pathway.create').length;
      expect(own.ok && created(own.value.entries)).toBe(1);
      expect(created(listed.value.entries)).toBe(2);
      const check = await core.dispatch('audit.verifyImported', {});
      expect(check.ok && check.value).toEqual({ ok: true, entries: localEntries.length, message: expect.stringMatching(/^Alle \d+ oppføringer stemmer/) });
      // Someone with the owner's rights turns the append-only guard off and edits a moved entry: the check finds it.
      await asSuperuser(db.url, async (c) => {
        await c.query('alter table audit_log_imported disable trigger audit_log_imported_no_update');
        await c.query(`update audit_log_imported set actor = 'Noen andre' where id = 1`);
        await c.query('alter table audit_log_imported enable trigger audit_log_imported_no_update');
      });
      const broken = await core.dispatch('audit.verifyImported', {});
      expect(broken.ok && broken.value).toMatchObject({ ok: false, message: expect.stringMatching(/stemmer ikke med kvitteringen/) });
    } finally {
      await core.close();
    }
  });

  it('refuses to move into a team database that is not empty, and writes nothing', async () => {
    const before = await asSuperuser(db.url, (c) => c.query('select (select count(*) from patient)::int as p, (select count(*) from audit_log)::int as a'));
    await expect(
      moveToTeam({
        local: local.handle.db,
        localAuditKey: deriveSubkey(masterKey, 'audit-chain'),
        team: team.db,
        teamAuditKey: teamAuditKeyFromEnvironment(process.env),
        teamLogin: 'postgres',
        now: FIXED_NOW,
      }),
    ).rejects.toThrow(/^Teamdatabasen er ikke tom \(tabellen \w+ har \d+ rader\)/);
    const after = await asSuperuser(db.url, (c) => c.query('select (select count(*) from patient)::int as p, (select count(*) from audit_log)::int as a'));
    expect(after.rows).toEqual(before.rows);
  });
});
