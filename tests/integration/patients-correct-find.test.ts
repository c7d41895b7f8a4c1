import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, referral, type TestCore } from '../fixtures/core';

// FIXED_NOW is Monday 2026-11-23 09:00 UTC (10:00 in Oslo).
const patientRow = (core: TestCore, id: number) =>
  core.handle.sqlite.prepare('select name, phone, address, postal_code, postal_place, municipality_number, gp_name from patient where id = ?').get(id);
const actions = (core: TestCore) => (core.handle.sqlite.prepare('select action from audit_log order by id').all() as { action: string }[]).map((r) => r.action);
const count = (core: TestCore, table: string) => (core.handle.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('correct and find patients', () => {
  let core: TestCore;
  let patientId: number;
  let pathwayId: number;
  beforeEach(async () => {
    core = await makeCore();
    await core.ok('profile.save', { coordinatorName: 'Kari Koordinator', unitName: 'DPS Testby', unitPhone: '22 00 00 00' });
    ({ patientId, pathwayId } = await core.ok('referrals.create', referral()));
  });
  afterEach(() => core.dispose());

  it('"Endre pasient": corrects name, phone, address (poststed from postnummer), municipality and GP, logged', async () => {
    const res = await core.ok('patients.update', {
      id: patientId,
      name: 'Kari Nordmann',
      phone: '900 11 222',
      address: 'Fjordgata 3',
      postalCode: '5003',
      postalPlace: '',
      municipalityNumber: '4601',
      gpName: 'Fjordlegene',
    });
    expect(res.patient).toMatchObject({
      name: 'Kari Nordmann',
      phone: '900 11 222',
      address: 'Fjordgata 3',
      postalCode: '5003',
      postalPlace: 'BERGEN',
      municipalityName: 'Bergen',
      gpName: 'Fjordlegene',
    });
    expect((await core.ok('worklist.list', { search: 'nordm' })).total).toBe(1);
    expect((await core.ok('worklist.list', { search: 'testesen' })).total).toBe(0);
    const logged = core.handle.sqlite.prepare("select entity_id, patient_id from audit_log where action = 'patient.update'").all();
    expect(logged).toEqual([{ entity_id: patientId, patient_id: patientId }]);

    const bad = await core.dispatch('patients.update', {
      id: patientId,
      name: ' ',
      phone: 'abc',
      address: '',
      postalCode: '9999',
      postalPlace: '',
      municipalityNumber: '0301',
      gpName: '',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues?.map((i) => i.path).sort()).toEqual(['name', 'phone']);
    const unknownCode = await core.dispatch('patients.update', {
      id: patientId,
      name: 'Kari',
      phone: '',
      address: 'Vei 1',
      postalCode: '9999',
      postalPlace: '',
      municipalityNumber: '',
      gpName: '',
    });
    expect(unknownCode).toMatchObject({ ok: false, error: { issues: [{ path: 'postalPlace', message: 'Skriv poststed' }] } });
  });

  it('a new referral for a known national id with other details asks which to keep, and keeps what is chosen', async () => {
    const moved = referral({ pathwayType: 'tsb' });
    moved.patient = { ...moved.patient, phone: '41 22 33 44', address: 'Elvegata 9' };
    const before = { pathways: count(core, 'pathway'), audit: count(core, 'audit_log') };
    const refused = await core.dispatch('referrals.create', moved);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'patient.phone' }, { path: 'patient.address' }] } });
    expect(JSON.stringify(refused)).not.toMatch(/41 22 33 44|Elvegata|22 33 44 55|Storgata/);
    expect({ pathways: count(core, 'pathway'), audit: count(core, 'audit_log') }).toEqual(before);

    const compared = await core.ok('referrals.compare', { patient: moved.patient });
    expect(compared).toEqual({
      patientId,
      differences: [
        { field: 'phone', label: 'Telefon', stored: '22 33 44 55', given: '41 22 33 44' },
        { field: 'address', label: 'Adresse', stored: 'Storgata 1', given: 'Elvegata 9' },
      ],
    });
    expect(actions(core).at(-1)).toBe('patient.compare');

    const keptStored = await core.ok('referrals.create', { ...moved, keep: 'stored' });
    expect(keptStored).toMatchObject({ patientId, patientExisted: true });
    expect(patientRow(core, patientId)).toMatchObject({ phone: '22 33 44 55', address: 'Storgata 1' });

    const third = referral({ pathwayType: 'psychosis' });
    third.patient = { ...third.patient, phone: '41 22 33 44', address: 'Elvegata 9' };
    await core.ok('referrals.create', { ...third, keep: 'given' });
    expect(patientRow(core, patientId)).toMatchObject({ phone: '41 22 33 44', address: 'Elvegata 9', postal_code: '0155' });
    expect(actions(core).filter((a) => a === 'patient.update')).toHaveLength(1);
  });

  it('finds patients who left the worklist with includeClosed, and logs the search without what was searched', async () => {
    const ola = await core.ok('referrals.create', referral({ nationalId: '01868510028', name: 'Ola Hansen', pathwayType: 'tsb' }));
    await core.ok('pathways.recordEvent', { pathwayId: ola.pathwayId, type: 'own_clinician', date: '2026-11-20' });
    expect((await core.ok('patients.search', { query: 'hansen' })).rows).toEqual([]);
    const found = await core.ok('patients.search', { query: 'hansen', includeClosed: true });
    expect(found.rows).toEqual([
      {
        patientId: ola.patientId,
        name: 'Ola Hansen',
        nationalIdMasked: '018685 *****',
        synthetic: true,
        birthDate: '1985-06-01',
        openPathways: 0,
        latestStatus: 'own_clinician',
        closedOn: '2026-11-20',
      },
    ]);
    expect((await core.ok('patients.search', { query: '0186851002', includeClosed: true })).rows.map((r) => r.name)).toEqual(['Ola Hansen']);
    expect((await core.ok('patients.search', { query: 'kari' })).rows.map((r) => r.openPathways)).toEqual([1]);
    const logged = core.handle.sqlite.prepare("select action, entity, entity_id, patient_id from audit_log where action = 'patient.search'").all();
    expect(logged).toHaveLength(4);
    expect(JSON.stringify(logged)).not.toMatch(/hansen|kari|0186851002/i);
    expect(await core.dispatch('patients.search', { query: 'k' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'query', message: 'Skriv minst to tegn' }] },
    });
  });

  it('moves a booked appointment and corrects an attended one, with its first attendance and the pathway clock', async () => {
    const booked = await core.ok('appointments.book', {
      patientId,
      pathwayId,
      kind: 'assessment',
      date: '2026-11-26',
      time: '10:00',
      durationMinutes: 45,
      place: 'Rom 1',
      clinician: 'Lege Lie',
    });
    const moved = await core.ok('appointments.update', {
      id: booked.id,
      date: '2026-11-27',
      time: '13:15',
      durationMinutes: 60,
      place: 'Rom 2',
      clinician: 'Psykolog Berg',
      reason: 'Pasienten ba om ny tid',
    });
    expect(moved).toMatchObject({ date: '2026-11-27', time: '13:15', durationMinutes: 60, place: 'Rom 2', clinician: 'Psykolog Berg', status: 'booked' });
    expect(moved.history.at(-1)).toMatchObject({ fromStatus: 'booked', toStatus: 'booked', reason: 'Pasienten ba om ny tid' });
    expect(actions(core).at(-1)).toBe('appointment.update');

    const fa = await core.ok('appointments.book', {
      patientId,
      pathwayId,
      kind: 'first_attendance',
      date: '2026-11-20',
      time: '09:00',
      durationMinutes: 45,
      place: 'Rom 1',
      clinician: '',
    });
    await core.ok('appointments.setStatus', { id: fa.id, status: 'attended' });
    const clock = () => core.handle.sqlite.prepare('select first_attendance_on from pathway where id = ?').get(pathwayId);
    expect(clock()).toEqual({ first_attendance_on: '2026-11-20' });
    await core.ok('appointments.update', {
      id: fa.id,
      date: '2026-11-19',
      time: '09:00',
      durationMinutes: 45,
      place: 'Rom 1',
      clinician: '',
      reason: 'Feil dato registrert',
    });
    expect(core.handle.sqlite.prepare("select date from pathway_event where type = 'first_attendance' and status = 'active'").all()).toEqual([
      { date: '2026-11-19' },
    ]);
    expect(clock()).toEqual({ first_attendance_on: '2026-11-19' });
    expect(
      await core.dispatch('appointments.update', {
        id: fa.id,
        date: '2026-11-25',
        time: '09:00',
        durationMinutes: 45,
        place: 'Rom 1',
        clinician: '',
        reason: 'x',
      }),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'date', message: 'En time pasienten har møtt til kan ikke flyttes fram i tid' }] },
    });
  });

  it('refuses events dated in the future, with a Norwegian field error', async () => {
    const res = await core.dispatch('pathways.recordEvent', { pathwayId, type: 'first_attendance', date: '2026-11-27' });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'date', message: 'Datoen kan ikke være fram i tid. Registrer hendelsen når den har skjedd.' }] },
    });
    expect(count(core, 'pathway_event')).toBe(0);
  });
});
