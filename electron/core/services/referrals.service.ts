import { AppError, type FieldIssue } from '../../../shared/contract/envelope';
import type { referralInputSchema } from '../../../shared/contract/referrals';
import type { z } from 'zod';
import { checkNationalId } from '../../../shared/domain/national-id';
import { todayInOslo } from '../../../shared/domain/time';
import { appendAudit } from '../audit';
import { indexPatientName } from './patient-search';
import { recomputePathwayClocks } from './pathway-clock';
import { recordPathwayEvent } from './pathway-events';
import type { ServiceContext } from './context';

type ReferralInput = z.output<typeof referralInputSchema>;

export function createReferralsService(ctx: ServiceContext) {
  /** Rules that need more than the schema: id validity, dates against today and each other, known municipality. */
  async function validate(input: ReferralInput, today: string): Promise<FieldIssue[]> {
    const issues: FieldIssue[] = [];
    const { patient, pathway } = input;
    const id = checkNationalId(patient.nationalId, { allowSynthetic: ctx.demo });
    if (!id.ok) issues.push({ path: 'patient.nationalId', message: id.message });
    if (patient.birthDate > today) issues.push({ path: 'patient.birthDate', message: 'Fødselsdato kan ikke være fram i tid' });
    if (pathway.referralReceived > today) {
      issues.push({ path: 'pathway.referralReceived', message: 'Mottaksdato kan ikke være fram i tid' });
    }
    if (pathway.intake === 'internal_transfer' && pathway.referralAssessed !== null) {
      issues.push({ path: 'pathway.referralAssessed', message: 'En intern overføring er allerede vurdert; la vurderingsdatoen stå tom' });
    } else if (pathway.referralAssessed !== null) {
      if (pathway.referralAssessed < pathway.referralReceived) {
        issues.push({ path: 'pathway.referralAssessed', message: 'Vurderingsdato kan ikke være før henvisningen ble mottatt' });
      } else if (pathway.referralAssessed > today) {
        issues.push({ path: 'pathway.referralAssessed', message: 'Vurderingsdato kan ikke være fram i tid' });
      }
    }
    if (patient.municipalityNumber !== '') {
      const known = await ctx.db.selectFrom('municipality').select('number').where('number', '=', patient.municipalityNumber).executeTakeFirst();
      if (!known) issues.push({ path: 'patient.municipalityNumber', message: 'Ukjent kommunenummer' });
    }
    return issues;
  }

  return {
    /** Registers a referral: the patient (new or already known by national id) and a new open pathway. */
    async create(input: ReferralInput) {
      const now = ctx.clock();
      const issues = await validate(input, todayInOslo(now));
      if (issues.length > 0) throw new AppError('invalid_input', 'Noen felter er ikke fylt ut riktig', issues);
      const { patient, pathway } = input;
      const idCheck = checkNationalId(patient.nationalId, { allowSynthetic: ctx.demo });
      if (!idCheck.ok) throw new AppError('invalid_input', idCheck.message); // unreachable: validated above
      const stamp = now.toISOString();

      return ctx.db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('patient').select('id').where('national_id', '=', patient.nationalId).executeTakeFirst();
        let patientId: number;
        if (existing) {
          patientId = existing.id;
          const active = await trx
            .selectFrom('pathway')
            .select('id')
            .where('patient_id', '=', patientId)
            .where('pathway_type', '=', pathway.pathwayType)
            .where('status', '=', 'open')
            .executeTakeFirst();
          if (active) {
            const message = 'Pasienten har allerede et aktivt forløp av denne typen';
            throw new AppError('conflict', message, [{ path: 'pathway.pathwayType', message }]);
          }
        } else {
          const inserted = await trx
            .insertInto('patient')
            .values({
              name: patient.name,
              name_search: patient.name.toLocaleLowerCase('nb'),
              national_id: patient.nationalId,
              national_id_kind: idCheck.kind,
              synthetic: idCheck.synthetic ? 1 : 0,
              birth_date: patient.birthDate,
              phone: patient.phone,
              address: patient.address,
              postal_code: patient.postalCode,
              postal_place: patient.postalPlace,
              municipality_number: patient.municipalityNumber,
              gp_name: patient.gpName,
              created_at: stamp,
              updated_at: stamp,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          patientId = inserted.id;
          await indexPatientName(trx, patientId, patient.name);
          await appendAudit(trx, ctx.actor(), { action: 'patient.create', entity: 'patient', entityId: patientId, patientId }, now);
        }
        const created = await trx
          .insertInto('pathway')
          .values({
            patient_id: patientId,
            pathway_type: pathway.pathwayType,
            setting: pathway.setting,
            referral_received: pathway.referralReceived,
            referral_assessed: pathway.referralAssessed,
            intake: pathway.intake,
            // An internal transfer carries the right the sending team granted.
            rights_decision: pathway.intake === 'internal_transfer' ? 'right' : null,
            status: 'open',
            created_at: stamp,
            updated_at: stamp,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendAudit(trx, ctx.actor(), { action: 'pathway.create', entity: 'pathway', entityId: created.id, patientId }, now);
        if (pathway.intake === 'internal_transfer') {
          // The new team's pathway starts on its receipt of the transfer (no new rights assessment).
          await recordPathwayEvent(trx, ctx, { pathwayId: created.id, type: 'start', date: pathway.referralReceived, source: 'transfer' });
        }
        await recomputePathwayClocks(trx, { pathwayIds: [created.id] }, now);
        return { patientId, pathwayId: created.id, patientExisted: existing !== undefined };
      });
    },
  };
}
export type ReferralsService = ReturnType<typeof createReferralsService>;
