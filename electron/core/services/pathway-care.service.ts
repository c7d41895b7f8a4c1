import type { z } from 'zod';
import { AppError } from '../../../shared/contract/envelope';
import type { pathwayCareInputSchema } from '../../../shared/contract/pathway-care';
import { detoxFollowUp } from '../../../shared/domain/pregnancy-rules';
import { countReReferrals, linkPathways, type PathwayLite } from '../../../shared/domain/readmissions';
import { todayInOslo } from '../../../shared/domain/time';
import { appendAudit } from '../audit';
import type { Database } from '../db/schema';
import type { Kysely, Selectable } from 'kysely';
import type { ServiceContext } from './context';
import { pathwayOrThrow, patientOrThrow } from './coordination-store';

type PathwayCareInput = z.output<typeof pathwayCareInputSchema>;

/**
 * A pathway's end for readmissions: its closed date once ended (status 'ended'), except an end by a transfer inside
 * the trust (care went on in the linked pathway); a pathway opened by such a transfer is a continuation.
 */
type LiteRow = {
  id: number;
  referral_received: string;
  closed_on: string | null;
  status: string;
  transfer_kind?: string | null;
  transferred_from_id?: number | null;
};
const lite = (p: LiteRow): PathwayLite => ({
  id: p.id,
  referralReceived: p.referral_received,
  closedOn: p.status === 'ended' && (!p.transfer_kind || p.transfer_kind === 'other_trust') ? p.closed_on : null,
  transferredFromId: p.transferred_from_id ?? null,
});
const LITE_COLUMNS = ['id', 'referral_received', 'closed_on', 'status', 'transfer_kind', 'transferred_from_id'] as const;

/** Readmissions: successive pathways linked, re-referrals within 12 months (shared/domain/readmissions.ts). */
export function createReadmissionsService(ctx: ServiceContext) {
  return {
    async forPatient(patientId: number) {
      await patientOrThrow(ctx.db, patientId);
      const rows = await ctx.db
        .selectFrom('pathway')
        .select([...LITE_COLUMNS, 'pathway_type', 'transferred_on'])
        .where('patient_id', '=', patientId)
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      const links = linkPathways(rows.map(lite));
      return {
        rows: links.map((l) => {
          const p = byId.get(l.id)!;
          return {
            pathwayId: l.id,
            pathwayType: p.pathway_type,
            referralReceived: p.referral_received,
            closedOn: p.status === 'ended' ? p.closed_on : null,
            previousId: l.previousId,
            reReferralAfterId: l.reReferralAfterId,
            daysSinceEnd: l.daysSinceEnd,
            transferredFromId: p.transferred_from_id ?? null,
            transferredOn: p.transferred_on ?? null,
          };
        }),
        reReferralsWithin12Months: links.filter((l) => l.reReferralAfterId !== null).length,
      };
    },

    /** The overview's indicator over every patient with a pathway received in the period. */
    async count(from: string, to: string) {
      if (to < from)
        throw new AppError('invalid_input', 'Til-dato kan ikke være før fra-dato', [{ path: 'to', message: 'Til-dato kan ikke være før fra-dato' }]);
      const rows = await ctx.db
        .selectFrom('pathway')
        .select([...LITE_COLUMNS, 'patient_id'])
        .where('patient_id', 'in', (eb) =>
          eb.selectFrom('pathway').select('patient_id').where('referral_received', '>=', from).where('referral_received', '<=', to),
        )
        .execute();
      const byPatient = new Map<number, PathwayLite[]>();
      for (const r of rows) byPatient.set(r.patient_id, [...(byPatient.get(r.patient_id) ?? []), lite(r)]);
      return countReReferrals([...byPatient.values()], from, to);
    },
  };
}

type Db = Kysely<Database>;

/**
 * The interpreter language when the patient needs one (recorded at first attendance), from the most recent
 * pathway that has the need recorded; null when not needed or not recorded. For invitations and letters.
 */
export async function patientInterpreter(db: Db, patientId: number): Promise<string | null> {
  const row = await db
    .selectFrom('pathway_care')
    .innerJoin('pathway', 'pathway.id', 'pathway_care.pathway_id')
    .select(['pathway_care.interpreter', 'pathway_care.interpreter_language'])
    .where('pathway.patient_id', '=', patientId)
    .where('pathway_care.interpreter', '!=', 'unknown')
    .orderBy('pathway.referral_received', 'desc')
    .orderBy('pathway.id', 'desc')
    .executeTakeFirst();
  return row?.interpreter === 'needed' ? row.interpreter_language : null;
}

