import type { z } from 'zod';
import { AppError } from '../../../shared/contract/envelope';
import type {
  assessSchema,
  breachReasonSchema,
  correctEventSchema,
  DeadlineView,
  EventView,
  PathwayDetail,
  recordEventSchema,
} from '../../../shared/contract/pathways';
import type { Deadline, DeadlineExplanation } from '../../../shared/domain/deadlines';
import { isUnder23AtReferral, latestCareDeadline, UNDER_23_ANCHOR_NOTE } from '../../../shared/domain/event-rules';
import { formatDate } from '../../../shared/domain/time';
import type { PathwayTypeId } from '../../../shared/domain/pathway-types';
import { PATHWAY_TYPES } from '../../../shared/domain/pathway-types';
import { eventCodeDetails, eventLabel, outcomeDefinition, type DecisionOutcome, type EventType, type RuleVersion } from '../../../shared/domain/rule-pack';
import { appendAudit } from '../audit';
import { auditRead } from '../audit-read';
import type { ServiceContext } from './context';
import { loadClock, loadRuleVersions, recomputePathwayClocks } from './pathway-clock';
import { correctPathwayEvent, recordPathwayEvent } from './pathway-events';
import { assessReferral } from './rights-assessment';
import { buildPatientSummary } from './patient-summary';
import { transferLinks } from './transfers.service';
import { letterheadOwnedBy } from '../people';
import { fixed } from '../db/replan';

type Db = ServiceContext['db'];

const d = formatDate;

const START_LABELS: Record<string, string> = {
  referral_received: 'Henvisning mottatt',
  referral_assessed: 'Henvisning vurdert',
};

export function startEventLabel(startEvent: string): string {
  return START_LABELS[startEvent] ?? eventLabel(startEvent as EventType);
}

export function versionLabel(v: Pick<RuleVersion, 'origin' | 'validFrom'>): string {
  return `${v.origin === 'local' ? 'Lokal versjon' : 'Nasjonal versjon'} fra ${d(v.validFrom)}`;
}

/** The explanation as one Norwegian sentence (tooltips, the side panel, print). */
export function explanationText(e: DeadlineExplanation, versionName: string | null): string {
  const unit = e.unit === 'working' ? (e.offset === 1 ? 'virkedag' : 'virkedager') : e.offset === 1 ? 'kalenderdag' : 'kalenderdager';
  const start = startEventLabel(e.startEvent).toLowerCase();
  const parts: string[] = [];
  if (e.offset !== null && e.startDate) parts.push(`${e.offset} ${unit} etter ${start} ${d(e.startDate)}.`);
  else if (e.startDate) parts.push(`Regnes fra ${start} ${d(e.startDate)}.`);
  else parts.push(`Regnes fra ${start}, som ikke er registrert ennå.`);
  parts.push(`Kilde: ${e.source}${versionName ? ` (${versionName})` : ''}.`);
  if (e.unconfirmed) parts.push('Forløpstiden er ikke bekreftet.');
  if (e.note) parts.push(`${e.note}.`.replace(/\.\.$/, '.'));
  if (e.holidaysSkipped.length > 0) parts.push(`Helligdager hoppet over: ${e.holidaysSkipped.map((h) => `${d(h.date)} ${h.name}`).join(', ')}.`);
  return parts.join(' ');
}

