import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { AppError, type FieldIssue } from '../../../shared/contract/envelope';
import type {
  consentInputSchema,
  goalInputSchema,
  itemInputSchema,
  measureInputSchema,
  participantInputSchema,
  planListQuerySchema,
  PlanListRow,
  planOverviewInputSchema,
  PlanViewDto,
  revisionInputSchema,
} from '../../../shared/contract/plans';
import {
  canPrintForOthers,
  canTransition,
  checkProgressNote,
  consentState,
  nextRevision,
  overdueMeasures,
  validatePlan,
  type IndividualPlan,
  type MeasureStatus,
  type PlanErrors,
  type PlanMeasure,
} from '../../../shared/domain/individual-plan';
import { maskNationalId } from '../../../shared/domain/national-id';
import { osloDate } from '../../../shared/domain/oslo-date';
import { planAttentionDate } from '../../../shared/domain/plan-attention';
import { diffPlans, snapshot, validateRevision, type GoalEvaluation, type PlanVersion } from '../../../shared/domain/plan-revision';
import { appendAudit } from '../audit';
import { auditRead } from '../audit-read';
import type { Database } from '../db/schema';
import type { ServiceContext } from './context';
import { buildPlanDocument } from './plans-print';
import { loadPlan, refreshPlanAttention, type LoadedPlan } from './plans-store';

type OverviewInput = z.output<typeof planOverviewInputSchema>;
type ParticipantInput = z.output<typeof participantInputSchema>;
type ConsentInput = z.output<typeof consentInputSchema>;
type GoalInput = z.output<typeof goalInputSchema>;
type ItemInput = z.output<typeof itemInputSchema>;
type MeasureInput = z.output<typeof measureInputSchema>;
type RevisionInput = z.output<typeof revisionInputSchema>;
type PlanListQuery = z.output<typeof planListQuerySchema>;
type Trx = Transaction<Database>;

const INVALID = 'Noen felter er ikke fylt ut riktig';
const NO_PLAN = 'Pasienten har ingen individuell plan';
const FUTURE = 'Datoen kan ikke være fram i tid';

function refuse(issues: FieldIssue[]): never {
  throw new AppError('invalid_input', issues.length === 1 ? issues[0]!.message : INVALID, issues);
}

/** Domain errors under `prefix` as field issues, renamed with `rename` (null drops the error). */
function pick(errors: PlanErrors, prefix: string, rename: (rest: string) => string | null): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [key, message] of Object.entries(errors)) {
    if (!key.startsWith(prefix)) continue;
    const path = rename(key.slice(prefix.length));
    if (path !== null) issues.push({ path, message });
  }
  return issues;
}

function notFound(what: string): never {
  throw new AppError('not_found', what);
}

