import { describe, expect, it } from 'vitest';
import { detoxFollowUp, PREGNANCY_RULES } from '../../shared/domain/pregnancy-rules';
import { referrerAddressLines, referrerMessages, type ReferrerMessageFacts } from '../../shared/domain/referrer-messages';

describe('pregnant women: 0 calendar days from detox end to further treatment', () => {
  it('is rule data with its confidence and source', () => {
    const inpatient = PREGNANCY_RULES.find((r) => r.setting === 'inpatient')!;
    expect(inpatient).toMatchObject({ days: 0, unit: 'calendar', confidence: 'C' });
    expect(inpatient.source).toMatch(/Gravide og rusmidler/);
  });

  it('is due the same day even on a public holiday (detox ends Maundy Thursday)', () => {
    const f = { pregnant: true, setting: 'inpatient', detoxEndedOn: '2027-03-25', furtherTreatmentOn: null, today: '2027-03-25' };
    expect(detoxFollowUp(f)).toMatchObject({ due: '2027-03-25', state: 'due', daysLate: 0 });
    expect(detoxFollowUp({ ...f, today: '2027-03-29' })).toMatchObject({ state: 'late', daysLate: 4 });
    expect(detoxFollowUp({ ...f, furtherTreatmentOn: '2027-03-25', today: '2027-04-01' })).toMatchObject({ state: 'met' });
    expect(detoxFollowUp({ ...f, furtherTreatmentOn: '2027-03-26' })).toMatchObject({ state: 'late', daysLate: 1 });
  });

  it('does not apply when the patient is not pregnant or detox has not ended', () => {
    expect(detoxFollowUp({ pregnant: false, setting: 'inpatient', detoxEndedOn: '2027-03-25', furtherTreatmentOn: null, today: '2027-03-25' })).toBeNull();
    expect(detoxFollowUp({ pregnant: true, setting: 'inpatient', detoxEndedOn: null, furtherTreatmentOn: null, today: '2027-03-25' })).toBeNull();
  });
});

describe('prepared texts for the referrer', () => {
  const facts: ReferrerMessageFacts = {
    patientName: 'Kari Testesen',
    birthDate: '1985-06-01',
    referrerPerson: 'Lege Lise',
    referralDate: '2026-12-23',
    referralReceived: '2026-12-28',
    referralAssessed: '2027-01-08',
    careDeadline: '2027-03-26',
    coordinatorName: 'Kari Koordinator',
    unitName: 'DPS Testby',
    unitPhone: '22 00 00 00',
    lastNoShow: null,
    closedOn: null,
  };

  it('writes the assessment text with right and deadline, and the coordinator text', () => {
    const [assessed, coordinator, dna, ended] = referrerMessages(facts);
    expect(assessed!.text).toContain('Til Lege Lise.');
    expect(assessed!.text).toContain('Gjelder Kari Testesen, f. 01.06.1985, henvist 23.12.2026.');
    expect(assessed!.text).toContain('vurdert 08.01.2027');
    expect(assessed!.text).toContain('senest skal starte: 26.03.2027');
    expect(coordinator!.text).toContain('forløpskoordinator er Kari Koordinator, DPS Testby, telefon 22 00 00 00');
    expect(dna).toMatchObject({ text: null, missing: 'Ingen registrert uteblivelse' });
    expect(ended!.text).toBeNull();
  });

  it('writes the no-show and end texts when the facts exist, and says what is missing otherwise', () => {
    const msgs = referrerMessages({ ...facts, referralAssessed: null, lastNoShow: { date: '2027-04-01', time: '09:00', attempts: 2 }, closedOn: '2027-05-18' });
    expect(msgs[0]).toMatchObject({ text: null, missing: 'Vurderingsdato og frist for helsehjelp er ikke registrert' });
    expect(referrerMessages({ ...facts, rightsDecision: 'no_right', careDeadline: null })[0]!.text).toContain('ikke å ha rett til nødvendig helsehjelp');
    expect(referrerMessages({ ...facts, rightsDecision: 'right', careKind: 'treatment' })[0]!.text).toContain(
      'helsehjelpen (behandling) senest skal starte: 26.03.2027',
    );
    expect(msgs[2]!.text).toContain('møtte ikke til avtalt time 01.04.2027 kl. 09:00');
    expect(msgs[2]!.text).toContain('2 ganger');
    expect(msgs[3]!.text).toContain('avsluttet 18.05.2027');
  });

  it('builds window-envelope address lines without empty lines', () => {
    expect(referrerAddressLines({ organisation: 'Legesenteret', person: 'Lege Lise', address: 'Storgata 2', postalCode: '0155', postalPlace: 'Oslo' })).toEqual(
      ['Legesenteret', 'v/ Lege Lise', 'Storgata 2', '0155 Oslo'],
    );
    expect(referrerAddressLines({ organisation: 'Legesenteret', person: '', address: '', postalCode: '', postalPlace: '' })).toEqual(['Legesenteret']);
  });
});
