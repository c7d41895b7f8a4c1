/** Shared internals of the plan services (content, revision, print): errors, the write helper, plan reads. */
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { AppError, type FieldIssue } from '../../../shared/contract/envelope';
import type {
  consentInputSchema,
  goalInputSchema,
  itemInputSchema,
  measureInputSchema,
  participantInputSchema,
  planListQuerySchema,
  planOverviewInputSchema,
  PlanViewDto,
  revisionInputSchema,
} from '../../../shared/contract/plans';
import { canPrintForOthers, consentState, nextRevision, overdueMeasures, type IndividualPlan, type PlanErrors } from '../../../shared/domain/individual-plan';
import { planAttentionDate } from '../../../shared/domain/plan-attention';
import { type GoalEvaluation, type PlanVersion } from '../../../shared/domain/plan-revision';
import { todayInOslo } from '../../../shared/domain/time';
import { appendAudit } from '../audit';
import type { Database } from '../db/schema';
import type { ServiceContext } from './context';
import { loadPlan, refreshPlanAttention, type LoadedPlan } from './plans-store';

export type OverviewInput = z.output<typeof planOverviewInputSchema>;
export type ParticipantInput = z.output<typeof participantInputSchema>;
export type ConsentInput = z.output<typeof consentInputSchema>;
export type GoalInput = z.output<typeof goalInputSchema>;
export type ItemInput = z.output<typeof itemInputSchema>;
export type MeasureInput = z.output<typeof measureInputSchema>;
export type RevisionInput = z.output<typeof revisionInputSchema>;
export type PlanListQuery = z.output<typeof planListQuerySchema>;
export type Trx = Transaction<Database>;

export const INVALID = 'Noen felter er ikke fylt ut riktig';
export const NO_PLAN = 'Pasienten har ingen individuell plan';
export const FUTURE = 'Datoen kan ikke være fram i tid';

export function refuse(issues: FieldIssue[]): never {
  throw new AppError('invalid_input', issues.length === 1 ? issues[0]!.message : INVALID, issues);
}

/** Domain errors under `prefix` as field issues, renamed with `rename` (null drops the error). */
export function pick(errors: PlanErrors, prefix: string, rename: (rest: string) => string | null): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [key, message] of Object.entries(errors)) {
    if (!key.startsWith(prefix)) continue;
    const path = rename(key.slice(prefix.length));
    if (path !== null) issues.push({ path, message });
  }
  return issues;
}

export function notFound(what: string): never {
  throw new AppError('not_found', what);
}

/** What every plan service shares: the one-transaction write with its audit, and the reads of a plan and its versions. */
export function createPlanCore(ctx: ServiceContext) {
  const today = () => todayInOslo(ctx.clock());

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
      .where(
        'id',
        'in',
        withOrigin.map((m) => m.origin!.meetingId),
      )
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
      measureVersions: loaded.measureVersions,
      rowVersions: loaded.rowVersions,
    };
  }

  async function readVersion(planId: number, versionNo: number): Promise<{ heldOn: string; takenAt: string; version: PlanVersion }> {
    const row = await ctx.db.selectFrom('plan_version').selectAll().where('plan_id', '=', planId).where('version_no', '=', versionNo).executeTakeFirst();
    if (!row) notFound('Fant ikke denne versjonen av planen');
    const stored = JSON.parse(row.snapshot) as { plan: IndividualPlan; evaluations: GoalEvaluation[] };
    return {
      heldOn: row.held_on,
      takenAt: row.taken_at,
      version: { versionNo: row.version_no, takenAt: row.taken_at, plan: stored.plan, evaluations: stored.evaluations },
    };
  }

  async function requirePlanForRead(patientId: number): Promise<LoadedPlan> {
    const loaded = await loadPlan(ctx.db, patientId);
    if (!loaded) notFound(NO_PLAN);
    return loaded;
  }
  return { today, mutate, versions, measureOrigins, view, readVersion, requirePlanForRead };
}
