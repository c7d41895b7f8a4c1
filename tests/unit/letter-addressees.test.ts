import { describe, expect, it } from 'vitest';
import { judgedAddress, letterAddressees, type AddresseeGuardian } from '../../shared/domain/letter-addressees';

const patient = { name: 'Ola Ung', birthDate: '2011-05-17', address: 'Storgata 1', postalCode: '0155', postalPlace: 'Oslo' };
const mother: AddresseeGuardian = {
  id: 1,
  name: 'Mor Ung',
  parentalResponsibility: true,
  consent: 'unknown',
  address: 'Lillegata 3',
  postalCode: '0160',
  postalPlace: 'Oslo',
};
const father: AddresseeGuardian = { id: 2, name: 'Far Ung', parentalResponsibility: true, consent: 'unknown', address: '', postalCode: '', postalPlace: '' };
const names = (r: ReturnType<typeof letterAddressees>) => r.addressees.map((a) => a.name);

describe('letter addressees', () => {
  it('turns 16 on 17 May (a public holiday): the day before both parents, on the day only the patient', () => {
    const before = letterAddressees({ patient, guardians: [mother, father], on: '2027-05-16' });
    expect(names(before)).toEqual(['Ola Ung', 'Mor Ung', 'Far Ung']);
    expect(before.addressees[2]!.problem).toBe('En foresatt mangler full postadresse. Registrer adressen under Pårørende før brevet skrives ut.');
    expect(judgedAddress(before.addressees)).toEqual(['Far Ung']);
    const on = letterAddressees({ patient, guardians: [mother, father], on: '2027-05-17' });
    expect(names(on)).toEqual(['Ola Ung']);
    expect(on.warnings).toEqual([]);
    // What the parents must have to fulfil the parental responsibility still goes to them from 16.
    expect(names(letterAddressees({ patient, guardians: [mother], on: '2027-05-17', necessaryForParentalResponsibility: true }))).toEqual([
      'Ola Ung',
      'Mor Ung',
    ]);
  });

  it("a guardian with the patient's consent is told why; an adult patient with a consenting relative gets two sheets", () => {
    const r = letterAddressees({
      patient: { ...patient, birthDate: '1990-12-25' },
      guardians: [{ ...mother, parentalResponsibility: false, consent: 'given' }],
      on: '2026-12-24',
    });
    expect(names(r)).toEqual(['Ola Ung', 'Mor Ung']);
    expect(r.addressees[1]!.preface).toBe('Til Mor Ung. Du får dette brevet fordi Ola Ung har samtykket til at du informeres.');
  });

  it("a child under 12 gets no sheet of its own; without guardians one sheet goes to the parents at the child's address", () => {
    const child = { ...patient, birthDate: '2016-04-01' };
    // Maundy Thursday 2027: 10 years old.
    expect(names(letterAddressees({ patient: child, guardians: [mother], on: '2027-03-25' }))).toEqual(['Mor Ung']);
    const none = letterAddressees({ patient: child, guardians: [], on: '2027-03-25' });
    expect(none.addressees.map((a) => a.lines)).toEqual([['Foresatte til Ola Ung', 'Storgata 1', '0155 Oslo']]);
    expect(none.warnings).toHaveLength(1);
  });
});
