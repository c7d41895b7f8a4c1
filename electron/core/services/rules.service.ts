import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { AppError, type FieldIssue } from '../../../shared/contract/envelope';
import type { localVersionInputSchema, RuleVersionView } from '../../../shared/contract/rules';
import { todayInOslo } from '../../../shared/domain/time';
import type { PathwayTypeId } from '../../../shared/domain/pathway-types';
import { eventLabel, ruleVersionFor, type EventType } from '../../../shared/domain/rule-pack';
import { appendAudit } from '../audit';
import type { Database } from '../db/schema';
import { writeSetting } from '../settings';
import type { ServiceContext } from './context';
import { calendarOptions, COUNT_SATURDAYS_KEY, loadRuleVersions, recomputePathwayClocks, ruleTimeRow } from './pathway-clock';
import { fixed } from '../db/replan';

type LocalVersionInput = z.output<typeof localVersionInputSchema>;

/** Pairs of events a pathway time may run between (what the clock knows how to measure). */
const TIME_PAIRS: ReadonlyArray<readonly [EventType, EventType]> = [
  ['start', 'first_attendance'],
  ['first_attendance', 'clinical_decision'],
  ['clinical_decision', 'evaluation'],
  ['evaluation', 'evaluation'],
  ['detox_end', 'follow_on_treatment'],
];

