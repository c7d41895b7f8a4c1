import type { Profile } from '../../../shared/contract/profile';
import { appendAudit } from '../audit';
import type { ServiceContext } from './context';

export function createProfileService(ctx: ServiceContext) {
  return {
    async get(): Promise<Profile | null> {
      const row = await ctx.db.selectFrom('profile').selectAll().where('id', '=', 1).executeTakeFirst();
      return row ? { coordinatorName: row.coordinator_name, unitName: row.unit_name, unitPhone: row.unit_phone, unitAddress: row.unit_address } : null;
    },

    async save(p: Profile): Promise<Profile> {
      const now = ctx.clock();
      await ctx.db.transaction().execute(async (trx) => {
        const values = {
          coordinator_name: p.coordinatorName,
          unit_name: p.unitName,
          unit_phone: p.unitPhone,
          unit_address: p.unitAddress,
          updated_at: now.toISOString(),
        };
        await trx
          .insertInto('profile')
          .values({ id: 1, ...values })
          .onConflict((oc) => oc.column('id').doUpdateSet(values))
          .execute();
        await appendAudit(trx, ctx.actor(), { action: 'profile.save', entity: 'profile', entityId: 1, patientId: null }, now);
      });
      return p;
    },
  };
}
export type ProfileService = ReturnType<typeof createProfileService>;
