import { AppError } from '../../../shared/contract/envelope';
import type { PlanViewDto } from '../../../shared/contract/plans';
import {
  canTransition,
  checkProgressNote,
  validatePlan,
  type IndividualPlan,
  type MeasureStatus,
  type PlanMeasure,
} from '../../../shared/domain/individual-plan';
import { appendAudit } from '../audit';
import { auditRead } from '../audit-read';
import type { ServiceContext } from './context';
import { loadPlan, refreshPlanAttention } from './plans-store';
import { claimRowVersion } from './row-version';
import { MEASURE_RECORD, PLAN_GOAL_RECORD, PLAN_ITEM_RECORD, PLAN_PARTICIPANT_RECORD, claimPlan, listText } from './plans-versions';

import {
  FUTURE,
  refuse,
  pick,
  notFound,
  createPlanCore,
  type OverviewInput,
  type ParticipantInput,
  type ConsentInput,
  type GoalInput,
  type ItemInput,
  type MeasureInput,
} from './plans-core';

/** The plan's content: the plan itself, participants, consent, goals, items, measures and progress notes. */
export function createPlanContentService(ctx: ServiceContext) {
  const { today, mutate, versions, measureOrigins, view } = createPlanCore(ctx);
  return {
    async get(patientId: number): Promise<{ view: PlanViewDto | null }> {
      const patient = await ctx.db.selectFrom('patient').select('id').where('id', '=', patientId).executeTakeFirst();
      if (!patient) notFound('Fant ikke pasienten');
      const loaded = await loadPlan(ctx.db, patientId);
      await auditRead(ctx.db, ctx.actor(), 'plans.get', { entityId: loaded?.row.id ?? null, patientId }, ctx.clock());
      if (!loaded) return { view: null };
      return { view: view(loaded, today(), await versions(loaded.row.id), await measureOrigins(loaded.plan)) };
    },

    /** Creates the plan (first save) or updates its overview fields. */
    async save(input: OverviewInput): Promise<{ planId: number }> {
      const now = ctx.clock();
      const revisionDates = [...new Set(input.revisionDates)].sort();
      return ctx.db.transaction().execute(async (trx) => {
        const patient = await trx.selectFrom('patient').select('id').where('id', '=', input.patientId).executeTakeFirst();
        if (!patient) notFound('Fant ikke pasienten');
        const loaded = await loadPlan(trx, input.patientId);
        const base: IndividualPlan = loaded?.plan ?? {
          period: input.period,
          revisionDates: [],
          coordinator: { name: '', organisation: '' },
          participants: [],
          consent: { coversParticipantIds: [] },
          cooperation: '',
          goals: [],
          resources: [],
          needs: [],
          contributions: { patient: '', services: '', relatives: '' },
          measures: [],
        };
        const candidate: IndividualPlan = { ...base, period: input.period, revisionDates: input.revisionDates };
        const errors = validatePlan(candidate);
        const issues = [...pick(errors, 'period.', (rest) => `period.${rest}`), ...pick(errors, 'revisionDates.', (rest) => `revisionDates.${rest}`)];
        if (input.coordinator.contactId !== null) {
          const contact = await trx.selectFrom('contact').select('id').where('id', '=', input.coordinator.contactId).executeTakeFirst();
          if (!contact) issues.push({ path: 'coordinator.contactId', message: 'Fant ikke kontakten i kontaktlisten' });
        }
        if (issues.length > 0) refuse(issues);

        const values = {
          period_from: input.period.from,
          period_to: input.period.to,
          coordinator_name: input.coordinator.name,
          coordinator_organisation: input.coordinator.organisation,
          coordinator_contact_id: input.coordinator.contactId,
          cooperation: input.cooperation,
          contribution_patient: input.contributions.patient,
          contribution_services: input.contributions.services,
          contribution_relatives: input.contributions.relatives,
          updated_at: now.toISOString(),
        };
        let planId: number;
        if (loaded) {
          planId = loaded.row.id;
          await claimPlan(
            trx,
            planId,
            input.version,
            ctx.actor(),
            { ...values, revision_dates: listText(revisionDates) },
            { revision_dates: listText(loaded.plan.revisionDates) },
          );
          await trx.updateTable('individual_plan').set(values).where('id', '=', planId).execute();
          await trx.deleteFrom('plan_revision_date').where('plan_id', '=', planId).execute();
        } else {
          const inserted = await trx
            .insertInto('individual_plan')
            .values({ ...values, patient_id: input.patientId, created_at: now.toISOString() })
            .returning('id')
            .executeTakeFirstOrThrow();
          planId = inserted.id;
        }
        if (revisionDates.length > 0) {
          await trx
            .insertInto('plan_revision_date')
            .values(revisionDates.map((date) => ({ plan_id: planId, date })))
            .execute();
        }
        await refreshPlanAttention(trx, input.patientId);
        await appendAudit(
          trx,
          ctx.actor(),
          { action: loaded ? 'plan.update' : 'plan.create', entity: 'individual_plan', entityId: planId, patientId: input.patientId },
          now,
        );
        return { planId };
      });
    },

    saveParticipant({ patientId, participant: p }: ParticipantInput) {
      return mutate(patientId, 'plan.participant.save', async (trx, { row, plan }, now) => {
        const values = { name: p.name, role: p.role, organisation: p.organisation, updated_at: now.toISOString() };
        let participantId: number;
        if (p.id !== undefined) {
          if (!plan.participants.some((x) => x.id === p.id)) notFound('Fant ikke deltakeren i planen');
          await claimRowVersion(trx, 'plan_participant', p.id, p.version, ctx.actor(), PLAN_PARTICIPANT_RECORD, values);
          await trx.updateTable('plan_participant').set(values).where('id', '=', p.id).execute();
          participantId = p.id;
        } else {
          participantId = (
            await trx
              .insertInto('plan_participant')
              .values({ ...values, plan_id: row.id })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
        }
        return { entity: 'plan_participant', entityId: participantId, value: { id: participantId } };
      });
    },

    removeParticipant({ patientId, id }: { patientId: number; id: number }) {
      return mutate(patientId, 'plan.participant.remove', async (trx, { plan }) => {
        if (!plan.participants.some((x) => x.id === id)) notFound('Fant ikke deltakeren i planen');
        await trx.deleteFrom('plan_participant').where('id', '=', id).execute();
        return { entity: 'plan_participant', entityId: id, value: { ok: true as const } };
      });
    },

    saveConsent(input: ConsentInput) {
      return mutate(input.patientId, 'plan.consent.save', async (trx, { row, plan }) => {
        const day = today();
        const consent: IndividualPlan['consent'] = { coversParticipantIds: [...new Set(input.coversParticipantIds)] };
        if (input.givenAt !== null) consent.givenAt = input.givenAt;
        if (input.givenBy !== '') consent.givenBy = input.givenBy;
        if (input.withdrawnAt !== null) consent.withdrawnAt = input.withdrawnAt;
        const issues = pick(validatePlan({ ...plan, consent }), 'consent.', (rest) => rest);
        if (input.givenAt !== null && input.givenAt > day && !issues.some((i) => i.path === 'givenAt')) issues.push({ path: 'givenAt', message: FUTURE });
        if (input.withdrawnAt !== null && input.withdrawnAt > day && !issues.some((i) => i.path === 'withdrawnAt')) {
          issues.push({ path: 'withdrawnAt', message: FUTURE });
        }
        if (input.givenAt !== null && input.givenBy === '') issues.push({ path: 'givenBy', message: 'Skriv hvem som ga samtykket' });
        if (issues.length > 0) refuse(issues);
        const consentSent = {
          consent_given_at: input.givenAt,
          consent_given_by: input.givenBy,
          consent_withdrawn_at: input.withdrawnAt,
          consent_covers: listText(consent.coversParticipantIds),
        };
        await claimPlan(trx, row.id, input.version, ctx.actor(), consentSent, { consent_covers: listText(plan.consent.coversParticipantIds) });
        await trx
          .updateTable('individual_plan')
          .set({ consent_given_at: input.givenAt, consent_given_by: input.givenBy, consent_withdrawn_at: input.withdrawnAt })
          .where('id', '=', row.id)
          .execute();
        await trx.updateTable('plan_participant').set({ consent_covered: 0 }).where('plan_id', '=', row.id).execute();
        if (consent.coversParticipantIds.length > 0) {
          await trx
            .updateTable('plan_participant')
            .set({ consent_covered: 1 })
            .where('plan_id', '=', row.id)
            .where('id', 'in', consent.coversParticipantIds)
            .execute();
        }
        return { entity: 'individual_plan', entityId: row.id, value: { ok: true as const } };
      });
    },

    saveGoal({ patientId, goal }: GoalInput) {
      return mutate(patientId, 'plan.goal.save', async (trx, { row, plan }, now) => {
        let goalId: number;
        if (goal.id !== undefined) {
          if (!plan.goals.some((g) => g.id === goal.id)) notFound('Fant ikke målet i planen');
          await claimRowVersion(trx, 'plan_goal', goal.id, goal.version, ctx.actor(), PLAN_GOAL_RECORD, { text: goal.text, target_date: goal.targetDate });
          await trx
            .updateTable('plan_goal')
            .set({ text: goal.text, target_date: goal.targetDate, updated_at: now.toISOString() })
            .where('id', '=', goal.id)
            .execute();
          goalId = goal.id;
        } else {
          goalId = (
            await trx
              .insertInto('plan_goal')
              .values({ plan_id: row.id, text: goal.text, target_date: goal.targetDate, created_at: now.toISOString() })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
        }
        return { entity: 'plan_goal', entityId: goalId, value: { id: goalId } };
      });
    },

    removeGoal({ patientId, id }: { patientId: number; id: number }) {
      return mutate(patientId, 'plan.goal.remove', async (trx, { plan }) => {
        if (!plan.goals.some((g) => g.id === id)) notFound('Fant ikke målet i planen');
        await trx.deleteFrom('plan_goal').where('id', '=', id).execute(); // linked measures keep going, unlinked
        return { entity: 'plan_goal', entityId: id, value: { ok: true as const } };
      });
    },

    saveItem({ patientId, kind, item }: ItemInput) {
      const table = kind === 'resource' ? 'plan_resource' : 'plan_need';
      return mutate(patientId, `plan.${kind}.save`, async (trx, { row, plan }, now) => {
        let itemId: number;
        if (item.id !== undefined) {
          const list = kind === 'resource' ? plan.resources : plan.needs;
          if (!list.some((x) => x.id === item.id)) notFound('Fant ikke punktet i planen');
          await claimRowVersion(trx, table, item.id, item.version, ctx.actor(), PLAN_ITEM_RECORD(kind), { text: item.text });
          await trx.updateTable(table).set({ text: item.text, updated_at: now.toISOString() }).where('id', '=', item.id).execute();
          itemId = item.id;
        } else {
          itemId = (await trx.insertInto(table).values({ plan_id: row.id, text: item.text }).returning('id').executeTakeFirstOrThrow()).id;
        }
        return { entity: table, entityId: itemId, value: { id: itemId } };
      });
    },

    removeItem({ patientId, kind, id }: { patientId: number; kind: ItemInput['kind']; id: number }) {
      const table = kind === 'resource' ? 'plan_resource' : 'plan_need';
      return mutate(patientId, `plan.${kind}.remove`, async (trx, { plan }) => {
        const list = kind === 'resource' ? plan.resources : plan.needs;
        if (!list.some((x) => x.id === id)) notFound('Fant ikke punktet i planen');
        await trx.deleteFrom(table).where('id', '=', id).execute();
        return { entity: table, entityId: id, value: { ok: true as const } };
      });
    },

    saveMeasure({ patientId, measure: m }: MeasureInput) {
      return mutate(patientId, 'plan.measure.save', async (trx, { row, plan }, now) => {
        const existing = m.id !== undefined ? plan.measures.find((x) => x.id === m.id) : undefined;
        if (m.id !== undefined && !existing) notFound('Fant ikke tiltaket i planen');
        const candidate: PlanMeasure = {
          ...(existing ?? { status: 'planned', progressNotes: [] }),
          id: m.id ?? 0,
          what: m.what,
          scope: m.scope,
          howCarriedOut: m.howCarriedOut,
          responsible: m.responsible,
        };
        delete candidate.startDate;
        delete candidate.dueDate;
        delete candidate.goalId;
        if (m.startDate !== null) candidate.startDate = m.startDate;
        if (m.dueDate !== null) candidate.dueDate = m.dueDate;
        if (m.goalId !== null) candidate.goalId = m.goalId;
        const index = existing ? plan.measures.indexOf(existing) : plan.measures.length;
        const measures = [...plan.measures];
        measures[index] = candidate;
        const issues = pick(validatePlan({ ...plan, measures }), `measures.${index}.`, (rest) =>
          rest.startsWith('progressNotes') || rest === 'id' ? null : `measure.${rest}`,
        );
        if (issues.length > 0) refuse(issues);
        const values = {
          what: m.what,
          scope: m.scope,
          how: m.howCarriedOut,
          responsible: m.responsible,
          start_date: m.startDate,
          due_date: m.dueDate,
          goal_id: m.goalId,
          updated_at: now.toISOString(),
        };
        let measureId: number;
        if (m.id !== undefined) {
          await claimRowVersion(trx, 'plan_measure', m.id, m.version, ctx.actor(), MEASURE_RECORD, values);
          await trx.updateTable('plan_measure').set(values).where('id', '=', m.id).execute();
          measureId = m.id;
        } else {
          measureId = (
            await trx
              .insertInto('plan_measure')
              .values({ ...values, plan_id: row.id, status: 'planned', origin_meeting_id: null, origin_action_item_id: null, created_at: now.toISOString() })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
        }
        return { entity: 'plan_measure', entityId: measureId, value: { id: measureId } };
      });
    },

    removeMeasure({ patientId, id }: { patientId: number; id: number }) {
      return mutate(patientId, 'plan.measure.remove', async (trx, { plan }) => {
        if (!plan.measures.some((x) => x.id === id)) notFound('Fant ikke tiltaket i planen');
        // An action item that became this measure no longer points at it.
        await trx.updateTable('meeting_action_item').set({ plan_measure_id: null }).where('plan_measure_id', '=', id).execute();
        await trx.deleteFrom('plan_measure').where('id', '=', id).execute();
        return { entity: 'plan_measure', entityId: id, value: { ok: true as const } };
      });
    },

    changeMeasureStatus({ patientId, measureId, status }: { patientId: number; measureId: number; status: MeasureStatus }) {
      return mutate(patientId, 'plan.measure.status', async (trx, { plan }, now) => {
        const measure = plan.measures.find((x) => x.id === measureId);
        if (!measure) notFound('Fant ikke tiltaket i planen');
        const check = canTransition(measure.status, status);
        if (!check.ok) throw new AppError('conflict', check.reason, [{ path: 'status', message: check.reason }]);
        await trx.updateTable('plan_measure').set({ status, updated_at: now.toISOString() }).where('id', '=', measureId).execute();
        return { entity: 'plan_measure', entityId: measureId, value: { ok: true as const } };
      });
    },

    addProgressNote({ patientId, measureId, date, text }: { patientId: number; measureId: number; date: string; text: string }) {
      return mutate(patientId, 'plan.measure.note', async (trx, { plan }, now) => {
        if (!plan.measures.some((x) => x.id === measureId)) notFound('Fant ikke tiltaket i planen');
        const check = checkProgressNote({ date, text }, today());
        if (!check.ok) refuse([{ path: check.reason.includes('tomt') ? 'text' : 'date', message: check.reason }]);
        const inserted = await trx
          .insertInto('plan_progress_note')
          .values({ measure_id: measureId, date, text, created_at: now.toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { entity: 'plan_progress_note', entityId: inserted.id, value: { ok: true as const } };
      });
    },

    /** An action item from a meeting's minutes becomes a measure in the patient's plan, linked both ways. */
    async measureFromAction({ actionItemId }: { actionItemId: number }): Promise<{ id: number; patientId: number }> {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const item = await trx
          .selectFrom('meeting_action_item')
          .innerJoin('meeting', 'meeting.id', 'meeting_action_item.meeting_id')
          .select([
            'meeting_action_item.id',
            'meeting_action_item.meeting_id',
            'meeting_action_item.text',
            'meeting_action_item.owner',
            'meeting_action_item.due_date',
            'meeting_action_item.plan_measure_id',
            'meeting.patient_id',
          ])
          .where('meeting_action_item.id', '=', actionItemId)
          .executeTakeFirst();
        if (!item) notFound('Fant ikke oppfølgingspunktet');
        if (item.plan_measure_id !== null) {
          throw new AppError('conflict', 'Oppfølgingspunktet er allerede gjort til et tiltak i den individuelle planen');
        }
        const loaded = await loadPlan(trx, item.patient_id);
        if (!loaded) throw new AppError('conflict', 'Pasienten har ingen individuell plan ennå. Opprett planen under fanen «Individuell plan» først.');
        if (item.text.trim() === '') throw new AppError('invalid_input', 'Oppfølgingspunktet har ingen tekst');
        if (item.owner.trim() === '') {
          throw new AppError('invalid_input', 'Oppfølgingspunktet har ingen ansvarlig. Et tiltak i planen må ha en ansvarlig.');
        }
        const inserted = await trx
          .insertInto('plan_measure')
          .values({
            plan_id: loaded.row.id,
            goal_id: null,
            what: item.text.trim(),
            scope: '',
            how: '',
            responsible: item.owner.trim(),
            start_date: null,
            due_date: item.due_date,
            status: 'planned',
            origin_meeting_id: item.meeting_id,
            origin_action_item_id: item.id,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.updateTable('meeting_action_item').set({ plan_measure_id: inserted.id, updated_at: now.toISOString() }).where('id', '=', item.id).execute();
        await trx.updateTable('individual_plan').set({ updated_at: now.toISOString() }).where('id', '=', loaded.row.id).execute();
        await refreshPlanAttention(trx, item.patient_id);
        await appendAudit(
          trx,
          ctx.actor(),
          { action: 'plan.measure.fromAction', entity: 'plan_measure', entityId: inserted.id, patientId: item.patient_id },
          now,
        );
        return { id: inserted.id, patientId: item.patient_id };
      });
    },
  };
}