async function careOf(db: Db, pathway: Selectable<Database['pathway']>, today: string) {
  const row = await db.selectFrom('pathway_care').selectAll().where('pathway_id', '=', pathway.id).executeTakeFirst();
  const pregnant = row?.pregnant === 1;
  const detox = detoxFollowUp({
    pregnant,
    setting: pathway.setting,
    detoxEndedOn: row?.detox_ended_on ?? null,
    furtherTreatmentOn: row?.further_treatment_on ?? null,
    today,
  });
  return {
    pathwayId: pathway.id,
    interpreter: row?.interpreter ?? 'unknown',
    interpreterLanguage: row?.interpreter_language ?? '',
    interpreterRecordedOn: row?.interpreter_recorded_on ?? null,
    firstAttendanceOn: pathway.first_attendance_on,
    pregnant,
    detoxEndedOn: row?.detox_ended_on ?? null,
    furtherTreatmentOn: row?.further_treatment_on ?? null,
    detox: detox ? { due: detox.due, state: detox.state, daysLate: detox.daysLate, confidence: detox.rule.confidence, source: detox.rule.source } : null,
  };
}

/** Interpreter need (recorded at first attendance) and, for TSB, pregnancy with the detox-to-treatment rule. */
export function createPathwayCareService(ctx: ServiceContext) {
  return {
    async get(pathwayId: number) {
      const pathway = await pathwayOrThrow(ctx.db, pathwayId);
      return careOf(ctx.db, pathway, todayInOslo(ctx.clock()));
    },

    async save(input: PathwayCareInput) {
      const now = ctx.clock();
      const today = todayInOslo(now);
      const issues = [];
      if (input.interpreter === 'needed' && input.interpreterLanguage === '') issues.push({ path: 'interpreterLanguage', message: 'Oppgi språk for tolk' });
      if (input.detoxEndedOn && input.detoxEndedOn > today) issues.push({ path: 'detoxEndedOn', message: 'Datoen kan ikke være fram i tid' });
      if (input.furtherTreatmentOn && input.furtherTreatmentOn > today) issues.push({ path: 'furtherTreatmentOn', message: 'Datoen kan ikke være fram i tid' });
      if (input.furtherTreatmentOn && !input.detoxEndedOn) issues.push({ path: 'detoxEndedOn', message: 'Oppgi når avrusningen ble avsluttet' });
      if (input.furtherTreatmentOn && input.detoxEndedOn && input.furtherTreatmentOn < input.detoxEndedOn) {
        issues.push({ path: 'furtherTreatmentOn', message: 'Videre behandling kan ikke starte før avrusningen er avsluttet' });
      }
      if (issues.length > 0) throw new AppError('invalid_input', 'Noen felter er ikke fylt ut riktig', issues);
      return ctx.db.transaction().execute(async (trx) => {
        const pathway = await pathwayOrThrow(trx, input.pathwayId);
        if (input.pregnant && pathway.pathway_type !== 'tsb' && pathway.pathway_type !== 'pregnant_substance') {
          throw new AppError('invalid_input', 'Forløpet for gravide gjelder TSB', [{ path: 'pregnant', message: 'Forløpet for gravide gjelder TSB' }]);
        }
        const before = await trx.selectFrom('pathway_care').selectAll().where('pathway_id', '=', input.pathwayId).executeTakeFirst();
        // The date the interpreter need was recorded: kept while the answer stays the same.
        const recordedOn = input.interpreter === 'unknown' ? null : before && before.interpreter === input.interpreter ? before.interpreter_recorded_on : today;
        const values = {
          interpreter: input.interpreter,
          interpreter_language: input.interpreter === 'needed' ? input.interpreterLanguage : '',
          interpreter_recorded_on: recordedOn,
          pregnant: input.pregnant ? 1 : 0,
          detox_ended_on: input.pregnant ? input.detoxEndedOn : null,
          further_treatment_on: input.pregnant ? input.furtherTreatmentOn : null,
          updated_at: now.toISOString(),
        };
        await trx
          .insertInto('pathway_care')
          .values({ pathway_id: input.pathwayId, ...values })
          .onConflict((oc) => oc.column('pathway_id').doUpdateSet(values))
          .execute();
        await appendAudit(trx, ctx.actor(), { action: 'pathwayCare.save', entity: 'pathway', entityId: input.pathwayId, patientId: pathway.patient_id }, now);
        return careOf(trx as unknown as Db, pathway, today);
      });
    },
  };
}
