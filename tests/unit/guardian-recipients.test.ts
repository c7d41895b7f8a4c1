import { describe, expect, it } from 'vitest';
import { ageOn, letterRecipients, type GuardianFacts } from '../../shared/domain/guardian-recipients';

const mother: GuardianFacts = { id: 1, parentalResponsibility: true, consent: 'unknown' };
const father: GuardianFacts = { id: 2, parentalResponsibility: true, consent: 'refused' };
const stepfather: GuardianFacts = { id: 3, parentalResponsibility: false, consent: 'unknown' };
const included = (r: ReturnType<typeof letterRecipients>) => r.guardians.filter((g) => g.include).map((g) => g.id);

describe('ageOn', () => {
  it('turns a year older on the birthday, also when it is a public holiday (17 May)', () => {
    expect(ageOn('2010-05-17', '2026-05-16')).toBe(15);
    expect(ageOn('2010-05-17', '2026-05-17')).toBe(16);
  });
  it('reaches a 29 February birthday on 1 March in a common year', () => {
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
    expect(ageOn('2010-02-28', '2026-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2025-03-01')).toBe(17);
  });
});

describe('who gets letters and invitations (pasient- og brukerrettighetsloven § 3-4)', () => {
  const guardians = [mother, father, stepfather];

  it('under 12: to those with parental responsibility, not to the child; a refusal does not apply yet', () => {
    const r = letterRecipients({ birthDate: '2016-01-01', on: '2026-12-24', guardians });
    expect(r.ageBand).toBe('under_12');
    expect(r.patient.include).toBe(false);
    expect(included(r)).toEqual([1, 2]);
  });

  it('12 to 15: the patient and parents with responsibility, except one the patient does not want informed', () => {
    const r = letterRecipients({ birthDate: '2012-04-01', on: '2027-03-26', guardians }); // Good Friday, 14 years
    expect(r).toMatchObject({ age: 14, ageBand: '12_to_15', patient: { include: true } });
    expect(included(r)).toEqual([1]);
  });

  it('from the 16th birthday the young person decides: parents only with consent or when necessary for parental responsibility', () => {
    const day = letterRecipients({ birthDate: '2010-05-17', on: '2026-05-17', guardians });
    expect(day.ageBand).toBe('16_to_17');
    expect(included(day)).toEqual([]);
    const dayBefore = letterRecipients({ birthDate: '2010-05-17', on: '2026-05-16', guardians });
    expect(included(dayBefore)).toEqual([1]);
    const withConsent = letterRecipients({ birthDate: '2010-05-17', on: '2026-05-17', guardians: [{ ...mother, consent: 'given' }, father] });
    expect(included(withConsent)).toEqual([1]);
    const necessary = letterRecipients({ birthDate: '2010-05-17', on: '2026-05-17', guardians, necessaryForParentalResponsibility: true });
    expect(included(necessary)).toEqual([1, 2]);
    expect(necessary.guardians[0]!.reason).toMatch(/foreldreansvaret/);
  });

  it('at 18 nobody but the patient, unless consent is recorded; without parental responsibility only with consent at any age', () => {
    expect(included(letterRecipients({ birthDate: '2008-12-25', on: '2026-12-25', guardians }))).toEqual([]);
    expect(included(letterRecipients({ birthDate: '2008-12-25', on: '2026-12-24', guardians }))).toEqual([]); // 17: decides herself
    expect(included(letterRecipients({ birthDate: '2016-01-01', on: '2026-12-24', guardians: [{ ...stepfather, consent: 'given' }] }))).toEqual([3]);
  });
});
