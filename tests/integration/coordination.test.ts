import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, referral, type TestCore } from '../fixtures/core';

const auditActions = (core: TestCore) =>
  (core.handle.sqlite.prepare('select action from audit_log order by id').all() as { action: string }[]).map((r) => r.action);

async function setup(opts: { now?: Date; referralReceived?: string } = {}) {
  const core = await makeCore(opts.now ? { now: opts.now } : {});
  await core.ok('profile.save', { coordinatorName: 'Kari Koordinator', unitName: 'DPS Testby', unitPhone: '22 00 00 00' });
  const created = await core.ok('referrals.create', referral(opts.referralReceived ? { referralReceived: opts.referralReceived } : {}));
  return { core, patientId: created.patientId, pathwayId: created.pathwayId };
}

/** The one place that sets the legal deadline through the dispatcher (the rights assessment may change shape). */
async function assess(core: TestCore, pathwayId: number, assessedOn: string, careDeadline: string) {
  await core.ok('pathways.assess', { pathwayId, assessedOn, rightsDecision: 'right', careKind: 'assessment', careDeadline });
}

describe('the referrer as its own record, and the prepared texts', () => {
  let core: TestCore;
  afterEach(() => core.dispose());

  it('saves the referrer with a window-envelope address and HER-id, and writes the texts to copy', async () => {
    const s = await setup();
    core = s.core;
    const before = await core.ok('referrer.get', { pathwayId: s.pathwayId });
    expect(before.referrer).toBeNull();
    expect(before.messages.find((m) => m.key === 'assessed')).toMatchObject({ text: null });
    const saved = await core.ok('referrer.save', {
      pathwayId: s.pathwayId,
      organisation: 'Storgata legesenter',
      person: 'Lege Lise',
      address: 'Storgata 2',
      postalCode: '0155',
      postalPlace: 'Oslo',
      herId: '123456',
      referralDate: '2026-10-30',
      isGp: true,
    });
    expect(saved.addressLines).toEqual(['Storgata legesenter', 'v/ Lege Lise', 'Storgata 2', '0155 Oslo']);
    await assess(core, s.pathwayId, '2026-11-05', '2026-12-10');
    const after = await core.ok('referrer.get', { pathwayId: s.pathwayId });
    expect(after.referrer).toMatchObject({ herId: '123456', referralDate: '2026-10-30', isGp: true });
    const assessed = after.messages.find((m) => m.key === 'assessed')!;
    expect(assessed.text).toContain('Til Lege Lise.');
    expect(assessed.text).toContain('henvist 30.10.2026');
    expect(assessed.text).toContain('helsehjelpen (utredning) senest skal starte: 10.12.2026');
    expect(after.messages.find((m) => m.key === 'coordinator')!.text).toContain('Kari Koordinator, DPS Testby, telefon 22 00 00 00');
    expect(auditActions(core)).toContain('referrer.create');
    // A second save updates the same record.
    await core.ok('referrer.save', { pathwayId: s.pathwayId, organisation: 'Storgata legesenter', herId: '' });
    expect(auditActions(core).at(-1)).toBe('referrer.update');
    expect((await core.ok('referrer.get', { pathwayId: s.pathwayId })).referrer).toMatchObject({ herId: '', person: '' });
  });

  it('refuses an invalid HER-id and an unknown pathway without echoing input', async () => {
    const s = await setup();
    core = s.core;
    const bad = await core.dispatch('referrer.save', { pathwayId: s.pathwayId, organisation: 'X', herId: 'abc' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(bad)).not.toContain('abc');
    expect(await core.dispatch('referrer.save', { pathwayId: 9999, organisation: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'Fant ikke forløpet' },
    });
  });
});

describe('guardians and patient contacts', () => {
  let core: TestCore;
  afterEach(() => core.dispose());

  it('records guardians with parental responsibility and consent, and decides who gets letters by age', async () => {
    core = await makeCore();
    await core.ok('profile.save', { coordinatorName: 'Kari Koordinator', unitName: 'BUP Testby', unitPhone: '22 00 00 00' });
    // Born 2010-11-24: 15 on the test day (2026-11-23), 16 tomorrow.
    const input = referral({ nationalId: '24911050044', name: 'Ola Ung', pathwayType: 'child_mental' });
    const created = await core.ok('referrals.create', { ...input, patient: { ...input.patient, birthDate: '2010-11-24' } });
    const mother = await core.ok('guardians.save', {
      patientId: created.patientId,
      name: 'Mor Ung',
      relation: 'mother',
      parentalResponsibility: true,
      address: 'Storgata 1',
      postalCode: '0155',
      postalPlace: 'Oslo',
    });
    await core.ok('guardians.save', {
      patientId: created.patientId,
      name: 'Far Ung',
      relation: 'father',
      parentalResponsibility: true,
      consent: 'refused',
      consentOn: '2026-11-20',
    });
    await core.ok('guardians.save', { patientId: created.patientId, name: 'Stefar', relation: 'other', parentalResponsibility: false });
    const list = await core.ok('guardians.list', { patientId: created.patientId });
    expect(list).toMatchObject({ age: 15, ageBand: '12_to_15', patientReceivesLetters: true });
    expect(list.rows.map((g) => [g.name, g.receivesLetters])).toEqual([
      ['Mor Ung', true],
      ['Far Ung', false],
      ['Stefar', false],
    ]);
    // The next day the young person is 16 and decides: nobody but the patient without consent.
    await core.close();
    const dir = core.dataDir;
    const tomorrow = await makeCore({ dataDir: dir, now: new Date('2026-11-24T09:00:00Z') });
    core = {
      ...tomorrow,
      dispose: async () => {
        await tomorrow.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
    const next = await tomorrow.ok('guardians.list', { patientId: created.patientId });
    expect(next.ageBand).toBe('16_to_17');
    expect(next.rows.map((g) => g.receivesLetters)).toEqual([false, false, false]);
    await tomorrow.ok('guardians.save', {
      id: mother.id,
      patientId: created.patientId,
      name: 'Mor Ung',
      relation: 'mother',
      parentalResponsibility: true,
      consent: 'given',
      consentOn: '2026-11-24',
    });
    expect((await tomorrow.ok('guardians.list', { patientId: created.patientId })).rows[0]).toMatchObject({
      receivesLetters: true,
      consent: 'given',
      consentOn: '2026-11-24',
    });
    expect(
      await tomorrow.dispatch('guardians.save', {
        patientId: created.patientId,
        name: 'X',
        relation: 'mother',
        parentalResponsibility: true,
        consent: 'given',
        consentOn: '2026-12-24',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await tomorrow.ok('guardians.delete', { id: mother.id });
    expect((await tomorrow.ok('guardians.list', { patientId: created.patientId })).rows).toHaveLength(2);
  });

  it('records the municipal contact named in the referral, a relative, consent and when the municipality was contacted', async () => {
    const s = await setup();
    core = s.core;
    await core.ok('patientContacts.save', {
      patientId: s.patientId,
      kind: 'municipal',
      name: 'Per Kommune',
      organisation: 'Oslo kommune, tildelingskontoret',
      namedInReferral: true,
      contactedOn: '2026-11-10',
      consent: 'given',
      consentOn: '2026-11-05',
    });
    const rel = await core.ok('patientContacts.save', {
      patientId: s.patientId,
      kind: 'relative',
      name: 'Siri Søster',
      relation: 'Søster',
      phone: '99 88 77 66',
      consent: 'refused',
      consentOn: '2026-11-05',
    });
    const list = await core.ok('patientContacts.list', { patientId: s.patientId });
    expect(list.municipalityContactedOn).toBe('2026-11-10');
    expect(list.rows.map((c) => [c.kind, c.name, c.consent, c.namedInReferral])).toEqual([
      ['municipal', 'Per Kommune', 'given', true],
      ['relative', 'Siri Søster', 'refused', false],
    ]);
    await core.ok('patientContacts.delete', { id: rel.id });
    expect(auditActions(core).filter((a) => a.startsWith('patientContact.'))).toEqual([
      'patientContact.create',
      'patientContact.create',
      'patientContact.delete',
    ]);
    const other = await core.ok('referrals.create', referral({ nationalId: '01868510028', name: 'Ola Hansen' }));
    // A contact cannot be moved onto another patient by its id.
    const list2 = await core.ok('patientContacts.list', { patientId: s.patientId });
    expect(await core.dispatch('patientContacts.save', { id: list2.rows[0]!.id, patientId: other.patientId, kind: 'municipal', name: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('deadline breach (fristbrudd)', () => {
  let core: TestCore;
  afterEach(() => core.dispose());

  it('warns when no time is booked before the deadline, clears on booking, and attributes a patient postponement', async () => {
    const s = await setup();
    core = s.core;
    await assess(core, s.pathwayId, '2026-11-05', '2026-12-04'); // 9 working days after 23.11.2026
    expect((await core.ok('breach.get', { pathwayId: s.pathwayId })).risk).toMatchObject({ state: 'at_risk', workingDaysLeft: 9 });
    expect((await core.ok('breach.list', {})).rows).toMatchObject([{ pathwayId: s.pathwayId, state: 'at_risk', helfoNotifiedOn: null }]);
    const flag = async () => (await core.ok('worklist.list', {})).rows[0]!.flags.careDeadlineBreach;
    // What the worklist's flag reads: the earliest booking and postponed offer, kept on the pathway by triggers.
    const cover = () =>
      core.ctx.db.selectFrom('pathway').select(['care_first_booked_at', 'care_first_offer_date']).where('id', '=', s.pathwayId).executeTakeFirstOrThrow();
    expect(await flag()).toBe('at_risk');
    expect(await cover()).toEqual({ care_first_booked_at: null, care_first_offer_date: null });

    const appt = await core.ok('appointments.book', {
      patientId: s.patientId,
      pathwayId: s.pathwayId,
      kind: 'first_attendance',
      date: '2026-12-03',
      time: '09:00',
      durationMinutes: 60,
      place: 'DPS',
      clinician: '',
    });
    expect((await core.ok('breach.get', { pathwayId: s.pathwayId })).risk).toMatchObject({ state: 'booked' });
    expect((await core.ok('breach.list', {})).rows).toEqual([]);
    expect(await flag()).toBeNull();
    expect(await cover()).toEqual({ care_first_booked_at: '2026-12-03T08:00:00.000Z', care_first_offer_date: null });

    // Moved past the deadline: the booking no longer covers it, on the worklist as on the breach page.
    const moved = await core.ok('appointments.update', {
      id: appt.id,
      date: '2026-12-08',
      time: '09:00',
      durationMinutes: 60,
      place: 'DPS',
      clinician: '',
      reason: 'Behandler syk',
    });
    expect((await core.ok('breach.get', { pathwayId: s.pathwayId })).risk.state).toBe('at_risk');
    expect(await flag()).toBe('at_risk');
    expect(await cover()).toEqual({ care_first_booked_at: '2026-12-08T08:00:00.000Z', care_first_offer_date: null });
    await core.ok('appointments.update', {
      id: appt.id,
      date: '2026-12-03',
      time: '09:00',
      durationMinutes: 60,
      place: 'DPS',
      clinician: '',
      reason: 'Ny ledig time',
      version: moved.version,
    });
    expect(await flag()).toBeNull();

    await core.ok('appointments.setStatus', { id: appt.id, status: 'cancelled_patient' });
    expect((await core.ok('breach.get', { pathwayId: s.pathwayId })).risk.state).toBe('at_risk');
    expect(await flag()).toBe('at_risk');
    expect(await cover()).toEqual({ care_first_booked_at: null, care_first_offer_date: null });
    await core.ok('breach.addPostponement', { pathwayId: s.pathwayId, offeredDate: '2026-12-03', requestedDate: '2026-12-17', reason: 'cancelled' });
    const st = await core.ok('breach.get', { pathwayId: s.pathwayId });
    expect(st.risk.state).toBe('patient_postponed');
    expect(await flag()).toBeNull();
    expect(await cover()).toEqual({ care_first_booked_at: null, care_first_offer_date: '2026-12-03' });
    expect(st.postponements).toMatchObject([{ offeredDate: '2026-12-03', requestedDate: '2026-12-17', reason: 'cancelled' }]);
    expect(
      await core.dispatch('breach.addPostponement', { pathwayId: s.pathwayId, offeredDate: '2026-12-03', requestedDate: '2026-12-01', reason: 'asked_later' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await core.dispatch('breach.createLetter', { pathwayId: s.pathwayId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('counts across Christmas, records Helfo notified, and prints the patient letter with Helfo’s route', async () => {
    const s = await setup({ now: new Date('2026-12-14T09:00:00Z'), referralReceived: '2026-12-01' });
    core = s.core;
    await assess(core, s.pathwayId, '2026-12-03', '2026-12-28');
    expect((await core.ok('breach.get', { pathwayId: s.pathwayId })).risk).toMatchObject({ state: 'at_risk', workingDaysLeft: 9 });
    const other = await core.ok('referrals.create', referral({ nationalId: '01868510028', name: 'Ola Hansen', referralReceived: '2026-12-01' }));
    await assess(core, other.pathwayId, '2026-12-03', '2027-01-04'); // 13 working days: not yet warned
    expect((await core.ok('breach.get', { pathwayId: other.pathwayId })).risk).toMatchObject({ state: 'unbooked', workingDaysLeft: 13 });
    expect((await core.ok('breach.list', {})).rows.map((r) => r.pathwayId)).toEqual([s.pathwayId]);

    expect(await core.dispatch('breach.recordHelfo', { pathwayId: s.pathwayId, helfoNotifiedOn: '2026-12-15' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    await core.ok('breach.recordHelfo', { pathwayId: s.pathwayId, helfoNotifiedOn: '2026-12-14', note: 'Fristbruddportalen' });
    expect(await core.ok('breach.get', { pathwayId: s.pathwayId })).toMatchObject({ helfoNotifiedOn: '2026-12-14', helfoNote: 'Fristbruddportalen' });
    const letter = await core.ok('breach.createLetter', { pathwayId: s.pathwayId });
    expect(letter.text).toContain('28.12.2026');
    expect(letter.text).toContain('varslet Helfo 14.12.2026');
    expect(letter.text).toContain('23 32 70 03');
    expect(letter.html).toContain('Storgata 1');
    expect((await core.ok('breach.get', { pathwayId: s.pathwayId })).letters).toHaveLength(1);
    expect(auditActions(core).filter((a) => a.startsWith('breach.'))).toEqual(['breach.helfoNotified', 'breach.letter']);
  });
});

describe('readmissions, interpreter need and pregnancy', () => {
  let core: TestCore;
  afterEach(() => core.dispose());

  it('links successive pathways and counts a re-referral within 12 months', async () => {
    const s = await setup({ referralReceived: '2025-09-01' });
    core = s.core;
    // End the first pathway (closed_on is derived by the clock from the end event).
    await assess(core, s.pathwayId, '2025-09-05', '2025-10-20');
    await core.ok('pathways.recordEvent', { pathwayId: s.pathwayId, type: 'end', date: '2025-12-19' });
    const second = await core.ok('referrals.create', referral({ referralReceived: '2026-11-02' }));
    const r = await core.ok('readmissions.forPatient', { patientId: s.patientId });
    expect(r.rows.map((x) => [x.pathwayId, x.previousId, x.reReferralAfterId])).toEqual([
      [s.pathwayId, null, null],
      [second.pathwayId, s.pathwayId, s.pathwayId],
    ]);
    expect(r.reReferralsWithin12Months).toBe(1);
    expect(await core.ok('readmissions.count', { from: '2026-11-01', to: '2026-11-30' })).toEqual({ reReferrals: 1, received: 1 });
    expect(await core.ok('readmissions.count', { from: '2025-01-01', to: '2025-12-31' })).toEqual({ reReferrals: 0, received: 1 });
  });

  it('records the interpreter need with its date, and the pregnancy rule for TSB only', async () => {
    const s = await setup();
    core = s.core;
    expect(await core.dispatch('pathwayCare.save', { pathwayId: s.pathwayId, interpreter: 'needed', interpreterLanguage: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'interpreterLanguage' }] },
    });
    const saved = await core.ok('pathwayCare.save', { pathwayId: s.pathwayId, interpreter: 'needed', interpreterLanguage: 'Tigrinja' });
    expect(saved).toMatchObject({ interpreter: 'needed', interpreterLanguage: 'Tigrinja', interpreterRecordedOn: '2026-11-23', pregnant: false, detox: null });
    expect(
      await core.dispatch('pathwayCare.save', { pathwayId: s.pathwayId, interpreter: 'needed', interpreterLanguage: 'Tigrinja', pregnant: true }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const tsb = await core.ok('referrals.create', referral({ pathwayType: 'tsb' }));
    const inpatientPathway = tsb.pathwayId; // outpatient: the page gives 0 days for both settings
    const preg = await core.ok('pathwayCare.save', { pathwayId: inpatientPathway, interpreter: 'not_needed', pregnant: true, detoxEndedOn: '2026-11-20' });
    expect(preg.detox).toMatchObject({ due: '2026-11-20', state: 'late', daysLate: 3, confidence: 'C' });
    const met = await core.ok('pathwayCare.save', {
      pathwayId: inpatientPathway,
      interpreter: 'not_needed',
      pregnant: true,
      detoxEndedOn: '2026-11-20',
      furtherTreatmentOn: '2026-11-20',
    });
    expect(met.detox).toMatchObject({ state: 'met' });
    expect((await core.ok('pathwayCare.get', { pathwayId: inpatientPathway })).detox?.source).toMatch(/Gravide og rusmidler/);
  });
});
