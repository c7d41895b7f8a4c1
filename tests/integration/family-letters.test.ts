import { afterEach, describe, expect, it } from 'vitest';
import { syntheticNationalId } from '../../shared/domain/national-id';
import { makeCore, referral, type TestCore, saveProfile } from '../fixtures/core';
import { missedAppointment } from '../fixtures/no-show';

// Issue #13 §2: letters to the referrer use the referrer record; letters and invitations about a patient under 18 go
// to the guardians the rules name. FIXED_NOW is Monday 2026-11-23 (Oslo).
let core: TestCore;
afterEach(() => core.dispose());

const sheets = (html: string) => html.split('<section class="sheet">').length - 1;

async function start(now?: Date, dataDir?: string) {
  core = await makeCore({ ...(now ? { now } : {}), ...(dataDir ? { dataDir } : {}) });
  await saveProfile(core, { unitName: 'BUP Testby' });
}

async function youngPatient(birthDate: string, nationalId: string, name: string) {
  const input = referral({ nationalId, name, pathwayType: 'child_mental' });
  return core.ok('referrals.create', { ...input, patient: { ...input.patient, birthDate } });
}

/** Ola Ung's mother, with parental responsibility and a full postal address. */
const MOTHER = {
  name: 'Mor Ung',
  relation: 'mother',
  parentalResponsibility: true,
  address: 'Lillegata 3',
  postalCode: '0160',
  postalPlace: 'Oslo',
} as const;

/** The no-show case's letter to `recipient`, as the app writes it: its HTML, its warnings, the stored letter. */
const letter = (caseId: number, recipient: 'patient' | 'referrer') => core.ok('noShow.createLetter', { caseId, recipient });

describe('letters to guardians', () => {
  it('15 years: the patient and the mother with parental responsibility; not the father the patient refused, not the step-father', async () => {
    await start();
    // Born 2010-11-24: 15 on the test day.
    const p = await youngPatient('2010-11-24', '24911050044', 'Ola Ung');
    await core.ok('guardians.save', { patientId: p.patientId, ...MOTHER });
    await core.ok('guardians.save', {
      patientId: p.patientId,
      name: 'Far Ung',
      relation: 'father',
      parentalResponsibility: true,
      consent: 'refused',
      consentOn: '2026-11-20',
      address: 'Bygata 9',
      postalCode: '5003',
      postalPlace: 'Bergen',
    });
    await core.ok('guardians.save', {
      patientId: p.patientId,
      name: 'Stefar',
      relation: 'other',
      parentalResponsibility: false,
      address: 'Lillegata 3',
      postalCode: '0160',
      postalPlace: 'Oslo',
    });
    const caseId = await missedAppointment(core, p);
    const { html, warnings } = await letter(caseId, 'patient');
    expect(warnings).toEqual([]);
    expect(sheets(html)).toBe(2);
    expect(html).toContain('Du får dette brevet fordi du har foreldreansvar for Ola Ung.');
    expect(html).toContain('Lillegata 3');
    expect(html).not.toContain('Far Ung');
    expect(html).not.toContain('Stefar');
    const stored = core.handle.sqlite.prepare('select id, text, address_lines from letter where case_id = ?').get(caseId) as {
      id: number;
      text: string;
      address_lines: string;
    };
    expect(JSON.parse(stored.address_lines)).toEqual(['Ola Ung', 'Storgata 1', '0155 Oslo']);
    expect(stored.text.split('— — —')).toHaveLength(2);
    expect(stored.text).toContain('Mor Ung\nLillegata 3\n0160 Oslo');
    // The day's batch prints both sheets, as stored.
    const batch = await core.ok('noShow.getBatchDocument', { letterIds: [stored.id] });
    expect(sheets(batch.html)).toBe(2);
    expect(batch.html).toContain('Til Mor Ung. Du får dette brevet fordi du har foreldreansvar for Ola Ung.');

    // The meeting invitation goes to the same two, each on a sheet of its own.
    const meeting = await core.ok('meetings.create', {
      patientId: p.patientId,
      kind: 'evaluation',
      date: '2026-11-30',
      time: '10:00',
      durationMinutes: 60,
      place: 'BUP Testby, møterom 1',
      participants: [{ name: 'Ola Ung', role: 'patient' }],
    });
    const inv = await core.ok('meetings.getInvitationLetters', { id: meeting.id });
    expect(inv.recipients.map((r) => r.name)).toEqual(['Ola Ung', 'Mor Ung']);
    expect(sheets(inv.html)).toBe(2);
    expect(inv.html).toContain('Innkalling til samarbeidsmøte');
    expect(inv.html).toContain('30.11.2026 kl. 10:00–11:00');
    const log = core.handle.sqlite.prepare("select action, patient_id from audit_log where action = 'meeting.printInvitation'").all();
    expect(log).toEqual([{ action: 'meeting.printInvitation', patient_id: p.patientId }]);
  });

  it('from 16 the young person decides: the mother only once the patient has consented', async () => {
    await start(new Date('2026-11-24T09:00:00Z')); // Tuesday: Ola turns 16 today.
    const p = await youngPatient('2010-11-24', '24911050044', 'Ola Ung');
    const mother = await core.ok('guardians.save', { patientId: p.patientId, ...MOTHER });
    // Deadline in five working days, nothing booked: the breach letter may be written.
    await core.ok('pathways.assess', {
      pathwayId: p.pathwayId,
      assessedOn: '2026-11-24',
      rightsDecision: 'right',
      careKind: 'assessment',
      careDeadline: '2026-12-01',
    });
    const first = await core.ok('breach.createLetter', { pathwayId: p.pathwayId });
    expect(first.html).not.toContain('Mor Ung');
    expect(first.warnings).toEqual([]);
    await core.ok('guardians.save', { id: mother.id, patientId: p.patientId, ...MOTHER, consent: 'given', consentOn: '2026-11-24' });
    const second = await core.ok('breach.createLetter', { pathwayId: p.pathwayId });
    expect(sheets(second.html)).toBe(2);
    expect(second.html).toContain('Du får dette brevet fordi du har foreldreansvar for Ola Ung.');
  });

  it("under 12 without recorded guardians: one sheet to the parents at the child's address, and a warning", async () => {
    await start();
    let nationalId: string | null = null;
    for (let i = 500; !nationalId; i++) nationalId = syntheticNationalId('2016-05-17', i); // born on 17 May
    const p = await youngPatient('2016-05-17', nationalId, 'Lille Barn');
    const caseId = await missedAppointment(core, p);
    const { html, warnings } = await letter(caseId, 'patient');
    expect(html).toContain('Foresatte til Lille Barn');
    expect(warnings).toContain(
      'Pasienten er under 18 år og har ingen registrerte foresatte med foreldreansvar. Registrer dem under Pårørende, så går brevet også til dem.',
    );
    // With a parent whose address is missing: a sheet to the parent, and the letter is not postable.
    await core.ok('guardians.save', { patientId: p.patientId, name: 'Far Barn', relation: 'father', parentalResponsibility: true });
    const again = await letter(caseId, 'patient');
    expect(again.html).not.toContain('Foresatte til Lille Barn');
    expect(again.warnings).toEqual(['En foresatt mangler full postadresse. Registrer adressen under Pårørende før brevet skrives ut.']);
    const printed = await core.ok('noShow.markPrinted', { letterIds: [again.letter.id] });
    expect(printed.sent).toBe(0);
  });
});

