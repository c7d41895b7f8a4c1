import { letterRecipients, type Consent } from './guardian-recipients';
import type { IsoDate } from './iso-date';
import { isPostalAddress } from './postal-codes';

/**
 * Who a letter about the patient goes to, as window-envelope sheets (issue #13 §2): the patient from 12, and for a
 * patient under 18 those with parental responsibility as `letterRecipients` decides (§ 3-4: from 16 the young person
 * decides; consent per person). Each sheet has its own address; a sheet without a postal address says so.
 */
export interface AddresseePatient {
  name: string;
  birthDate: IsoDate;
  address: string;
  postalCode: string;
  postalPlace: string;
}

export interface AddresseeGuardian {
  id: number;
  name: string;
  parentalResponsibility: boolean;
  consent: Consent;
  address: string;
  postalCode: string;
  postalPlace: string;
}

export interface Addressee {
  kind: 'patient' | 'guardian';
  guardianId: number | null;
  name: string;
  lines: string[];
  /** Null when the lines make a full postal address; else why this sheet cannot be posted (no personal data). */
  problem: string | null;
  /** Why this person gets the letter (shown in the preview). */
  reason: string;
  /** For a guardian's sheet: the sentence that says why they get it, printed above the letter. */
  preface: string | null;
}

const postal = (code: string, place: string) => [code, place].filter(Boolean).join(' ');
const lines = (name: string, address: string, code: string, place: string) => [name, address, postal(code, place)].filter((l) => l.trim() !== '');

export function letterAddressees(input: {
  patient: AddresseePatient;
  guardians: readonly AddresseeGuardian[];
  on: IsoDate;
  necessaryForParentalResponsibility?: boolean;
}): { addressees: Addressee[]; warnings: string[] } {
  const { patient } = input;
  const decided = letterRecipients({
    birthDate: patient.birthDate,
    on: input.on,
    guardians: input.guardians.map((g) => ({ id: g.id, parentalResponsibility: g.parentalResponsibility, consent: g.consent })),
    necessaryForParentalResponsibility: input.necessaryForParentalResponsibility,
  });
  const addressees: Addressee[] = [];
  const warnings: string[] = [];
  if (decided.patient.include) {
    const l = lines(patient.name, patient.address, patient.postalCode, patient.postalPlace);
    addressees.push({
      kind: 'patient',
      guardianId: null,
      name: patient.name,
      lines: l,
      reason: decided.patient.reason,
      preface: null,
      problem: isPostalAddress(l)
        ? null
        : 'Pasienten mangler full postadresse (adresse, postnummer og poststed). Rett pasientens opplysninger før brevet skrives ut.',
    });
  }
  for (const d of decided.guardians) {
    if (!d.include) continue;
    const g = input.guardians.find((x) => x.id === d.id)!;
    const l = lines(g.name, g.address, g.postalCode, g.postalPlace);
    addressees.push({
      kind: 'guardian',
      guardianId: g.id,
      name: g.name,
      lines: l,
      reason: d.reason,
      preface: g.parentalResponsibility
        ? `Til ${g.name}. Du får dette brevet fordi du har foreldreansvar for ${patient.name}.`
        : `Til ${g.name}. Du får dette brevet fordi ${patient.name} har samtykket til at du informeres.`,
      problem: isPostalAddress(l) ? null : 'En foresatt mangler full postadresse. Registrer adressen under Pårørende før brevet skrives ut.',
    });
  }
  if (decided.ageBand !== 'adult' && !input.guardians.some((g) => g.parentalResponsibility)) {
    warnings.push('Pasienten er under 18 år og har ingen registrerte foresatte med foreldreansvar. Registrer dem under Pårørende, så går brevet også til dem.');
    if (addressees.length === 0) {
      const l = lines(`Foresatte til ${patient.name}`, patient.address, patient.postalCode, patient.postalPlace);
      addressees.push({
        kind: 'guardian',
        guardianId: null,
        name: `Foresatte til ${patient.name}`,
        lines: l,
        reason: 'Under 12 år: brevet går til foreldrene',
        preface: null,
        problem: isPostalAddress(l)
          ? null
          : 'Pasienten mangler full postadresse (adresse, postnummer og poststed). Rett pasientens opplysninger før brevet skrives ut.',
      });
    }
  }
  return { addressees, warnings };
}

/** The address a stored letter is judged by: the first sheet that cannot be posted, else the first sheet. */
export function judgedAddress(addressees: readonly Pick<Addressee, 'lines' | 'problem'>[]): string[] {
  return (addressees.find((a) => a.problem !== null) ?? addressees[0])?.lines ?? [];
}
