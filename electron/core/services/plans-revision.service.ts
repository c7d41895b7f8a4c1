import type { Kysely } from 'kysely';
import type { FieldIssue } from '../../../shared/contract/envelope';
import type { PlanListRow } from '../../../shared/contract/plans';
import { validatePlan, type IndividualPlan } from '../../../shared/domain/individual-plan';
import { maskNationalId } from '../../../shared/domain/national-id';
import { diffPlans, snapshot, validateRevision, type GoalEvaluation } from '../../../shared/domain/plan-revision';
import { addDays } from '../../../shared/domain/time';
import { auditRead } from '../audit-read';
import type { ServiceContext } from './context';
import { claimPlan, listText } from './plans-versions';
import { FUTURE, refuse, createPlanCore, type RevisionInput, type PlanListQuery } from './plans-core';
import type { Database } from '../db/schema';

/** Revisions: finishing one (a kept version), reading a kept version, and the "Planer" list of plans due for attention. */
export function createPlanRevisionService(ctx: ServiceContext) {
  const { today, mutate, readVersion, requirePlanForRead } = createPlanCore(ctx);
  return {
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
        const sent = { last_revision_on: input.heldOn, revision_dates: listText([...new Set(revisionDates)]) };
        await claimPlan(trx, row.id, input.version, ctx.actor(), sent, { revision_dates: listText(plan.revisionDates) });

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
        planListBase(ctx.db, cutoff)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
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

export function planListBase(db: Kysely<Database>, cutoff: string | null) {
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

/** Revision and measure details for one page of the "Planer" list (ids bounded by the page size). */
export async function planListDetails(ctx: Pick<ServiceContext, 'db'>, patientIds: number[], day: string) {
  const plans = await ctx.db.selectFrom('individual_plan').select(['id', 'patient_id', 'last_revision_on']).where('patient_id', 'in', patientIds).execute();
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
