import type { IsoDate } from './iso-date';

/**
 * Who gets letters and meeting invitations about a patient under 18, and about an adult's guardians/relatives.
 * Source [C]: pasient- og brukerrettighetsloven § 3-4, as read in Helsedirektoratet's commentary
 * (helsedirektoratet.no › rundskriv › pasient-og-brukerrettighetsloven-med-kommentarer › «Informasjon når pasienten
 * eller brukeren er under 18 år»): under 16 both the patient and those with parental responsibility are informed;
 * from 12 to 16 not the parents when the patient, for reasons that should be respected, does not want it; from 16 to
 * 18 the parents get only what is necessary to fulfil the parental responsibility — otherwise the young person decides.
 * Local decision [L]: a child under 12 gets no letter of their own (the child is informed in person, with the parents).
 */
export type Consent = 'unknown' | 'given' | 'refused';

export interface GuardianFacts {
  id: number;
  parentalResponsibility: boolean;
  /** The patient's (for a child under 16: the recorded wish of the child) consent that this person is informed. */
  consent: Consent;
}

export interface RecipientDecision {
  include: boolean;
  /** Why, in Norwegian, shown next to the person. */
  reason: string;
}

export interface RecipientsResult {
  age: number;
  ageBand: 'under_12' | '12_to_15' | '16_to_17' | 'adult';
  patient: RecipientDecision;
  guardians: (RecipientDecision & { id: number })[];
}

/** Whole years on `on` (a birthday on 29 February is reached on 1 March in a non-leap year). */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

export function ageBand(age: number): RecipientsResult['ageBand'] {
  if (age < 12) return 'under_12';
  if (age < 16) return '12_to_15';
  if (age < 18) return '16_to_17';
  return 'adult';
}

/**
 * Letters and invitations: who receives them on `on`. `necessaryForParentalResponsibility` marks a letter whose
 * content parents with parental responsibility must have to fulfil that responsibility (§ 3-4 fourth paragraph):
 * it goes to them even from 16 to 18.
 */
export function letterRecipients(input: {
  birthDate: IsoDate;
  on: IsoDate;
  guardians: GuardianFacts[];
  necessaryForParentalResponsibility?: boolean;
}): RecipientsResult {
  const age = ageOn(input.birthDate, input.on);
  const band = ageBand(age);
  const patient: RecipientDecision =
    band === 'under_12'
      ? { include: false, reason: 'Under 12 år: brevet går til foreldrene, barnet informeres sammen med dem' }
      : { include: true, reason: band === 'adult' ? 'Pasienten' : 'Pasienten får selv brev fra 12 år' };
  const guardians = input.guardians.map((g) => ({ id: g.id, ...decide(g, band, input.necessaryForParentalResponsibility === true) }));
  return { age, ageBand: band, patient, guardians };
}

function decide(g: GuardianFacts, band: RecipientsResult['ageBand'], necessary: boolean): RecipientDecision {
  if (g.consent === 'given') return { include: true, reason: 'Samtykke til informasjon er registrert' };
  if (!g.parentalResponsibility) return { include: false, reason: 'Uten foreldreansvar: bare med samtykke' };
  switch (band) {
    case 'under_12':
      return { include: true, reason: 'Foreldreansvar, pasienten er under 12 år' };
    case '12_to_15':
      return g.consent === 'refused'
        ? { include: false, reason: 'Pasienten (12–15 år) ønsker ikke at denne informeres, av grunner som bør respekteres' }
        : { include: true, reason: 'Foreldreansvar, pasienten er under 16 år' };
    case '16_to_17':
      return necessary
        ? { include: true, reason: 'Nødvendig for å oppfylle foreldreansvaret (16–17 år)' }
        : { include: false, reason: 'Fra 16 år bestemmer pasienten selv: bare med samtykke' };
    case 'adult':
      return { include: false, reason: 'Pasienten er myndig: bare med samtykke' };
  }
}