export function createPathwaysService(ctx: ServiceContext) {
  async function codedLists(db: Db) {
    const [breachReasons, helpNeeds, endReasons] = await Promise.all([
      db.selectFrom('breach_reason').select(['code', 'label']).orderBy('sort').execute(),
      db.selectFrom('help_need').select(['code', 'label']).orderBy('sort').execute(),
      db.selectFrom('end_reason').select(['code', 'label', 'confidence', 'source']).orderBy('sort').execute(),
    ]);
    return { breachReasons, helpNeeds, endReasons: endReasons.map((r) => ({ ...r, confidence: r.confidence as 'confirmed' | 'local' | 'unconfirmed' })) };
  }

  async function detail(db: Db, pathwayId: number): Promise<PathwayDetail> {
    const now = ctx.clock();
    const clock = await loadClock(db, pathwayId, now);
    if (!clock) throw new AppError('not_found', 'Fant ikke forløpet');
    const { row, derivation, version, facts } = clock;
    const [eventRows, breaches, helpNeeds, versions, reasons, endReasons, transfer] = await Promise.all([
      db.selectFrom('pathway_event').selectAll().where('pathway_id', '=', pathwayId).orderBy('date').orderBy('id').execute(),
      db.selectFrom('pathway_breach').selectAll().where('pathway_id', '=', pathwayId).execute(),
      db.selectFrom('help_need').select(['code', 'label']).execute(),
      loadRuleVersions(db),
      db.selectFrom('breach_reason').select(['code', 'label']).execute(),
      db.selectFrom('end_reason').select(['code', 'label']).execute(),
      transferLinks(db, row),
    ]);
    const pathwayType = row.pathway_type as PathwayTypeId;
    const ref = (v: RuleVersion, withdrawn = false) => ({
      id: v.id,
      origin: v.origin,
      validFrom: v.validFrom,
      source: v.source,
      clockStart: v.clockStart,
      validFromConfidence: v.validFromConfidence ?? 'confirmed',
      validFromNote: v.validFromNote ?? null,
      withdrawn,
      label: versionLabel(v),
    });
    // An internal transfer carries the sending team's right and deadline: no new under-23 limit counted here.
    const limit = row.intake === 'internal_transfer' ? null : latestCareDeadline(facts);
    const withdrawnIds = new Set((await db.selectFrom('rule_version').select('id').where('withdrawn_at', 'is not', null).execute()).map((r) => r.id));
    const view = (dl: Deadline): DeadlineView => {
      const breach = breaches.find((b) => b.deadline_key === dl.key);
      return {
        key: dl.key,
        kind: dl.kind,
        label: dl.label,
        due: dl.due,
        met: dl.met,
        state: dl.state,
        daysLeft: dl.daysLeft,
        patientPostponedDays: dl.patientPostponedDays,
        explanation: dl.explanation
          ? {
              ...dl.explanation,
              startEventLabel: startEventLabel(dl.explanation.startEvent),
              text: explanationText(dl.explanation, dl.explanation.ruleVersionId && version ? versionLabel(version) : null),
            }
          : null,
        breachReason: breach
          ? { code: breach.reason_code, label: reasons.find((r) => r.code === breach.reason_code)?.label ?? breach.reason_code, note: breach.note }
          : null,
      };
    };
    const events: EventView[] = eventRows.map((e) => {
      const code = eventCodeDetails(pathwayType, e.type as EventType, e.outcome as DecisionOutcome | null);
      return {
        id: e.id,
        type: e.type as EventView['type'],
        label: eventLabel(e.type as EventType),
        date: e.date,
        outcome: (e.outcome as EventView['outcome']) ?? null,
        outcomeLabel: e.outcome ? (outcomeDefinition(e.outcome as DecisionOutcome)?.label ?? null) : null,
        until: e.until,
        helpNeed: e.help_need,
        helpNeedLabel: e.help_need ? (helpNeeds.find((h) => h.code === e.help_need)?.label ?? e.help_need) : null,
        endReason: e.end_reason ?? null,
        endReasonLabel: e.end_reason ? (endReasons.find((r) => r.code === e.end_reason)?.label ?? e.end_reason) : null,
        note: e.note,
        code: code?.code ?? null,
        codeConfidence: code?.confidence ?? null,
        source: e.source,
        status: e.status,
        replacedBy: e.replaced_by,
        correctionReason: e.correction_reason,
        createdAt: e.created_at,
      };
    });
    const result = derivation.result;
    return {
      id: row.id,
      patientId: row.patient_id,
      pathwayType,
      pathwayCode: PATHWAY_TYPES.find((t) => t.id === pathwayType)?.code ?? null,
      setting: row.setting as PathwayDetail['setting'],
      status: row.status,
      referralReceived: row.referral_received,
      referralAssessed: row.referral_assessed,
      careDeadline: row.care_deadline,
      severity: (row.severity as PathwayDetail['severity']) ?? null,
      under23: isUnder23AtReferral(facts),
      ruleVersion: version ? ref(version, withdrawnIds.has(version.id)) : null,
      otherVersions: versions.filter((v) => v.pathwayType === pathwayType && v.id !== version?.id).map((v) => ref(v)),
      clockStart: result.clockStart,
      rights: { decision: row.rights_decision, careKind: row.rights_care_kind, priorityGroup: row.priority_group, patientInformedOn: row.patient_informed_on },
      intake: row.intake,
      careDeadlineLimit: limit ? { latest: limit.date, from: limit.from, note: `${UNDER_23_ANCHOR_NOTE}.` } : null,
      nextAction: view(result.nextAction),
      deadlines: result.deadlines.map(view),
      events,
      validations: result.validations,
      dataQuality: derivation.flags,
      patientPostponed: { totalDays: result.patientPostponed.totalDays, open: result.patientPostponed.periods.some((p) => p.open) },
      transfer,
      treatmentPlan: row.treatment_plan_on ? { date: row.treatment_plan_on, by: row.treatment_plan_by ?? '' } : null,
    };
  }

  async function patientOf(pathwayId: number): Promise<number> {
    const row = await ctx.db.selectFrom('pathway').select('patient_id').where('id', '=', pathwayId).executeTakeFirst();
    if (!row) throw new AppError('not_found', 'Fant ikke forløpet');
    return row.patient_id;
  }

  return {
    async getForPatient(patientId: number) {
      const patient = await ctx.db.selectFrom('patient').select('id').where('id', '=', patientId).executeTakeFirst();
      if (!patient) throw new AppError('not_found', 'Fant ikke pasienten');
      const ids = await ctx.db
        .selectFrom('pathway')
        .select('id')
        .where('patient_id', '=', patientId)
        .orderBy('referral_received', 'desc')
        .orderBy('id', 'desc')
        .execute();
      const pathways = [];
      for (const { id } of ids) pathways.push(await detail(ctx.db, id));
      await auditRead(ctx.db, ctx.actor(), 'pathways.getForPatient', { entityId: patientId, patientId }, ctx.clock());
      return { pathways, ...(await codedLists(ctx.db)) };
    },

    async getExplanation(pathwayId: number) {
      const patientId = await patientOf(pathwayId);
      const pathway = await detail(ctx.db, pathwayId);
      await auditRead(ctx.db, ctx.actor(), 'pathways.getExplanation', { entityId: pathwayId, patientId }, ctx.clock());
      return { pathway, ...(await codedLists(ctx.db)) };
    },

    async assess(input: z.output<typeof assessSchema>) {
      return assessReferral(ctx, input);
    },

    async recordEvent(input: z.output<typeof recordEventSchema>) {
      return ctx.db.transaction().execute(async (trx) => {
        const recorded = await recordPathwayEvent(trx, ctx, {
          pathwayId: input.pathwayId,
          type: input.type,
          date: input.date,
          outcome: input.outcome,
          until: input.until,
          helpNeed: input.helpNeed,
          endReason: input.endReason,
          note: input.note,
          source: 'manual',
        });
        return { eventId: recorded.id, code: eventCodeDetails(recorded.pathwayType, input.type, input.outcome)?.code ?? null };
      });
    },

    async correctEvent(input: z.output<typeof correctEventSchema>) {
      return ctx.db.transaction().execute(async (trx) => ({ eventId: await correctPathwayEvent(trx, ctx, input) }));
    },

    async recordBreachReason(input: z.output<typeof breachReasonSchema>) {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const clock = await loadClock(trx, input.pathwayId, now);
        if (!clock) throw new AppError('not_found', 'Fant ikke forløpet');
        const deadline = clock.derivation.result.deadlines.find((dl) => dl.key === input.deadlineKey);
        if (!deadline || deadline.state !== 'overdue' || !deadline.due) {
          throw new AppError('invalid_input', 'Fristen er ikke overskredet, så det trengs ingen årsak.', [
            { path: 'deadlineKey', message: 'Fristen er ikke overskredet.' },
          ]);
        }
        const reason = await trx.selectFrom('breach_reason').select('code').where('code', '=', input.reasonCode).executeTakeFirst();
        if (!reason) throw new AppError('invalid_input', 'Velg årsak fra listen', [{ path: 'reasonCode', message: 'Velg årsak fra listen' }]);
        const values = { reason_code: input.reasonCode, note: input.note, due_date: deadline.due, recorded_at: now.toISOString() };
        const row = await trx
          .insertInto('pathway_breach')
          .values({ pathway_id: input.pathwayId, deadline_key: input.deadlineKey, ...values })
          .onConflict((oc) => oc.columns(['pathway_id', 'deadline_key']).doUpdateSet(values))
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendAudit(
          trx,
          ctx.actor(),
          { action: 'pathway.breachReason', entity: 'pathway_breach', entityId: row.id, patientId: clock.row.patient_id },
          now,
        );
        return { pathwayId: input.pathwayId };
      });
    },

    async moveRuleVersion(input: { pathwayId: number; ruleVersionId: string }) {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const pathway = await trx.selectFrom('pathway').select(['patient_id', 'pathway_type']).where('id', '=', input.pathwayId).executeTakeFirst();
        if (!pathway) throw new AppError('not_found', 'Fant ikke forløpet');
        const version = await trx.selectFrom('rule_version').select(['pathway_type', 'withdrawn_at']).where('id', '=', input.ruleVersionId).executeTakeFirst();
        if (!version || version.withdrawn_at !== null || version.pathway_type !== pathway.pathway_type) {
          throw new AppError('invalid_input', 'Velg en gyldig regelversjon for dette forløpet', [
            { path: 'ruleVersionId', message: 'Velg en gyldig regelversjon for dette forløpet' },
          ]);
        }
        await trx
          .updateTable('pathway')
          .set({ rule_version_id: input.ruleVersionId, updated_at: now.toISOString() })
          .where('id', '=', input.pathwayId)
          .execute();
        await appendAudit(
          trx,
          ctx.actor(),
          { action: 'pathway.moveRuleVersion', entity: 'pathway', entityId: input.pathwayId, patientId: pathway.patient_id },
          now,
        );
        await recomputePathwayClocks(trx, { pathwayIds: [input.pathwayId] }, now);
        return { pathwayId: input.pathwayId };
      });
    },

    async getSummary(patientId: number) {
      const patient = await ctx.db.selectFrom('patient').select(['id', 'name', 'birth_date']).where('id', '=', patientId).executeTakeFirst();
      if (!patient) throw new AppError('not_found', 'Fant ikke pasienten');
      const ids = await ctx.db
        .selectFrom('pathway')
        .select(['id', 'responsible'])
        .where('patient_id', '=', patientId)
        .where('status', '=', fixed('open'))
        .orderBy('referral_received')
        .execute();
      // "Your coordinator": the responsible person of the first open pathway (the one who prints when none is named).
      const profile = await letterheadOwnedBy(ctx.db, ids[0]?.responsible);
      const pathways = [];
      for (const { id } of ids) pathways.push(await detail(ctx.db, id));
      const now = ctx.clock();
      await auditRead(ctx.db, ctx.actor(), 'pathways.getSummary', { entityId: patientId, patientId }, now);
      return {
        html: buildPatientSummary({
          patient: { name: patient.name, birthDate: patient.birth_date },
          letterhead: profile,
          pathways,
          printedAt: now,
        }),
      };
    },
  };
}
export type PathwaysService = ReturnType<typeof createPathwaysService>;
