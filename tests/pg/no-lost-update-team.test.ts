import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app-core';
import { FIXED_NOW, referral } from '../fixtures/core';
import { asSuperuser, createTestDatabase, pgServerUrl } from '../fixtures/pg-db';

/**
 * No lost update between two people on the team store: two cores, two logins, one database. Saves racing on the
 * same loaded version: exactly one wins, the other is refused with a message naming the winner's login.
 */
const available = (await pgServerUrl()) !== null;
const suffix = Math.random().toString(36).slice(2, 8);
const KARI = `kari_${suffix}`;
const PER = `per_${suffix}`;

describe.skipIf(!available)('team store: no lost update between two logins', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const cores: Core[] = [];
  const dirs: string[] = [];
  let kari: Core;
  let per: Core;
  let patientId: number;
  async function coreAs(login: string): Promise<Core> {
    const dataDir = mkdtempSync(join(tmpdir(), 'forlopsbenk-nlu-'));
    dirs.push(dataDir);
    const url = db.url.replace('postgres@', `${login}@`);
    const core = await startCore({
      dataDir,
      masterKey: randomBytes(32),
      transport: 'browser',
      version: 'test',
      demo: true,
      clock: () => FIXED_NOW,
      store: { kind: 'postgres', url },
    });
    cores.push(core);
    return core;
  }
  async function ok<T>(core: Core, method: string, input: unknown): Promise<T> {
    const res = await core.dispatch(method, input);
    if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
    return res.value as T;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await asSuperuser(db.url, async (c) => {
      await c.query(`create role ${KARI} login in role forlopsbenk_coordinator`);
      await c.query(`create role ${PER} login in role forlopsbenk_coordinator`);
      await c.query(`insert into app_setting (key, value) values ('demo', '1')`);
    });
    kari = await coreAs(KARI);
    per = await coreAs(PER);
    patientId = (await ok<{ patientId: number }>(kari, 'referrals.create', referral())).patientId;
    await ok(kari, 'plans.save', {
      patientId,
      period: { from: '2026-11-01', to: '2027-10-31' },
      revisionDates: ['2027-02-01'],
      coordinator: { name: 'Mona Kommune', organisation: 'Oslo kommune' },
      cooperation: '',
      contributions: { patient: '', services: '', relatives: '' },
    });
  });
  afterAll(async () => {
    for (const c of cores) await c.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    if (!db) return;
    await db.drop();
    await asSuperuser(db.url.replace(/\/[^/]+$/, '/postgres'), async (c) => {
      for (const login of [KARI, PER]) await c.query(`drop role if exists ${login}`);
    });
  });

  const measure = { what: 'Samtaler', scope: '', howCarriedOut: '', responsible: 'DPS', startDate: null, dueDate: null, goalId: null };

  it("Per saves after Kari on the version both loaded: refused, naming Kari; Kari's change stays", async () => {
    const { id } = await ok<{ id: number }>(kari, 'plans.saveMeasure', { patientId, measure });
    await ok(kari, 'plans.saveMeasure', { patientId, measure: { ...measure, id, version: 1, responsible: 'NAV' } });
    const res = await per.dispatch('plans.saveMeasure', { patientId, measure: { ...measure, id, version: 1, what: 'Samtaler med Per' } });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('conflict');
      expect(res.error.message).toContain(`Tiltaket ble endret av ${KARI} `);
      expect(res.error.message).toContain(' Endret: Ansvarlig. ');
    }
    const row = await asSuperuser(db.url, (c) => c.query('select what, responsible, row_version, updated_by from plan_measure where id = $1', [id]));
    expect(row.rows[0]).toEqual({ what: 'Samtaler', responsible: 'NAV', row_version: 2, updated_by: KARI });
  });

  it('two saves racing on the same version: exactly one is written, the other refused', async () => {
    const { id } = await ok<{ id: number }>(kari, 'plans.saveMeasure', { patientId, measure: { ...measure, what: 'Kappløp' } });
    for (let round = 1; round <= 5; round++) {
      const [a, b] = await Promise.all([
        kari.dispatch('plans.saveMeasure', { patientId, measure: { ...measure, id, version: round, what: `Kari ${round}` } }),
        per.dispatch('plans.saveMeasure', { patientId, measure: { ...measure, id, version: round, what: `Per ${round}` } }),
      ]);
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
      const loser = a.ok ? b : a;
      expect(!loser.ok && loser.error.code).toBe('conflict');
      const row = await asSuperuser(db.url, (c) => c.query('select what, row_version from plan_measure where id = $1', [id]));
      expect(row.rows[0]).toEqual({ what: a.ok ? `Kari ${round}` : `Per ${round}`, row_version: round + 1 });
    }
  });

  it('patient details between two people', async () => {
    const p = (await ok<{ patient: { name: string; version: number } }>(kari, 'patients.get', { id: patientId })).patient;
    const edit = { id: patientId, name: p.name, phone: '', address: '', postalCode: '', postalPlace: '', municipalityNumber: '0301', gpName: '' };
    await ok(per, 'patients.update', { ...edit, gpName: 'Dr. Per', version: p.version });
    const res = await kari.dispatch('patients.update', { ...edit, phone: '22 33 44 55', version: p.version });
    expect(!res.ok && res.error.message).toContain(`Pasientopplysningene ble endret av ${PER} `);
  });
});
