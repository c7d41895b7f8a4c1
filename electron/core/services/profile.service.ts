import { sql, type Kysely, type Transaction } from 'kysely';
import type { MyProfile, Profile, ProfileView, UnitProfile } from '../../../shared/contract/profile';
import { AppError } from '../../../shared/contract/envelope';
import { appendAudit } from '../audit';
import { isPostgres } from '../db/dialect';
import type { Database } from '../db/schema';
import { ownPerson, saveOwnPerson } from '../people';
import type { ServiceContext } from './context';

type Trx = Kysely<Database> | Transaction<Database>;

/**
 * The profile in two parts (issue #15): the unit's letterhead (one row, `profile`), and each person's own name and
 * direct phone (`person_profile`, per login; people.ts). One way on both stores: the local store's one person has
 * the row '', the team store's people one row each under their database login.
 */
export function createProfileService(ctx: ServiceContext) {
  async function unit(db: Trx = ctx.db): Promise<UnitProfile | null> {
    const row = await db.selectFrom('profile').selectAll().where('id', '=', 1).executeTakeFirst();
    return row ? { unitName: row.unit_name, unitPhone: row.unit_phone, unitAddress: row.unit_address } : null;
  }

  /** The local store: always. The team store: only a login granted to change the unit's row (IT, not the people). */
  async function unitEditable(): Promise<boolean> {
    if (!isPostgres(ctx.db)) return true;
    const r = await sql<{ ok: boolean }>`select has_table_privilege(current_user, 'profile', 'UPDATE') as ok`.execute(ctx.db);
    return r.rows[0]?.ok === true;
  }

  async function writeUnit(db: Trx, u: UnitProfile, now: Date): Promise<void> {
    const values = { unit_name: u.unitName, unit_phone: u.unitPhone, unit_address: u.unitAddress, updated_at: now.toISOString() };
    await db
      .insertInto('profile')
      .values({ id: 1, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
  }

  async function refuseUnitUnlessEditable(): Promise<void> {
    if (!(await unitEditable()))
      throw new AppError('conflict', 'Enhetens opplysninger (navn, telefon, adresse) settes opp av IT på teamlageret og kan ikke endres her.');
  }

  return {
    unitEditable,

    async get(): Promise<ProfileView> {
      const [u, me, editable] = await Promise.all([unit(), ownPerson(ctx.db), unitEditable()]);
      return { unit: u, me, login: ctx.actor().osUser, unitEditable: editable };
    },

    /** Both parts (the first start of a local store): the person's own name (direct phone kept) and the unit. */
    async save(p: Profile): Promise<Profile> {
      await refuseUnitUnlessEditable();
      const now = ctx.clock();
      await ctx.db.transaction().execute(async (trx) => {
        const mine = await ownPerson(trx);
        await saveOwnPerson(trx, { name: p.coordinatorName, phone: mine?.phone ?? '' }, now);
        await writeUnit(trx, p, now);
        await appendAudit(trx, ctx.actor(), { action: 'profile.save', entity: 'profile', entityId: 1, patientId: null }, now);
      });
      return p;
    },

    async saveMine(p: MyProfile): Promise<MyProfile> {
      const now = ctx.clock();
      await ctx.db.transaction().execute(async (trx) => {
        await saveOwnPerson(trx, p, now);
        await appendAudit(trx, ctx.actor(), { action: 'profile.saveMine', entity: 'person_profile', entityId: null, patientId: null }, now);
      });
      return p;
    },

    async saveUnit(u: UnitProfile): Promise<UnitProfile> {
      await refuseUnitUnlessEditable();
      const now = ctx.clock();
      await ctx.db.transaction().execute(async (trx) => {
        await writeUnit(trx, u, now);
        await appendAudit(trx, ctx.actor(), { action: 'profile.saveUnit', entity: 'profile', entityId: 1, patientId: null }, now);
      });
      return u;
    },

    /** The first start still has a step: this person's name, or (where they may set it) the unit's letterhead. */
    async needsProfile(): Promise<boolean> {
      const [u, me] = await Promise.all([unit(), ownPerson(ctx.db)]);
      return me === null || (u === null && (await unitEditable()));
    },
  };
}
export type ProfileService = ReturnType<typeof createProfileService>;
