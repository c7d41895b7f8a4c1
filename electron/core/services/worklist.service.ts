import type { z } from 'zod';
import type { worklistQuerySchema, WorklistRow } from '../../../shared/contract/worklist';
import { maskNationalId } from '../../../shared/domain/national-id';
import { daysBetween, osloDate } from '../../../shared/domain/oslo-date';
import type { PathwayTypeId, SettingId } from '../../../shared/domain/pathway-types';
import { appendAudit } from '../audit';
import type { ServiceContext } from './context';

type WorklistQuery = z.output<typeof worklistQuerySchema>;

export function createWorklistService(ctx: ServiceContext) {
  function baseQuery(q: WorklistQuery) {
    let query = ctx.db
      .selectFrom('pathway')
      .innerJoin('patient', 'patient.id', 'pathway.patient_id')
      .where('pathway.status', '=', 'open');
    if (q.pathwayType) query = query.where('pathway.pathway_type', '=', q.pathwayType);
    if (q.setting) query = query.where('pathway.setting', '=', q.setting);
    const search = q.search?.trim().toLocaleLowerCase('nb');
    if (search) {
      const digits = search.replace(/\s/g, '');
      query = /^\d+$/.test(digits)
        ? query.where('patient.national_id', 'like', `${digits}%`)
        : query.where('patient.name_search', 'like', `%${search.replace(/[%_\\]/g, '\\$&')}%`);
    }
    return query;
  }

  return {
    async list(q: WorklistQuery): Promise<{ rows: WorklistRow[]; total: number }> {
      const today = osloDate(ctx.clock());
      const [rows, count] = await Promise.all([
        baseQuery(q)
          .select([
            'pathway.id as pathway_id',
            'patient.id as patient_id',
            'patient.name',
            'patient.national_id',
            'patient.synthetic',
            'pathway.pathway_type',
            'pathway.setting',
            'pathway.referral_received',
          ])
          .orderBy('pathway.referral_received', 'asc')
          .orderBy('pathway.id', 'asc')
          .limit(q.limit)
          .offset(q.offset)
          .execute(),
        baseQuery(q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      // Searches are logged (helsepersonelloven § 21 a): that a search happened, never what was searched for.
      if (q.search?.trim()) {
        await appendAudit(ctx.db, ctx.actor(), { action: 'worklist.search', entity: 'worklist', entityId: null, patientId: null }, ctx.clock());
      }
      return {
        total: Number(count.n),
        rows: rows.map((r) => ({
          pathwayId: r.pathway_id,
          patientId: r.patient_id,
          name: r.name,
          nationalIdMasked: maskNationalId(r.national_id),
          synthetic: r.synthetic === 1,
          pathwayType: r.pathway_type as PathwayTypeId,
          setting: r.setting as SettingId,
          referralReceived: r.referral_received,
          daysSinceReferral: daysBetween(r.referral_received, today),
        })),
      };
    },
  };
}
export type WorklistService = ReturnType<typeof createWorklistService>;
