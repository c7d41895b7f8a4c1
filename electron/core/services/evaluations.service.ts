/**
 * Evaluations proposed by what happens anyway (shared/domain/evaluation-proposals.ts), confirmed with one click
 * or dismissed, and "behandlingsplan utarbeidet med pasient" (date + who recorded it) on the pathway.
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../../shared/contract/envelope';
import { proposalKey, proposeEvaluations, type ProposalSource } from '../../../shared/domain/evaluation-proposals';
import { osloDateOf, todayInOslo } from '../../../shared/domain/time';
import { appendAudit } from '../audit';
import type { Database } from '../db/schema';
import type { ServiceContext } from './context';
import { pathwayOrThrow, patientOrThrow } from './coordination-store';
import { recordPathwayEvent } from './pathway-events';
import { fixed } from '../db/replan';

type Db = Kysely<Database> | Transaction<Database>;
type Ref = { pathwayId: number; sourceKind: 'meeting' | 'appointment'; sourceId: number };

const LABELS = { meeting: 'Evalueringsmøte holdt', appointment: 'Evalueringstime, pasienten møtte' } as const;

async function proposalsFor(db: Db, patientId: number, today: string) {
  const [pathways, events, meetings, appointments, decided] = await Promise.all([
    db.selectFrom('pathway').select(['id']).where('patient_id', '=', patientId).execute(),
    db
      .selectFrom('pathway_event')
      .innerJoin('pathway', 'pathway.id', 'pathway_event.pathway_id')
      .select(['pathway_event.pathway_id', 'pathway_event.type', 'pathway_event.date'])
      .where('pathway.patient_id', '=', patientId)
      .where('pathway_event.status', '=', fixed('active'))
      .execute(),
    db
      .selectFrom('meeting')
      .select(['id', 'start_at'])
      .where('patient_id', '=', patientId)
      .where('kind', '=', 'evaluation')
      .where('status', '=', 'held')
      .execute(),
    db
      .selectFrom('appointment')
      .select(['id', 'start_at', 'pathway_id'])
      .where('patient_id', '=', patientId)
      .where('kind', '=', 'evaluation')
      .where('status', '=', 'attended')
      .execute(),
    db
      .selectFrom('evaluation_proposal')
      .innerJoin('pathway', 'pathway.id', 'evaluation_proposal.pathway_id')
      .select(['evaluation_proposal.pathway_id', 'evaluation_proposal.source_kind', 'evaluation_proposal.source_id'])
      .where('pathway.patient_id', '=', patientId)
      .execute(),
  ]);
  const sources: ProposalSource[] = [
    ...meetings.map((m) => ({ kind: 'meeting' as const, id: m.id, date: osloDateOf(m.start_at), pathwayId: null, label: LABELS.meeting })),
    ...appointments.map((a) => ({ kind: 'appointment' as const, id: a.id, date: osloDateOf(a.start_at), pathwayId: a.pathway_id, label: LABELS.appointment })),
  ];
  const byPathway = pathways.map((p) => ({ id: p.id, events: events.filter((e) => e.pathway_id === p.id) }));
  const done = new Set(decided.map((d) => proposalKey({ pathwayId: d.pathway_id, sourceKind: d.source_kind, sourceId: d.source_id })));
  return proposeEvaluations(byPathway, sources, done, today);
}

export function createEvaluationsService(ctx: ServiceContext) {
  async function find(db: Db, ref: Ref) {
    const pathway = await pathwayOrThrow(db, ref.pathwayId);
    const proposal = (await proposalsFor(db, pathway.patient_id, todayInOslo(ctx.clock()))).find((p) => proposalKey(p) === proposalKey(ref));
    if (!proposal) throw new AppError('conflict', 'Forslaget gjelder ikke lenger. Oppdater siden.');
    return { pathway, proposal };
  }
  async function decide(db: Db, ref: Ref, decision: 'confirmed' | 'dismissed', eventId: number | null) {
    await db
      .insertInto('evaluation_proposal')
      .values({
        pathway_id: ref.pathwayId,
        source_kind: ref.sourceKind,
        source_id: ref.sourceId,
        decision,
        event_id: eventId,
        decided_at: ctx.clock().toISOString(),
      })
      .execute();
  }

  return {
    async proposals(patientId: number) {
      await patientOrThrow(ctx.db, patientId);
      return { proposals: await proposalsFor(ctx.db, patientId, todayInOslo(ctx.clock())) };
    },

    async confirm(ref: Ref) {
      return ctx.db.transaction().execute(async (trx) => {
        const { proposal } = await find(trx, ref);
        const { id: eventId } = await recordPathwayEvent(trx, ctx, {
          pathwayId: ref.pathwayId,
          type: 'evaluation',
          date: proposal.date,
          note: proposal.label,
          source: ref.sourceKind,
        });
        await decide(trx, ref, 'confirmed', eventId);
        return { eventId };
      });
    },

    async dismiss(ref: Ref) {
      return ctx.db.transaction().execute(async (trx) => {
        const { pathway } = await find(trx, ref);
        await decide(trx, ref, 'dismissed', null);
        await appendAudit(
          trx,
          ctx.actor(),
          { action: 'evaluation.dismiss', entity: 'pathway', entityId: ref.pathwayId, patientId: pathway.patient_id },
          ctx.clock(),
        );
        return { pathwayId: ref.pathwayId };
      });
    },

    async recordTreatmentPlan(input: { pathwayId: number; date: string | null }) {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const pathway = await pathwayOrThrow(trx, input.pathwayId);
        if (input.date !== null) {
          const issue =
            input.date > todayInOslo(now)
              ? 'Datoen kan ikke være fram i tid.'
              : input.date < pathway.referral_received
                ? 'Datoen kan ikke være før henvisningen ble mottatt.'
                : null;
          if (issue) throw new AppError('invalid_input', issue, [{ path: 'date', message: issue }]);
        }
        await trx
          .updateTable('pathway')
          .set({ treatment_plan_on: input.date, treatment_plan_by: input.date ? ctx.actor().profile : null, updated_at: now.toISOString() })
          .where('id', '=', input.pathwayId)
          .execute();
        await appendAudit(
          trx,
          ctx.actor(),
          { action: 'pathway.treatmentPlan', entity: 'pathway', entityId: input.pathwayId, patientId: pathway.patient_id },
          now,
        );
        return { pathwayId: input.pathwayId };
      });
    },
  };
}
