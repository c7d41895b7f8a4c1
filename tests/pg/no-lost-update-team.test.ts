import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app-core';
import { referral } from '../fixtures/core';
import { asSuperuser, pgServerUrl } from '../fixtures/pg-db';
import { ok, teamLogins } from '../fixtures/pg-team';

/**
 * No lost update between two people on the team store: two cores, two logins, one database. Saves racing on the
 * same loaded version: exactly one wins, the other is refused with a message naming the winner's login.
 */
const available = (await pgServerUrl()) !== null;

describe.skipIf(!available)('team store: no lost update between two logins', () => {
  const team = teamLogins({ kari: 'forlopsbenk_coordinator', per: 'forlopsbenk_coordinator' });
  const { kari: KARI, per: PER } = team.logins;
  let kari: Core;
  let per: Core;
  let patientId: number;

  beforeAll(async () => {
    kari = await team.core(KARI);
    per = await team.core(PER);
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
    const row = await asSuperuser(team.url, (c) => c.query('select what, responsible, row_version, updated_by from plan_measure where id = $1', [id]));
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
      const row = await asSuperuser(team.url, (c) => c.query('select what, row_version from plan_measure where id = $1', [id]));
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
