import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, IndividualPlanTable, PlanMeasureTable } from '../db/schema';
import type { IndividualPlan, PlanMeasure } from '../../../shared/domain/individual-plan';
import { planAttentionDate } from '../../../shared/domain/plan-attention';
import type { PlanViewDto } from '../../../shared/contract/plans';

type Db = Kysely<Database> | Transaction<Database>;

export interface LoadedPlan {
  row: Selectable<IndividualPlanTable>;
  plan: IndividualPlan;
  /** Each measure's row version (optimistic concurrency), by measure id. */
  measureVersions: { measureId: number; version: number }[];
  /** The row versions of the plan and its participants, goals, resources and needs (optimistic concurrency). */
  rowVersions: PlanViewDto['rowVersions'];
}

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/** Explicit row → domain mapping of a measure (its progress notes are added by the caller). */
export function toPlanMeasure(row: Selectable<PlanMeasureTable>): PlanMeasure {
  const m: PlanMeasure = {
    id: row.id,
    what: row.what,
    scope: row.scope,
    howCarriedOut: row.how,
    responsible: row.responsible,
    status: row.status,
    progressNotes: [],
  };
  if (row.start_date !== null) m.startDate = row.start_date;
  if (row.due_date !== null) m.dueDate = row.due_date;
  if (row.goal_id !== null) m.goalId = row.goal_id;
  if (row.origin_meeting_id !== null && row.origin_action_item_id !== null) {
    m.origin = { kind: 'meeting_action', meetingId: row.origin_meeting_id, actionId: row.origin_action_item_id };
  }
  return m;
}

/** The patient's whole plan as the pure domain model, or null when the patient has none. */
export async function loadPlan(db: Db, patientId: number): Promise<LoadedPlan | null> {
  const row = await db.selectFrom('individual_plan').selectAll().where('patient_id', '=', patientId).executeTakeFirst();
  if (!row) return null;
  const planId = row.id;
  const [participants, goals, resources, needs, measures, notes, revisionDates] = await Promise.all([
    db.selectFrom('plan_participant').selectAll().where('plan_id', '=', planId).orderBy('id').execute(),
    db.selectFrom('plan_goal').selectAll().where('plan_id', '=', planId).orderBy('id').execute(),
    db.selectFrom('plan_resource').selectAll().where('plan_id', '=', planId).orderBy('id').execute(),
    db.selectFrom('plan_need').selectAll().where('plan_id', '=', planId).orderBy('id').execute(),
    db.selectFrom('plan_measure').selectAll().where('plan_id', '=', planId).orderBy('id').execute(),
    db
      .selectFrom('plan_progress_note')
      .innerJoin('plan_measure', 'plan_measure.id', 'plan_progress_note.measure_id')
      .select(['plan_progress_note.measure_id', 'plan_progress_note.date', 'plan_progress_note.text'])
      .where('plan_measure.plan_id', '=', planId)
      .orderBy('plan_progress_note.date')
      .orderBy('plan_progress_note.id')
      .execute(),
    db.selectFrom('plan_revision_date').select('date').where('plan_id', '=', planId).orderBy('date').execute(),
  ]);
  const planMeasures = measures.map(toPlanMeasure);
  for (const n of notes) planMeasures.find((m) => m.id === n.measure_id)?.progressNotes.push({ date: n.date, text: n.text });

  const plan: IndividualPlan = {
    period: { from: row.period_from, to: row.period_to },
    revisionDates: revisionDates.map((r) => r.date),
    coordinator: { name: row.coordinator_name, organisation: row.coordinator_organisation },
    participants: participants.map((p) => ({ id: p.id, name: p.name, role: p.role, organisation: p.organisation })),
    consent: {
      givenAt: opt(row.consent_given_at),
      givenBy: row.consent_given_by === '' ? undefined : row.consent_given_by,
      coversParticipantIds: participants.filter((p) => p.consent_covered === 1).map((p) => p.id),
      withdrawnAt: opt(row.consent_withdrawn_at),
    },
    cooperation: row.cooperation,
    goals: goals.map((g) => (g.target_date === null ? { id: g.id, text: g.text } : { id: g.id, text: g.text, targetDate: g.target_date })),
    resources: resources.map((r) => ({ id: r.id, text: r.text })),
    needs: needs.map((n) => ({ id: n.id, text: n.text })),
    contributions: { patient: row.contribution_patient, services: row.contribution_services, relatives: row.contribution_relatives },
    measures: planMeasures,
  };
  if (row.coordinator_contact_id !== null) plan.coordinator.contactId = row.coordinator_contact_id;
  for (const k of ['givenAt', 'givenBy', 'withdrawnAt'] as const) if (plan.consent[k] === undefined) delete plan.consent[k];
  const versionsOf = (rows: { id: number; row_version: number }[]) => rows.map((r) => ({ id: r.id, version: r.row_version }));
  return {
    row,
    plan,
    measureVersions: measures.map((m) => ({ measureId: m.id, version: m.row_version })),
    rowVersions: {
      plan: row.row_version,
      participants: versionsOf(participants),
      goals: versionsOf(goals),
      resources: versionsOf(resources),
      needs: versionsOf(needs),
    },
  };
}

/**
 * Recomputes patient.plan_attention_date from the plan as it now stands. Call at the end of every plan
 * write, inside its transaction, so the worklist flag and the "Planer" list never disagree with the plan.
 */
export async function refreshPlanAttention(trx: Transaction<Database>, patientId: number): Promise<string | null> {
  const loaded = await loadPlan(trx, patientId);
  const date = loaded ? planAttentionDate(loaded.plan, loaded.row.last_revision_on) : null;
  await trx.updateTable('patient').set({ plan_attention_date: date }).where('id', '=', patientId).execute();
  return date;
}
