/**
 * Transfers between pathways and units (issue #13 §2, shared/domain/transfers.ts): the pathway ends as
 * transferred (end event with its reason, source 'transfer') and, inside the trust, a linked pathway opens as an
 * internal transfer: the right carried over, no new legal assessment deadline, the pathway time from the receiving
 * team's receipt. To another trust the pathway only ends here, with the receiving trust named. One transaction,
 * audited as pathway.transfer (+ pathway.create for the new one).
 */
import type { z } from 'zod';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { AppError } from '../../../shared/contract/envelope';
import type { transferInputSchema } from '../../../shared/contract/transfers';
import { endReasonOf, transferIssues, transferRule, type TransferKind } from '../../../shared/domain/transfers';
import type { PathwayTypeId } from '../../../shared/domain/pathway-types';
import { todayInOslo } from '../../../shared/domain/time';
import { appendAudit } from '../audit';
import type { Database, PathwayTable } from '../db/schema';
import type { ServiceContext } from './context';
import { recomputePathwayClocks } from './pathway-clock';
import { recordPathwayEvent } from './pathway-events';
import { fixed } from '../db/replan';

type Db = Kysely<Database> | Transaction<Database>;
type TransferInput = z.output<typeof transferInputSchema>;

const CONFIDENCE = { confirmed: 'confirmed', local: 'local', unconfirmed: 'unconfirmed' } as const;

/** The links of one pathway: the one it continues, and where it went (both directions shown on the patient page). */
export async function transferLinks(db: Db, row: Selectable<PathwayTable>) {
  const fromRow = row.transferred_from_id
    ? await db
        .selectFrom('pathway')
        .select(['id', 'pathway_type', 'transferred_on', 'transfer_kind'])
        .where('id', '=', row.transferred_from_id)
        .executeTakeFirst()
    : undefined;
  const toRow = row.transfer_kind
    ? await db.selectFrom('pathway').select(['id', 'pathway_type']).where('transferred_from_id', '=', row.id).executeTakeFirst()
    : undefined;
  const rule = row.transfer_kind ? transferRule(row.transfer_kind as TransferKind) : null;
  return {
    from: fromRow
      ? {
          pathwayId: fromRow.id,
          pathwayType: fromRow.pathway_type as PathwayTypeId,
          transferredOn: fromRow.transferred_on ?? null,
          kindLabel: fromRow.transfer_kind ? transferRule(fromRow.transfer_kind as TransferKind).label : 'Overføring',
        }
      : null,
    to: rule
      ? {
          pathwayId: toRow?.id ?? null,
          pathwayType: (toRow?.pathway_type as PathwayTypeId | undefined) ?? null,
          transferredOn: row.transferred_on ?? null,
          kindLabel: rule.label,
          receivingTrust: row.receiving_trust ?? null,
          confidence: CONFIDENCE[rule.confidence],
          source: rule.source,
        }
      : null,
  };
}

