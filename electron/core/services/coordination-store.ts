import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../../shared/contract/envelope';
import type { Database } from '../db/schema';
import { letterheadOf } from '../people';

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

/** The letterhead: the unit's part and the name and direct phone of the person who prints (people.ts). */
export async function profileFacts(db: Db) {
  return letterheadOf(db);
}
