import type { Kysely, Transaction } from 'kysely';
import type { IsoDate } from '../../../shared/domain/iso-date';
import { letterAddressees, type Addressee } from '../../../shared/domain/letter-addressees';
import type { LetterRecipient } from '../../../shared/domain/no-show-policy';
import { isPostalAddress } from '../../../shared/domain/postal-codes';
import { referrerAddressLines } from '../../../shared/domain/referrer-messages';
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
 * The window address of a letter: the patient's own address, the referrer record (else the GP office from the contact
 * directory), or the municipality's coordinating unit from the directory. Without a full postal address the
 * letter can be previewed, but it is not counted as sent when printed.
 */
export async function resolveLetterAddress(
  db: Db,
  recipient: LetterRecipient,
  patient: LetterPatient,
  templateLines: string[],
  opts: { patientId?: number; pathwayId?: number | null } = {},
): Promise<ResolvedAddress> {
  if (recipient === 'patient') {
    const lines = templateLines;
    return {
      lines,
      problem: isPostalAddress(lines)
        ? null
        : 'Pasienten mangler full postadresse (adresse, postnummer og poststed). Rett pasientens opplysninger før brevet skrives ut.',
    };
  }
  if (recipient === 'referrer') {
    // The referrer as its own record (issue #13 §2): the pathway's referrer, else the patient's latest one.
    const record = opts.patientId
      ? await db
          .selectFrom('referrer')
          .selectAll()
          .where('patient_id', '=', opts.patientId)
          .orderBy((eb) =>
            eb
              .case()
              .when('pathway_id', '=', opts.pathwayId ?? -1)
              .then(0)
              .else(1)
              .end(),
          )
          .orderBy('updated_at', 'desc')
          .executeTakeFirst()
      : undefined;
    if (record && (record.organisation || record.person)) {
      const lines = referrerAddressLines({
        organisation: record.organisation,
        person: record.person,
        address: record.address,
        postalCode: record.postal_code,
        postalPlace: record.postal_place,
      });
      return { lines, problem: isPostalAddress(lines) ? null : 'Henviseren mangler full postadresse. Registrer adressen under Henviser på pasientsiden.' };
    }
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
      ? [
          gp.organisation || gp.name,
          ...(gp.organisation && gp.organisation !== gp.name ? [gp.name] : []),
          gp.address,
          postal(gp.postal_code, gp.postal_place),
        ].filter(Boolean)
      : [patient.gp_name].filter(Boolean);
    return {
      lines,
      problem: isPostalAddress(lines)
        ? null
        : 'Henviser eller fastlege mangler postadresse. Registrer adressen under Kontakter (rolle fastlege, samme navn som pasientens fastlege).',
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
    ? [
        unit.name,
        ...(unit.organisation && unit.organisation !== unit.name ? [unit.organisation] : []),
        unit.address,
        postal(unit.postal_code, unit.postal_place),
      ].filter(Boolean)
    : ['Koordinerende enhet', patient.municipality_name ? `${patient.municipality_name} kommune` : 'Kommunen'];
  return {
    lines,
    problem: isPostalAddress(lines) ? null : 'Kommunen mangler postadresse. Registrer koordinerende enhet med adresse under Kontakter.',
  };
}

/** The referrer's name for a letter's text: the person on the referrer record, else its organisation, else the GP. */
export async function referrerName(db: Db, patientId: number, pathwayId: number | null, gpName: string): Promise<string> {
  const record = await db
    .selectFrom('referrer')
    .select(['person', 'organisation'])
    .where('patient_id', '=', patientId)
    .orderBy((eb) =>
      eb
        .case()
        .when('pathway_id', '=', pathwayId ?? -1)
        .then(0)
        .else(1)
        .end(),
    )
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  return record?.person || record?.organisation || gpName;
}

/** The sheets of a letter about the patient: the patient, and guardians as the rules for under-18s say. */
export async function patientAddressees(
  db: Db,
  patientId: number,
  on: IsoDate,
  opts: { necessaryForParentalResponsibility?: boolean } = {},
): Promise<{ addressees: Addressee[]; warnings: string[] }> {
  const [p, guardians] = await Promise.all([
    db.selectFrom('patient').select(['name', 'birth_date', 'address', 'postal_code', 'postal_place']).where('id', '=', patientId).executeTakeFirstOrThrow(),
    db.selectFrom('guardian').selectAll().where('patient_id', '=', patientId).orderBy('id').execute(),
  ]);
  return letterAddressees({
    patient: { name: p.name, birthDate: p.birth_date, address: p.address, postalCode: p.postal_code, postalPlace: p.postal_place },
    guardians: guardians.map((g) => ({
      id: g.id,
      name: g.name,
      parentalResponsibility: g.parental_responsibility === 1,
      consent: g.consent,
      address: g.address,
      postalCode: g.postal_code,
      postalPlace: g.postal_place,
    })),
    on,
    necessaryForParentalResponsibility: opts.necessaryForParentalResponsibility,
  });
}