export function createPlansService(ctx: ServiceContext) {
  const today = () => osloDate(ctx.clock());

  /**
   * One plan write: in one transaction, load the plan, change it, keep the worklist flag
   * (patient.plan_attention_date) and the plan's updated_at current, and audit (ids only).
   */
  async function mutate<T>(
    patientId: number,
    action: string,
    fn: (trx: Trx, loaded: LoadedPlan, now: Date) => Promise<{ entity: string; entityId: number; value: T }>,
  ): Promise<T> {
    const now = ctx.clock();
    return ctx.db.transaction().execute(async (trx) => {
      const loaded = await loadPlan(trx, patientId);
      if (!loaded) notFound(NO_PLAN);
      const { entity, entityId, value } = await fn(trx, loaded, now);
      await trx.updateTable('individual_plan').set({ updated_at: now.toISOString() }).where('id', '=', loaded.row.id).execute();
      await refreshPlanAttention(trx, patientId);
      await appendAudit(trx, ctx.actor(), { action, entity, entityId, patientId }, now);
      return value;
    });
  }

  async function versions(planId: number) {
    const rows = await ctx.db
      .selectFrom('plan_version')
      .select(['version_no', 'held_on', 'taken_at'])
      .where('plan_id', '=', planId)
      .orderBy('version_no', 'desc')
      .execute();
    return rows.map((r) => ({ versionNo: r.version_no, heldOn: r.held_on, takenAt: r.taken_at }));
  }

  async function measureOrigins(plan: IndividualPlan): Promise<PlanViewDto['measureOrigins']> {
    const withOrigin = plan.measures.filter((m) => m.origin !== undefined);
    if (withOrigin.length === 0) return [];
    const meetings = await ctx.db
      .selectFrom('meeting')
      .select(['id', 'start_at'])
      .where('id', 'in', withOrigin.map((m) => m.origin!.meetingId))
      .execute();
    return withOrigin.map((m) => ({
      measureId: m.id,
      meetingId: m.origin!.meetingId,
      meetingStartAt: meetings.find((x) => x.id === m.origin!.meetingId)?.start_at ?? null,
    }));
  }

  function view(loaded: LoadedPlan, day: string, versionList: PlanViewDto['versions'], origins: PlanViewDto['measureOrigins']): PlanViewDto {
    const { plan, row } = loaded;
    const print = canPrintForOthers(plan, day);
    const outlook = nextRevision(plan, day, row.last_revision_on ?? undefined);
    return {
      plan,
      consentState: consentState(plan, day),
      print: print.ok ? { ok: true, reason: null } : { ok: false, reason: print.reason },
      revision: { next: outlook.next, overdue: outlook.overdue, lastRevisionOn: row.last_revision_on },
      overdueMeasureIds: overdueMeasures(plan, day).map((m) => m.id),
      attentionDate: planAttentionDate(plan, row.last_revision_on),
      versions: versionList,
      measureOrigins: origins,
    };
  }

  async function readVersion(planId: number, versionNo: number): Promise<{ heldOn: string; takenAt: string; version: PlanVersion }> {
    const row = await ctx.db
      .selectFrom('plan_version')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('version_no', '=', versionNo)
      .executeTakeFirst();
    if (!row) notFound('Fant ikke denne versjonen av planen');
    const stored = JSON.parse(row.snapshot) as { plan: IndividualPlan; evaluations: GoalEvaluation[] };
    return { heldOn: row.held_on, takenAt: row.taken_at, version: { versionNo: row.version_no, takenAt: row.taken_at, plan: stored.plan, evaluations: stored.evaluations } };
  }

  async function requirePlanForRead(patientId: number): Promise<LoadedPlan> {
    const loaded = await loadPlan(ctx.db, patientId);
    if (!loaded) notFound(NO_PLAN);
    return loaded;
  }

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
        const issues = [
          ...pick(errors, 'period.', (rest) => `period.${rest}`),
          ...pick(errors, 'revisionDates.', (rest) => `revisionDates.${rest}`),
        ];
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
          await trx.insertInto('plan_revision_date').values(revisionDates.map((date) => ({ plan_id: planId, date }))).execute();
        }
        await refreshPlanAttention(trx, input.patientId);
        await appendAudit(trx, ctx.actor(), { action: loaded ? 'plan.update' : 'plan.create', entity: 'individual_plan', entityId: planId, patientId: input.patientId }, now);
        return { planId };
      });
    },

    saveParticipant({ patientId, participant: p }: ParticipantInput) {
      return mutate(patientId, 'plan.participant.save', async (trx, { row, plan }) => {
        const values = { name: p.name, role: p.role, organisation: p.organisation };
        let participantId: number;
        if (p.id !== undefined) {
          if (!plan.participants.some((x) => x.id === p.id)) notFound('Fant ikke deltakeren i planen');
          await trx.updateTable('plan_participant').set(values).where('id', '=', p.id).execute();
          participantId = p.id;
        } else {
          participantId = (await trx.insertInto('plan_participant').values({ ...values, plan_id: row.id }).returning('id').executeTakeFirstOrThrow()).id;
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
          await trx.updateTable('plan_goal').set({ text: goal.text, target_date: goal.targetDate }).where('id', '=', goal.id).execute();
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
      return mutate(patientId, `plan.${kind}.save`, async (trx, { row, plan }) => {
        let itemId: number;
        if (item.id !== undefined) {
          const list = kind === 'resource' ? plan.resources : plan.needs;
          if (!list.some((x) => x.id === item.id)) notFound('Fant ikke punktet i planen');
          await trx.updateTable(table).set({ text: item.text }).where('id', '=', item.id).execute();
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
        const issues = pick(validatePlan({ ...plan, measures }), `measures.${index}.`, (rest) => (rest.startsWith('progressNotes') || rest === 'id' ? null : `measure.${rest}`));
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

    /**
     * Holds a revision: every goal evaluated, optionally the next revision date added, then the whole plan
     * kept as the next version (immutable) and the revision dates up to the day counted as held.
     */
    finishRevision(input: RevisionInput) {
      return mutate(input.patientId, 'plan.revision', async (trx, { row, plan }, now) => {
        const issues: FieldIssue[] = [];
        if (input.heldOn > today()) issues.push({ path: 'heldOn', message: FUTURE });
        if (row.last_revision_on !== null && input.heldOn < row.last_revision_on) {
          issues.push({ path: 'heldOn', message: 'Revisjonen kan ikke være før forrige revisjon' });
        }
        const revisionDates = [...plan.revisionDates];
        if (input.nextRevisionDate !== null) {
          if (input.nextRevisionDate <= input.heldOn) {
            issues.push({ path: 'nextRevisionDate', message: 'Neste revisjon må være etter denne revisjonen' });
          } else if (!revisionDates.includes(input.nextRevisionDate)) {
            revisionDates.push(input.nextRevisionDate);
            const message = validatePlan({ ...plan, revisionDates })[`revisionDates.${revisionDates.length - 1}`];
            if (message !== undefined) issues.push({ path: 'nextRevisionDate', message });
          }
        }
        const evaluations: GoalEvaluation[] = input.evaluations.map((e) => ({ goalId: e.goalId, result: e.result, note: e.note }));
        for (const [key, message] of Object.entries(validateRevision(plan, evaluations))) issues.push({ path: key, message });
        if (issues.length > 0) refuse(issues);

        if (input.nextRevisionDate !== null && !plan.revisionDates.includes(input.nextRevisionDate)) {
          await trx.insertInto('plan_revision_date').values({ plan_id: row.id, date: input.nextRevisionDate }).execute();
        }
        const last = await trx
          .selectFrom('plan_version')
          .select((eb) => eb.fn.max('version_no').as('n'))
          .where('plan_id', '=', row.id)
          .executeTakeFirst();
        const versionNo = Number(last?.n ?? 0) + 1;
        const kept = snapshot({ ...plan, revisionDates: [...new Set(revisionDates)].sort() }, { versionNo, takenAt: now.toISOString(), evaluations });
        const inserted = await trx
          .insertInto('plan_version')
          .values({
            plan_id: row.id,
            version_no: versionNo,
            held_on: input.heldOn,
            taken_at: now.toISOString(),
            snapshot: JSON.stringify({ plan: kept.plan, evaluations: kept.evaluations }),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.updateTable('individual_plan').set({ last_revision_on: input.heldOn }).where('id', '=', row.id).execute();
        return { entity: 'plan_version', entityId: inserted.id, value: { versionNo } };
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
        await appendAudit(trx, ctx.actor(), { action: 'plan.measure.fromAction', entity: 'plan_measure', entityId: inserted.id, patientId: item.patient_id }, now);
        return { id: inserted.id, patientId: item.patient_id };
      });
    },

    async getVersion({ patientId, versionNo }: { patientId: number; versionNo: number }) {
      const loaded = await requirePlanForRead(patientId);
      const { heldOn, takenAt, version } = await readVersion(loaded.row.id, versionNo);
      await auditRead(ctx.db, ctx.actor(), 'plans.getVersion', { entityId: loaded.row.id, patientId }, ctx.clock());
      return {
        versionNo,
        heldOn,
        takenAt,
        plan: version.plan as IndividualPlan,
        evaluations: version.evaluations as GoalEvaluation[],
        changes: diffPlans(version.plan, loaded.plan),
      };
    },

    /** The document exactly as it will be printed. Printing for others needs consent in force today. */
    async getPrint({ patientId, versionNo }: { patientId: number; versionNo?: number | undefined }) {
      const loaded = await requirePlanForRead(patientId);
      const allowed = canPrintForOthers(loaded.plan, today());
      if (!allowed.ok) throw new AppError('conflict', allowed.reason);
      const version = versionNo !== undefined ? await readVersion(loaded.row.id, versionNo) : null;
      const [patient, profile] = await Promise.all([
        ctx.db.selectFrom('patient').select(['name', 'birth_date']).where('id', '=', patientId).executeTakeFirstOrThrow(),
        ctx.db.selectFrom('profile').selectAll().where('id', '=', 1).executeTakeFirst(),
      ]);
      const printedAt = ctx.clock();
      const html = buildPlanDocument({
        plan: version ? version.version.plan : loaded.plan,
        patient: { name: patient.name, birthDate: patient.birth_date },
        letterhead: {
          unitName: profile?.unit_name ?? '',
          unitAddress: profile?.unit_address ?? '',
          unitPhone: profile?.unit_phone ?? '',
          coordinatorName: profile?.coordinator_name ?? '',
        },
        printedAt,
        ...(version ? { version: { versionNo: version.version.versionNo, heldOn: version.heldOn, evaluations: version.version.evaluations } } : {}),
      });
      await auditRead(ctx.db, ctx.actor(), 'plans.getPrint', { entityId: loaded.row.id, patientId }, printedAt);
      return { html };
    },

    /**
     * The "Planer" list: patients whose plan needs attention (a revision not yet held, or a measure due)
     * up to the horizon, earliest first. Reads patient.plan_attention_date on its index, then details for
     * the page only.
     */
    async list(q: PlanListQuery): Promise<{ rows: PlanListRow[]; total: number }> {
      const day = today();
      const cutoff = q.horizonDays === null ? null : addDays(day, q.horizonDays);
      const [patients, count] = await Promise.all([
        planListPageQuery(ctx.db, cutoff, q.limit, q.offset).execute(),
        planListBase(ctx.db, cutoff).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      const ids = patients.map((p) => p.id);
      const details = ids.length === 0 ? [] : await planListDetails(ctx, ids, day);
      return {
        total: Number(count.n),
        rows: patients.map((p) => {
          const d = details.find((x) => x.patientId === p.id);
          return {
            patientId: p.id,
            name: p.name,
            nationalIdMasked: maskNationalId(p.national_id),
            synthetic: p.synthetic === 1,
            attentionDate: p.plan_attention_date ?? '',
            revisionDate: d?.revisionDate ?? null,
            overdueMeasures: d?.overdueMeasures ?? 0,
            firstOverdueDue: d?.firstOverdueDue ?? null,
            nextMeasureDue: d?.nextMeasureDue ?? null,
          };
        }),
      };
    },
  };
}
export type PlansService = ReturnType<typeof createPlansService>;

function planListBase(db: Kysely<Database>, cutoff: string | null) {
  let query = db.selectFrom('patient').where('plan_attention_date', 'is not', null);
  if (cutoff !== null) query = query.where('plan_attention_date', '<=', cutoff);
  return query;
}

/** One page of the "Planer" list, on the partial index patient_plan_attention (asserted in a test). */
export function planListPageQuery(db: Kysely<Database>, cutoff: string | null, limit: number, offset: number) {
  return planListBase(db, cutoff)
    .select(['id', 'name', 'national_id', 'synthetic', 'plan_attention_date'])
    .orderBy('plan_attention_date')
    .orderBy('id')
    .limit(limit)
    .offset(offset);
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Revision and measure details for one page of the "Planer" list (ids bounded by the page size). */
export async function planListDetails(ctx: Pick<ServiceContext, 'db'>, patientIds: number[], day: string) {
  const plans = await ctx.db
    .selectFrom('individual_plan')
    .select(['id', 'patient_id', 'last_revision_on'])
    .where('patient_id', 'in', patientIds)
    .execute();
  const planIds = plans.map((p) => p.id);
  if (planIds.length === 0) return [];
  const [revisions, measures] = await Promise.all([
    ctx.db
      .selectFrom('plan_revision_date as rd')
      .innerJoin('individual_plan as p', 'p.id', 'rd.plan_id')
      .select(['rd.plan_id', (eb) => eb.fn.min('rd.date').as('first')])
      .where('rd.plan_id', 'in', planIds)
      .where((eb) => eb.or([eb('p.last_revision_on', 'is', null), eb('rd.date', '>', eb.ref('p.last_revision_on'))]))
      .groupBy('rd.plan_id')
      .execute(),
    ctx.db
      .selectFrom('plan_measure')
      .select([
        'plan_id',
        (eb) => eb.fn.min('due_date').as('first_due'),
        (eb) => eb.fn.sum<number>(eb.case().when('due_date', '<', day).then(1).else(0).end()).as('overdue'),
        (eb) => eb.fn.min(eb.case().when('due_date', '<', day).then(eb.ref('due_date')).end()).as('first_overdue'),
      ])
      .where('plan_id', 'in', planIds)
      .where('status', 'in', ['planned', 'ongoing'])
      .where('due_date', 'is not', null)
      .groupBy('plan_id')
      .execute(),
  ]);
  return plans.map((p) => {
    const r = revisions.find((x) => x.plan_id === p.id);
    const m = measures.find((x) => x.plan_id === p.id);
    return {
      patientId: p.patient_id,
      revisionDate: (r?.first as string | null | undefined) ?? null,
      overdueMeasures: Number(m?.overdue ?? 0),
      firstOverdueDue: (m?.first_overdue as string | null | undefined) ?? null,
      nextMeasureDue: (m?.first_due as string | null | undefined) ?? null,
    };
  });
}
