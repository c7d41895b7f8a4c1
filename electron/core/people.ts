import type { Kysely, Transaction } from 'kysely';
import type { Letterhead } from '../../shared/print/document';
import { isPostgres } from './db/dialect';
import type { Database } from './db/schema';
import { personLogin } from './settings';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Who people are, by name (issue #15): each person's own name and optional direct phone, kept per login in
 * person_profile (the database login on the team store; '' for the local store's one person). The one source for
 * "Utført av", letterheads, the audit log's "who", the caseload's people and the log viewer.
 */
export interface PersonProfile {
  name: string;
  phone: string;
}

/** This person's own part of the profile, or null before they have given their name. */
export async function ownPerson(db: Db): Promise<PersonProfile | null> {
  const row = await db.selectFrom('person_profile').select(['name', 'phone']).where('login', '=', personLogin(db)).executeTakeFirst();
  return row ? { name: row.name, phone: row.phone } : null;
}

/** Saves this person's own name and direct phone (their row only: row-level security on the team store). */
export async function saveOwnPerson(db: Db, p: PersonProfile, now: Date): Promise<void> {
  const values = { name: p.name, phone: p.phone, updated_at: now.toISOString() };
  await db
    .insertInto('person_profile')
    .values({ login: personLogin(db), ...values })
    .onConflict((oc) => oc.column('login').doUpdateSet(values))
    .execute();
}

/**
 * A login's display name, '' when the person has not given one. On the local store the one person's row ('')
 * names both '' and the store's own login (`me`); other logins there (a store shared before) have none.
 */
export async function personNames(db: Db, me: string): Promise<(login: string) => string> {
  const rows = await db.selectFrom('person_profile').select(['login', 'name']).execute();
  const names = new Map(rows.map((r) => [r.login, r.name]));
  if (isPostgres(db)) return (login) => names.get(login) ?? '';
  const mine = names.get('') ?? '';
  return (login) => (login === '' || login === me ? mine : (names.get(login) ?? ''));
}

/**
 * The letterhead of a printout that belongs to a pathway's responsible person (the patient summary: "your
 * coordinator is …"): that person's name and direct phone when they have given a name, else the one who prints.
 */
export async function letterheadOwnedBy(db: Db, responsible: string | undefined): Promise<Letterhead> {
  const lh = await letterheadOf(db);
  if (!responsible || !isPostgres(db)) return lh; // the local store: one person, who prints
  const owner = await db.selectFrom('person_profile').select(['name', 'phone']).where('login', '=', responsible).executeTakeFirst();
  return owner ? { ...lh, coordinatorName: owner.name, coordinatorPhone: owner.phone } : lh;
}

/** The letterhead of a printout: the unit's part ('' before it is set up), and the name and direct phone of the person who prints it. */
export async function letterheadOf(db: Db): Promise<Letterhead> {
  const [unit, me] = await Promise.all([db.selectFrom('profile').selectAll().where('id', '=', 1).executeTakeFirst(), ownPerson(db)]);
  return {
    unitName: unit?.unit_name ?? '',
    unitAddress: unit?.unit_address ?? '',
    unitPhone: unit?.unit_phone ?? '',
    coordinatorName: me?.name ?? '',
    coordinatorPhone: me?.phone ?? '',
  };
}