export function createTransfersService(ctx: ServiceContext) {
  return {
    async create(input: TransferInput): Promise<{ pathwayId: number; newPathwayId: number | null }> {
      const now = ctx.clock();
      const today = todayInOslo(now);
      return ctx.db.transaction().execute(async (trx) => {
        const old = await trx
          .selectFrom('pathway')
          .innerJoin('patient', 'patient.id', 'pathway.patient_id')
          .selectAll('pathway')
          .select('patient.birth_date')
          .where('pathway.id', '=', input.pathwayId)
          .executeTakeFirst();
        if (!old) throw new AppError('not_found', 'Fant ikke forløpet');
        const last = await trx
          .selectFrom('pathway_event')
          .select((eb) => eb.fn.max('date').as('last'))
          .where('pathway_id', '=', old.id)
          .where('status', '=', fixed('active'))
          .executeTakeFirst();
        const issues = transferIssues({
          kind: input.kind,
          pathwayType: old.pathway_type as PathwayTypeId,
          status: old.status,
          referralReceived: old.referral_received,
          lastEventDate: (last?.last as string | null | undefined) ?? null,
          birthDate: old.birth_date,
          transferredOn: input.transferredOn,
          receivedOn: input.receivedOn,
          newPathwayType: input.newPathwayType,
          receivingTrust: input.receivingTrust,
          today,
        }).filter((i) => i.severity === 'error');
        if (issues.length > 0)
          throw new AppError(
            'invalid_input',
            issues[0]!.message,
            issues.map(({ path, message }) => ({ path, message })),
          );
        if (old.rights_decision === 'no_right' || old.rights_decision === 'not_pathway') {
          throw new AppError('conflict', 'Henvisningen er vurdert uten rett til forløp og kan ikke overføres.');
        }
        const internal = input.kind !== 'other_trust';
        if (internal) {
          const clash = await trx
            .selectFrom('pathway')
            .select('id')
            .where('patient_id', '=', old.patient_id)
            .where('pathway_type', '=', input.newPathwayType!)
            .where('status', '=', fixed('open'))
            .executeTakeFirst();
          if (clash)
            throw new AppError('conflict', 'Pasienten har allerede et åpent forløp av denne typen.', [
              { path: 'newPathwayType', message: 'Pasienten har allerede et åpent forløp av denne typen.' },
            ]);
        }

        await recordPathwayEvent(trx, ctx, {
          pathwayId: old.id,
          type: 'end',
          date: input.transferredOn,
          endReason: endReasonOf(input.kind),
          note: input.note,
          source: 'transfer',
        });
        await trx
          .updateTable('pathway')
          .set({
            transfer_kind: input.kind,
            transferred_on: input.transferredOn,
            receiving_trust: internal ? null : input.receivingTrust.trim(),
            updated_at: now.toISOString(),
          })
          .where('id', '=', old.id)
          .execute();
        await appendAudit(trx, ctx.actor(), { action: 'pathway.transfer', entity: 'pathway', entityId: old.id, patientId: old.patient_id }, now);

        let newPathwayId: number | null = null;
        if (internal) {
          // Care not started yet: the legal care deadline the sending team set still runs (the right carries over).
          const careDeadline = old.first_attendance_on ? null : old.care_deadline;
          const created = await trx
            .insertInto('pathway')
            .values({
              patient_id: old.patient_id,
              pathway_type: input.newPathwayType!,
              setting: input.newSetting ?? old.setting,
              referral_received: input.receivedOn!,
              referral_assessed: null,
              care_deadline: careDeadline,
              intake: 'internal_transfer',
              rights_decision: 'right',
              rights_care_kind: old.rights_care_kind,
              priority_group: old.priority_group,
              transferred_from_id: old.id,
              status: 'open',
              created_at: now.toISOString(),
              updated_at: now.toISOString(),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          newPathwayId = created.id;
          await appendAudit(trx, ctx.actor(), { action: 'pathway.create', entity: 'pathway', entityId: created.id, patientId: old.patient_id }, now);
          await recordPathwayEvent(trx, ctx, { pathwayId: created.id, type: 'start', date: input.receivedOn!, source: 'transfer' });
          // The interpreter need recorded at first attendance goes with the patient.
          const care = await trx.selectFrom('pathway_care').selectAll().where('pathway_id', '=', old.id).executeTakeFirst();
          if (care) {
            const tsb = input.newPathwayType === 'tsb' || input.newPathwayType === 'pregnant_substance';
            await trx
              .insertInto('pathway_care')
              .values({
                ...care,
                pathway_id: created.id,
                pregnant: tsb ? care.pregnant : 0,
                detox_ended_on: tsb ? care.detox_ended_on : null,
                further_treatment_on: tsb ? care.further_treatment_on : null,
                updated_at: now.toISOString(),
              })
              .execute();
          }
        }
        await recomputePathwayClocks(trx, { pathwayIds: newPathwayId ? [old.id, newPathwayId] : [old.id] }, now);
        return { pathwayId: old.id, newPathwayId };
      });
    },
  };
}
