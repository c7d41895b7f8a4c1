import { sql } from 'kysely';
import { AppError } from '../../../shared/contract/envelope';
import { addMonths, osloDayStartUtc, todayInOslo } from '../../../shared/domain/time';
import { appendAudit } from '../audit';
import type { Database } from '../db/schema';
import type { Kysely, Transaction } from 'kysely';
import type { ServiceContext } from './context';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Data minimisation (DOMAIN.md §10): a patient who has left the worklist — every pathway handed to their own
 * clinician or ended — more than `months` ago may be deleted. "Left" is the last change of their last pathway.
 */
export function retentionCutoff(now: Date, months: number): string {
  return osloDayStartUtc(addMonths(todayInOslo(now), -months));
}

async function candidates(db: Db, cutoff: string) {
  return db
    .selectFrom('patient')
    .innerJoin('pathway', 'pathway.patient_id', 'patient.id')
    .select(['patient.id as patientId', 'patient.name as name'])
    .select((eb) => [eb.fn.max('pathway.updated_at').as('leftAt'), eb.fn.countAll<number>().as('pathways')])
    .groupBy('patient.id')
    .having(sql<number>`sum(case when pathway.status = 'open' then 1 else 0 end)`, '=', 0)
    .having((eb) => eb.fn.max('pathway.updated_at'), '<', cutoff)
    .orderBy('leftAt')
    .execute();
}

export function createRetentionService(ctx: ServiceContext) {
  return {
    async preview({ months }: { months: number }) {
      const cutoff = retentionCutoff(ctx.clock(), months);
      const rows = await candidates(ctx.db, cutoff);
      return { cutoff, patients: rows.map((r) => ({ patientId: r.patientId, name: r.name, leftAt: String(r.leftAt), pathways: Number(r.pathways) })) };
    },

    /** All or nothing: every listed patient must still qualify. Each deletion is logged by id, never by name. */
    async delete({ months, patientIds }: { months: number; patientIds: number[] }) {
      const now = ctx.clock();
      const cutoff = retentionCutoff(now, months);
      const ids = [...new Set(patientIds)];
      return ctx.db.transaction().execute(async (trx) => {
        const eligible = new Set((await candidates(trx, cutoff)).map((r) => r.patientId));
        if (ids.some((id) => !eligible.has(id))) {
          throw new AppError('conflict', 'Listen er endret siden du så på den. Se gjennom listen på nytt; ingenting ble slettet.');
        }
        for (const id of ids) {
          await trx.deleteFrom('patient').where('id', '=', id).execute();
          await appendAudit(trx, ctx.actor(), { action: 'patient.delete', entity: 'patient', entityId: id, patientId: id }, now);
        }
        await appendAudit(trx, ctx.actor(), { action: 'retention.delete', entity: 'patient', entityId: ids.length, patientId: null }, now);
        return { deleted: ids.length };
      });
    },
  };
}
