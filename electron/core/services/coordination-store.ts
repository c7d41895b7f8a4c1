import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../../shared/contract/envelope';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** The pathway a coordination record belongs to, or a Norwegian not-found error. */
export async function pathwayOrThrow(db: Db, pathwayId: number) {
  const row = await db.selectFrom('pathway').selectAll().where('id', '=', pathwayId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Fant ikke forløpet');
  return row;
}

export async function patientOrThrow(db: Db, patientId: number) {
  const row = await db.selectFrom('patient').selectAll().where('id', '=', patientId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Fant ikke pasienten');
  return row;
}

/** The profile as a printout's letterhead (unit, address, phone, coordinator); empty strings before it is filled in. */
export async function profileFacts(db: Db) {
  const p = await db.selectFrom('profile').selectAll().where('id', '=', 1).executeTakeFirst();
  return { coordinatorName: p?.coordinator_name ?? '', unitName: p?.unit_name ?? '', unitAddress: p?.unit_address ?? '', unitPhone: p?.unit_phone ?? '' };
}