export function createRulesService(ctx: ServiceContext) {
  /** Moves pathways to `versionId` (or, with null, to the version in force when each started), logging each move. */
  async function movePathways(trx: Transaction<Database>, ids: { id: number; patient_id: number }[], versionId: string | null, now: Date) {
    if (ids.length === 0) return 0;
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await trx
        .updateTable('pathway')
        .set({ rule_version_id: versionId, updated_at: now.toISOString() })
        .where(
          'id',
          'in',
          chunk.map((p) => p.id),
        )
        .execute();
    }
    await recomputePathwayClocks(trx, { pathwayIds: ids.map((p) => p.id) }, now);
    for (const p of ids) {
      await appendAudit(trx, ctx.actor(), { action: 'pathway.moveRuleVersion', entity: 'pathway', entityId: p.id, patientId: p.patient_id }, now);
    }
    return ids.length;
  }

  return {
    async list() {
      const today = todayInOslo(ctx.clock());
      const [pathways, events, outcomes, versionRows, counts] = await Promise.all([
        ctx.db.selectFrom('rule_pathway').selectAll().execute(),
        ctx.db.selectFrom('rule_event').selectAll().execute(),
        ctx.db.selectFrom('rule_outcome').select(['code', 'label']).execute(),
        ctx.db.selectFrom('rule_version').selectAll().orderBy('valid_from', 'desc').execute(),
        ctx.db
          .selectFrom('pathway')
          .select(['rule_version_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('status', '=', fixed('open'))
          .groupBy('rule_version_id')
          .execute(),
      ]);
      const versions = await loadRuleVersions(ctx.db, { includeWithdrawn: true });
      const active = await loadRuleVersions(ctx.db);
      return {
        today,
        outcomes,
        pathways: pathways.map((p) => {
          const inForce = ruleVersionFor(active, p.pathway_type as PathwayTypeId, today)?.id ?? null;
          return {
            pathwayType: p.pathway_type as PathwayTypeId,
            code: p.code,
            label: p.label,
            events: events
              .filter((e) => e.pathway_type === p.pathway_type)
              .map((e) => ({
                type: e.type as EventType,
                label: e.label,
                code: p.code && e.code_suffix ? (e.type === 'clinical_decision' ? `${p.code}C·` : `${p.code}${e.code_suffix}`) : null,
                codeConfidence: e.code_confidence as 'confirmed' | 'local' | 'unconfirmed',
                maxPerPathway: e.max_per_pathway,
              })),
            versions: versionRows
              .filter((v) => v.pathway_type === p.pathway_type)
              .map((v): RuleVersionView => {
                const domain = versions.find((x) => x.id === v.id);
                return {
                  id: v.id,
                  pathwayType: v.pathway_type as PathwayTypeId,
                  origin: v.origin,
                  validFrom: v.valid_from,
                  validTo: v.valid_to,
                  clockStart: v.clock_start,
                  source: v.source,
                  validFromConfidence: v.valid_from_confidence,
                  validFromNote: v.valid_from_note,
                  withdrawnAt: v.withdrawn_at,
                  withdrawnReason: v.withdrawn_reason,
                  inForceToday: v.id === inForce,
                  openPathways: Number(counts.find((c) => c.rule_version_id === v.id)?.n ?? 0),
                  times: (domain?.times ?? []).map((t) => ({
                    id: t.id,
                    setting: t.setting,
                    fromEvent: t.fromEvent,
                    fromLabel: eventLabel(t.fromEvent),
                    toEvent: t.toEvent,
                    toLabel: eventLabel(t.toEvent),
                    days: t.days,
                    unit: t.unit,
                    confidence: t.confidence,
                    source: t.source,
                    note: t.note,
                    variant: t.variant ?? null,
                    repeatWithinDays: t.repeatWithinDays ?? null,
                  })),
                };
              }),
          };
        }),
      };
    },

    /** A unit's own version of a pathway's times, in force for pathways starting from its valid-from date. */
    async addLocalVersion(input: LocalVersionInput) {
      const issues: FieldIssue[] = [];
      if (input.times.length === 0) issues.push({ path: 'times', message: 'Legg inn minst én forløpstid' });
      const seen = new Set<string>();
      input.times.forEach((t, i) => {
        if (!TIME_PAIRS.some(([f, to]) => f === t.fromEvent && to === t.toEvent))
          issues.push({ path: `times.${i}.toEvent`, message: 'Forløpstiden må gå mellom to hendelser klokken kan måle' });
        if (t.fromEvent === 'detox_end' && input.pathwayType !== 'tsb')
          issues.push({ path: `times.${i}.fromEvent`, message: 'Avrusning finnes bare i TSB-forløpet' });
        const key = `${t.setting}/${t.fromEvent}-${t.toEvent}/${t.variant ?? ''}`;
        if (seen.has(key)) issues.push({ path: `times.${i}.days`, message: 'Samme forløpstid er lagt inn to ganger' });
        seen.add(key);
      });
      if (issues.length > 0) throw new AppError('invalid_input', issues[0]!.message, issues);
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const n = await trx
          .selectFrom('rule_version')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('origin', '=', 'local')
          .executeTakeFirstOrThrow();
        const id = `local-${Number(n.n) + 1}-${input.pathwayType}`;
        await trx
          .insertInto('rule_version')
          .values({
            id,
            pathway_type: input.pathwayType,
            valid_from: input.validFrom,
            valid_to: null,
            clock_start: input.clockStart,
            origin: 'local',
            source: input.source,
            created_at: now.toISOString(),
            withdrawn_at: null,
            withdrawn_reason: null,
          })
          .execute();
        if (input.times.length > 0) {
          await trx
            .insertInto('rule_time')
            .values(input.times.map((t) => ruleTimeRow(id, t, 'local', input.source)))
            .execute();
        }
        await appendAudit(trx, ctx.actor(), { action: 'rules.addLocalVersion', entity: 'rule_version', entityId: null, patientId: null }, now);
        return { id };
      });
    },

    /** Withdraws a local version; pathways on it go back to the version in force when they started (each move logged). */
    async withdrawLocalVersion(input: { versionId: string; reason: string }) {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const v = await trx.selectFrom('rule_version').select(['origin', 'withdrawn_at']).where('id', '=', input.versionId).executeTakeFirst();
        if (!v) throw new AppError('not_found', 'Fant ikke regelversjonen');
        if (v.origin !== 'local') throw new AppError('invalid_input', 'Nasjonale regler kan ikke trekkes tilbake, bare lokale versjoner.');
        if (v.withdrawn_at !== null) throw new AppError('conflict', 'Versjonen er allerede trukket tilbake.');
        await trx
          .updateTable('rule_version')
          .set({ withdrawn_at: now.toISOString(), withdrawn_reason: input.reason })
          .where('id', '=', input.versionId)
          .execute();
        await appendAudit(trx, ctx.actor(), { action: 'rules.withdrawLocalVersion', entity: 'rule_version', entityId: null, patientId: null }, now);
        const on = await trx.selectFrom('pathway').select(['id', 'patient_id']).where('rule_version_id', '=', input.versionId).execute();
        return { moved: await movePathways(trx, on, null, now) };
      });
    },

    /** The coordinator's choice to move running pathways onto a version (by default they keep theirs). */
    async moveOpenPathways(input: { versionId: string }) {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const v = await trx.selectFrom('rule_version').select(['pathway_type', 'withdrawn_at']).where('id', '=', input.versionId).executeTakeFirst();
        if (!v) throw new AppError('not_found', 'Fant ikke regelversjonen');
        if (v.withdrawn_at !== null) throw new AppError('conflict', 'Versjonen er trukket tilbake.');
        const open = await trx
          .selectFrom('pathway')
          .select(['id', 'patient_id'])
          .where('status', '=', fixed('open'))
          .where('pathway_type', '=', v.pathway_type)
          .where((eb) => eb.or([eb('rule_version_id', '!=', input.versionId), eb('rule_version_id', 'is', null)]))
          .execute();
        return { moved: await movePathways(trx, open, input.versionId, now) };
      });
    },

    /**
     * Issue #13: a national version's start date (the switch date, e.g. 2024-01-01 for the assessed-start
     * rule) is data, editable while it is not confirmed. The edit is marked 'local' with the unit's source;
     * open pathways keep their version (use "move open pathways" to move them).
     */
    async setSwitchDate(input: { versionId: string; validFrom: string; source: string }) {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const v = await trx.selectFrom('rule_version').selectAll().where('id', '=', input.versionId).executeTakeFirst();
        if (!v || v.origin !== 'national' || v.withdrawn_at !== null) throw new AppError('not_found', 'Fant ikke den nasjonale versjonen');
        if (v.valid_from_confidence === 'confirmed') {
          throw new AppError('conflict', 'Startdatoen for denne versjonen er bekreftet i en kilde og kan ikke endres her.');
        }
        const earlier = await trx
          .selectFrom('rule_version')
          .select('valid_from')
          .where('pathway_type', '=', v.pathway_type)
          .where('origin', '=', 'national')
          .where('id', '!=', v.id)
          .where('valid_from', '<', v.valid_from)
          .orderBy('valid_from', 'desc')
          .executeTakeFirst();
        if (earlier && input.validFrom <= earlier.valid_from) {
          throw new AppError('invalid_input', 'Startdatoen må være etter forrige nasjonale versjon', [
            { path: 'validFrom', message: 'Startdatoen må være etter forrige nasjonale versjon' },
          ]);
        }
        await trx
          .updateTable('rule_version')
          .set({ valid_from: input.validFrom, valid_from_confidence: 'local', valid_from_note: `Startdato endret lokalt: ${input.source}` })
          .where('id', '=', v.id)
          .execute();
        await appendAudit(trx, ctx.actor(), { action: 'rules.setSwitchDate', entity: 'rule_version', entityId: null, patientId: null }, now);
        return { id: v.id };
      });
    },

    async getCalendarSettings() {
      return { countSaturdays: (await calendarOptions(ctx.db)).countSaturdays === true };
    },

    /** Changing how working days count moves legal deadlines: every pathway's clock is recomputed. */
    async saveCalendarSettings(input: { countSaturdays: boolean }) {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        await writeSetting(trx, COUNT_SATURDAYS_KEY, input.countSaturdays);
        await appendAudit(trx, ctx.actor(), { action: 'settings.calendar', entity: 'app_setting', entityId: null, patientId: null }, now);
        const recomputed = await recomputePathwayClocks(trx, { all: true }, now);
        return { countSaturdays: input.countSaturdays, recomputed };
      });
    },
  };
}
export type RulesService = ReturnType<typeof createRulesService>;
