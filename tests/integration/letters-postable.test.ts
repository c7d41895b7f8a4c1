import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, referral, type TestCore, saveProfile } from '../fixtures/core';
import { missedAppointment } from '../fixtures/no-show';

// FIXED_NOW is Monday 2026-11-23 09:00 UTC (10:00 in Oslo).
describe('letters that can be posted', () => {
  let core: TestCore;
  let patientId: number;
  let caseId: number;
  beforeEach(async () => {
    core = await makeCore();
    await saveProfile(core);
    const r = referral();
    const created = await core.ok('referrals.create', { ...r, patient: { ...r.patient, address: '', postalCode: '', postalPlace: '' } });
    patientId = created.patientId;
    caseId = await missedAppointment(core, { patientId, pathwayId: created.pathwayId }, { kind: 'assessment' });
  });
  afterEach(() => core.dispose());

  it('warns about a letter without a full postal address and never counts it as sent, even when printed', async () => {
    const draft = await core.ok('noShow.createLetter', { caseId, recipient: 'patient' });
    expect(draft.letter.postable).toBe(false);
    expect(draft.warnings[0]).toBe('Pasienten mangler full postadresse (adresse, postnummer og poststed). Rett pasientens opplysninger før brevet skrives ut.');
    // Making the letter is not sending it.
    expect(draft.letter.printedAt).toBeNull();
    const printed = await core.ok('noShow.markPrinted', { letterIds: [draft.letter.id] });
    expect(printed).toEqual({
      count: 1,
      sent: 0,
      notSent: [{ letterId: draft.letter.id, message: 'Brevet mangler full postadresse og er ikke regnet som sendt.' }],
    });
    expect((await core.ok('noShow.get', { id: caseId })).lettersMissing).toContain('patient');

    await core.ok('patients.update', {
      id: patientId,
      name: 'Kari Testesen',
      phone: '',
      address: 'Storgata 1',
      postalCode: '0150',
      postalPlace: '',
      municipalityNumber: '0301',
      gpName: 'Legesenteret',
    });
    const fixed = await core.ok('noShow.createLetter', { caseId, recipient: 'patient' });
    expect(fixed.letter.postable).toBe(true);
    expect(fixed.html).toContain('Kari Testesen<br>Storgata 1<br>0150 OSLO');
    expect(await core.ok('noShow.markPrinted', { letterIds: [fixed.letter.id] })).toMatchObject({ sent: 1, notSent: [] });
    expect((await core.ok('noShow.get', { id: caseId })).lettersMissing).not.toContain('patient');
  });

  it('addresses the referrer letter to the GP office from the directory and says whom it concerns', async () => {
    const without = await core.ok('noShow.createLetter', { caseId, recipient: 'referrer' });
    expect(without.letter.postable).toBe(false);
    expect(without.warnings[0]).toMatch(/^Henviser eller fastlege mangler postadresse/);

    await core.ok('contacts.save', { name: 'Dr. Lege', role: 'gp', organisation: 'Legesenteret', address: 'Torget 1', postalCode: '0150', postalPlace: '' });
    const letter = await core.ok('noShow.createLetter', { caseId, recipient: 'referrer' });
    expect(letter.letter.postable).toBe(true);
    expect(letter.html).toContain('<div class="window">Legesenteret<br>Dr. Lege<br>Torget 1<br>0150 OSLO</div>');
    expect(letter.html).toContain('Gjelder: Kari Testesen, født 01.06.1985');
    const stored = await core.ok('noShow.getLetter', { id: letter.letter.id });
    expect(stored.text).toContain('Gjelder: Kari Testesen, født 01.06.1985');
    expect(letter.html).toContain('Skrevet ut 23.11.2026');
    expect(letter.html).not.toContain('Utskrevet');
  });

  it("addresses the municipal letter to the municipality's coordinating unit with its postal address", async () => {
    const without = await core.ok('noShow.createLetter', { caseId, recipient: 'municipal_coordinator', sharingBasis: 'consent' });
    expect(without.letter.postable).toBe(false);
    await core.ok('contacts.save', {
      name: 'Koordinerende enhet',
      role: 'coordinating_unit',
      organisation: 'Oslo kommune',
      municipalityNumber: '0301',
      address: 'Rådhuset',
      postalCode: '0150',
      postalPlace: 'OSLO',
    });
    const letter = await core.ok('noShow.createLetter', { caseId, recipient: 'municipal_coordinator', sharingBasis: 'consent' });
    expect(letter.letter.postable).toBe(true);
    expect(letter.html).toContain('<div class="window">Koordinerende enhet<br>Oslo kommune<br>Rådhuset<br>0150 OSLO</div>');
  });
});
