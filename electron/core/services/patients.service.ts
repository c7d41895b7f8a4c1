import { AppError } from '../../../shared/contract/envelope';
import { auditRead } from '../audit-read';
import type { ServiceContext } from './context';
import { toPathway, toPatient } from './rows';

export function createPatientsService(ctx: ServiceContext) {
  return {
    /** Opening a patient record is itself logged (Normen: the patient may see who looked). */
    async get(id: number) {
      const row = await ctx.db
        .selectFrom('patient')
        .leftJoin('municipality', 'municipality.number', 'patient.municipality_number')
        .selectAll('patient')
        .select('municipality.name as municipality_name')
        .where('patient.id', '=', id)
        .executeTakeFirst();
      if (!row) throw new AppError('not_found', 'Fant ikke pasienten');
      const pathways = await ctx.db.selectFrom('pathway').selectAll().where('patient_id', '=', id).orderBy('referral_received', 'desc').execute();
      await auditRead(ctx.db, ctx.actor(), 'patients.get', { entityId: id, patientId: id }, ctx.clock());
      const { municipality_name, ...patient } = row;
      return { patient: toPatient(patient, municipality_name), pathways: pathways.map(toPathway) };
    },

    async revealNationalId(id: number) {
      const row = await ctx.db.selectFrom('patient').select('national_id').where('id', '=', id).executeTakeFirst();
      if (!row) throw new AppError('not_found', 'Fant ikke pasienten');
      await auditRead(ctx.db, ctx.actor(), 'patients.revealNationalId', { entityId: id, patientId: id }, ctx.clock());
      return { nationalId: row.national_id };
    },
  };
}
export type PatientsService = ReturnType<typeof createPatientsService>;
