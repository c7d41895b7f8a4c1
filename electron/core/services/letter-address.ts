import type { Kysely, Transaction } from 'kysely';
import type { LetterRecipient } from '../../../shared/domain/no-show-policy';
import { isPostalAddress } from '../../../shared/domain/postal-codes';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface LetterPatient {
  name: string;
  address: string;
  postal_code: string;
  postal_place: string;
  gp_name: string;
  municipality_number: string;
  municipality_name: string | null;
}

export interface ResolvedAddress {
  lines: string[];
  /** Empty when the lines make a full postal address; else why the letter cannot be posted (Norwegian, no data). */
  problem: string | null;
}

const postal = (code: string, place: string) => [code, place].filter(Boolean).join(' ');

/**
 * The window address of a letter: the patient's own address, the GP office (the referrer) from the contact
 * directory, or the municipality's coordinating unit from the directory. Without a full postal address the
 * letter can be previewed, but it is not counted as sent when printed.
 */
export async function resolveLetterAddress(db: Db, recipient: LetterRecipient, patient: LetterPatient, templateLines: string[]): Promise<ResolvedAddress> {
  if (recipient === 'patient') {
    const lines = templateLines;
    return { lines, problem: isPostalAddress(lines) ? null : 'Pasienten mangler full postadresse (adresse, postnummer og poststed). Rett pasientens opplysninger før brevet skrives ut.' };
  }
  if (recipient === 'referrer') {
    const gp = patient.gp_name
      ? await db
          .selectFrom('contact')
          .selectAll()
          .where('role', '=', 'gp')
          .where((eb) => eb.or([eb('name', '=', patient.gp_name), eb('organisation', '=', patient.gp_name)]))
          .orderBy('id')
          .executeTakeFirst()
      : undefined;
    const lines = gp
      ? [gp.organisation || gp.name, ...(gp.organisation && gp.organisation !== gp.name ? [gp.name] : []), gp.address, postal(gp.postal_code, gp.postal_place)].filter(Boolean)
      : [patient.gp_name].filter(Boolean);
    return {
      lines,
      problem: isPostalAddress(lines) ? null : 'Henviser eller fastlege mangler postadresse. Registrer adressen under Kontakter (rolle fastlege, samme navn som pasientens fastlege).',
    };
  }
  const unit = patient.municipality_number
    ? await db
        .selectFrom('contact')
        .selectAll()
        .where('municipality_number', '=', patient.municipality_number)
        .where('role', 'in', ['coordinating_unit', 'municipal_coordinator'])
        .where('address', '!=', '')
        .orderBy('role')
        .orderBy('id')
        .executeTakeFirst()
    : undefined;
  const lines = unit
    ? [unit.name, ...(unit.organisation && unit.organisation !== unit.name ? [unit.organisation] : []), unit.address, postal(unit.postal_code, unit.postal_place)].filter(Boolean)
    : ['Koordinerende enhet', patient.municipality_name ? `${patient.municipality_name} kommune` : 'Kommunen'];
  return {
    lines,
    problem: isPostalAddress(lines) ? null : 'Kommunen mangler postadresse. Registrer koordinerende enhet med adresse under Kontakter.',
  };
}
