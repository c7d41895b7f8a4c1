/**
 * The referral's rights assessment (issue #13 §1). The code guide registers the pathway start "when the
 * referral is assessed and the patient is given the right to necessary care": so only 'right' records the
 * start event; 'no_right' and 'not_pathway' record the outcome, give no start and no pathway clock, and take
 * the referral off the worklist (status 'ended', closed on the assessment date).
 */
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/envelope';
import { rightsIssues } from '../../../shared/domain/rights-assessment';
import type { assessSchema } from '../../../shared/contract/pathways';
import { validateDeadlineFacts } from '../../../shared/domain/event-rules';
import { todayInOslo as osloDate } from '../../../shared/domain/time';
import { appendAudit } from '../audit';
import type { ServiceContext } from './context';
import { loadClock, recomputePathwayClocks } from './pathway-clock';
import { correctPathwayEvent, recordPathwayEvent, throwIfErrors } from './pathway-events';
import { fixed } from '../db/replan';

export type AssessInput = z.output<typeof assessSchema>;

export async function assessReferral(ctx: ServiceContext, input: AssessInput): Promise<{ pathwayId: number }> {
  const now = ctx.clock();
  const today = osloDate(now);
  return ctx.db.transaction().execute(async (trx) => {
    const clock = await loadClock(trx, input.pathwayId, now);
    if (!clock) throw new AppError('not_found', 'Fant ikke forløpet');
    const issues = rightsIssues(input, today);
    if (issues.length > 0) throw new AppError('invalid_input', issues[0]!.message, issues);
    const right = input.rightsDecision === 'right';
    const severity = right && clock.row.pathway_type === 'eating_disorder_child' ? input.severity : null;
    const facts = { ...clock.facts, referralAssessed: input.assessedOn, careDeadline: input.careDeadline, severity, rightsDecision: input.rightsDecision };
    throwIfErrors(validateDeadlineFacts(facts), (code) => (code === 'assessed_before_received' ? 'assessedOn' : 'careDeadline'));

    const events = await trx
      .selectFrom('pathway_event')
      .select(['id', 'type', 'date', 'source'])
      .where('pathway_id', '=', input.pathwayId)
      .where('status', '=', fixed('active'))
      .execute();
    const start = events.find((e) => e.type === 'start');
    if (!right) {
      // A pathway with recorded care (other than the start the assessment gave it) cannot become "no right" here.
      if (events.some((e) => !(e.type === 'start' && e.source === 'assessment'))) {
        throw new AppError('conflict', 'Forløpet har registrerte hendelser. Korriger dem før du registrerer at pasienten ikke har rett.', [
          { path: 'rightsDecision', message: 'Forløpet har registrerte hendelser.' },
        ]);
      }
      if (start) {
        await correctPathwayEvent(trx, ctx, {
          eventId: start.id,
          action: 'withdraw',
          date: null,
          outcome: null,
          until: null,
          helpNeed: null,
          reason: 'Rettighetsvurderingen er endret',
        });
      }
    } else if (clock.row.status === 'ended' && clock.row.rights_decision !== null && clock.row.rights_decision !== 'right') {
      const other = await trx
        .selectFrom('pathway')
        .select('id')
        .where('patient_id', '=', clock.row.patient_id)
        .where('pathway_type', '=', clock.row.pathway_type)
        .where('status', '=', fixed('open'))
        .where('id', '!=', input.pathwayId)
        .executeTakeFirst();
      if (other) throw new AppError('conflict', 'Pasienten har et annet åpent forløp av samme type.');
    }
    const reopen = right && clock.row.rights_decision !== null && clock.row.rights_decision !== 'right' && clock.row.status === 'ended';
    await trx
      .updateTable('pathway')
      .set({
        referral_assessed: input.assessedOn,
        care_deadline: input.careDeadline,
        severity,
        rights_decision: input.rightsDecision,
        rights_care_kind: input.careKind,
        priority_group: input.priorityGroup || null,
        patient_informed_on: input.patientInformedOn,
        ...(right ? (reopen ? { status: 'open' as const } : {}) : { status: 'ended' as const }),
        updated_at: now.toISOString(),
      })
      .where('id', '=', input.pathwayId)
      .execute();
    await appendAudit(trx, ctx.actor(), { action: 'pathway.assess', entity: 'pathway', entityId: input.pathwayId, patientId: clock.row.patient_id }, now);
    if (right) {
      // The pathway start (code …A) falls out of the assessment: dated by the rule version's clock start.
      const startDate =
        clock.version?.clockStart === 'referral_received' || clock.row.intake === 'internal_transfer' ? clock.row.referral_received : input.assessedOn;
      if (!start) {
        await recordPathwayEvent(trx, ctx, { pathwayId: input.pathwayId, type: 'start', date: startDate, source: 'assessment' });
      } else if (start.source === 'assessment' && start.date !== startDate) {
        await correctPathwayEvent(trx, ctx, {
          eventId: start.id,
          action: 'replace',
          date: startDate,
          outcome: null,
          until: null,
          helpNeed: null,
          reason: 'Vurderingsdatoen er endret',
        });
      }
    }
    await recomputePathwayClocks(trx, { pathwayIds: [input.pathwayId] }, now);
    return { pathwayId: input.pathwayId };
  });
}