describe('letters to the referrer', () => {
  it('use the referrer record: organisation, person and full postal address in the window, the patient by name and birth date', async () => {
    await start();
    const p = await core.ok('referrals.create', referral());
    await core.ok('referrer.save', {
      pathwayId: p.pathwayId,
      organisation: 'Storgata legesenter',
      person: 'Lege Lise',
      address: 'Storgata 2',
      postalCode: '0155',
      postalPlace: 'Oslo',
      herId: '123456',
      referralDate: '2026-10-30',
      isGp: true,
    });
    const caseId = await missedAppointment(core, p);
    await core.ok('noShow.recordAttempt', { caseId, date: '2026-11-17', time: '09:15', channel: 'phone', outcome: 'no_answer', byName: 'Mona', note: '' });
    const { html, warnings } = await letter(caseId, 'referrer');
    expect(warnings).toEqual([]);
    expect(html).toContain('<div class="window">Storgata legesenter<br>v/ Lege Lise<br>Storgata 2<br>0155 Oslo</div>');
    expect(html).toContain('Gjelder: Kari Testesen, født 01.06.1985');
    expect(html).toContain('Lege Lise');
    // Without an address on the record the letter is not postable, and says where to add it.
    await core.ok('referrer.save', { pathwayId: p.pathwayId, organisation: 'Storgata legesenter', person: 'Lege Lise', herId: '' });
    const bare = await letter(caseId, 'referrer');
    expect(bare.warnings[0]).toBe('Henviseren mangler full postadresse. Registrer adressen under Henviser på pasientsiden.');
  });

  it('a "no" recorded for the municipal contact is respected: consent cannot be the basis for the municipal letter', async () => {
    await start();
    const p = await core.ok('referrals.create', referral());
    await core.ok('patientContacts.save', {
      patientId: p.patientId,
      kind: 'municipal',
      name: 'Per Kommune',
      organisation: 'Oslo kommune',
      consent: 'refused',
      consentOn: '2026-11-20',
    });
    const caseId = await missedAppointment(core, p);
    const refused = await core.dispatch('noShow.createLetter', { caseId, recipient: 'municipal_coordinator', sharingBasis: 'consent' });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        issues: [
          {
            path: 'sharingBasis',
            message: 'Pasienten har sagt nei til at den kommunale kontakten informeres (registrert under Pårørende). Samtykke kan ikke være grunnlaget.',
          },
        ],
      },
    });
    // Another legal basis, named, is still possible.
    const other = await core.dispatch('noShow.createLetter', {
      caseId,
      recipient: 'municipal_coordinator',
      sharingBasis: 'other_basis',
      sharingBasisNote: 'Helsepersonelloven § 25',
    });
    expect(other.ok).toBe(true);
  });
});
