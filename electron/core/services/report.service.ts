import { tertialReportDocument } from '../../../shared/print/tertial-report';
import { addDays, osloDateOf, todayInOslo } from '../../../shared/domain/time';
import type { PathwayTypeId, SettingId } from '../../../shared/domain/pathway-types';
import { CHANNEL_LABELS } from '../../../shared/domain/no-show-policy';
import {
  nationalFigureFor,
  share,
  tertialPeriod,
  tertialReportCsv,
  totalsOf,
  type ReportIndicatorId,
  type ReportNoShows,
  type Tertial,
  type TertialReport,
} from '../../../shared/domain/tertial-report';
import { auditRead } from '../audit-read';
import { countIf } from '../db/dialect';
import type { ServiceContext } from './context';
import { profileFacts } from './coordination-store';
import { readPolicy } from './no-show-store';
import { condition, MEASURED } from './overview.service';

interface TertialInput {
  year: number;
  tertial: Tertial;
}

/**
 * The unit leader's tertial report (issue #13 §2): Oversikt's indicators by pathway type and setting, breaches
 * of pathway times by reason, and no-shows resolved within the unit's policy. Counts only; no patient leaves.
 */
export function createReportService(ctx: ServiceContext) {
  async function build(input: TertialInput): Promise<TertialReport> {
    const period = tertialPeriod(input.year, input.tertial);
    const today = todayInOslo(ctx.clock());
    const ids = Object.keys(MEASURED) as ReportIndicatorId[];
    const selections = ids.flatMap((id) =>
      (['met', 'missed', 'pending'] as const).map((part) => countIf(condition(MEASURED[id], part, today)).as(`${id}__${part}`)),
    );
    const grouped = (await ctx.db
      .selectFrom('pathway')
      .select(['pathway.pathway_type', 'pathway.setting', (eb) => eb.fn.countAll<number>().as('received'), ...selections])
      .where('pathway.referral_received', '>=', period.from)
      .where('pathway.referral_received', '<=', period.to)
      .groupBy(['pathway.pathway_type', 'pathway.setting'])
      .orderBy('pathway.pathway_type')
      .orderBy('pathway.setting')
      .execute()) as unknown as (Record<string, number> & { pathway_type: PathwayTypeId; setting: SettingId; received: number })[];
    const groups = grouped.map((g) => ({
      pathwayType: g.pathway_type,
      setting: g.setting,
      received: Number(g.received),
      measures: ids.map((id) => {
        const met = Number(g[`${id}__met`] ?? 0);
        const missed = Number(g[`${id}__missed`] ?? 0);
        const pending = Number(g[`${id}__pending`] ?? 0);
        return { id, met, missed, pending, share: share(met, missed), national: nationalFigureFor(id, g.pathway_type, g.setting)?.figure ?? null };
      }),
    }));

    const breaches = await ctx.db
      .selectFrom('pathway_breach')
      .innerJoin('breach_reason', 'breach_reason.code', 'pathway_breach.reason_code')
      .innerJoin('pathway', 'pathway.id', 'pathway_breach.pathway_id')
      .select(['pathway_breach.reason_code', 'breach_reason.label', 'pathway.pathway_type', 'pathway.setting', (eb) => eb.fn.countAll<number>().as('n')])
      .where('pathway_breach.due_date', '>=', period.from)
      .where('pathway_breach.due_date', '<=', period.to)
      .groupBy(['pathway_breach.reason_code', 'breach_reason.label', 'breach_reason.sort', 'pathway.pathway_type', 'pathway.setting'])
      .orderBy('breach_reason.sort')
      .orderBy('pathway.pathway_type')
      .orderBy('pathway.setting')
      .execute();

    const policy = await readPolicy(ctx.db);
    // Oslo dates: fetch a day either side in UTC, then keep the cases whose Oslo date is in the tertial.
    const cases = await ctx.db
      .selectFrom('no_show_case as c')
      .leftJoin('pathway', 'pathway.id', 'c.pathway_id')
      .select((eb) => [
        'c.no_show_at',
        'c.status',
        'c.close_override_reason',
        'pathway.pathway_type',
        'pathway.setting',
        eb
          .selectFrom('contact_attempt as a')
          .select((e) => e.fn.min<string>('a.at').as('first'))
          .whereRef('a.case_id', '=', 'c.id')
          .where('a.channel', '!=', 'letter')
          .as('first_attempt'),
      ])
      .where('c.status', '!=', 'withdrawn')
      .where('c.no_show_at', '>=', addDays(period.from, -1))
      .where('c.no_show_at', '<', addDays(period.to, 2))
      .execute();
    const noShows = new Map<string, ReportNoShows>();
    for (const c of cases) {
      const day = osloDateOf(c.no_show_at);
      if (day < period.from || day > period.to) continue;
      const pathwayType = (c.pathway_type as PathwayTypeId | null) ?? null;
      const setting = pathwayType ? ((c.setting as SettingId | null) ?? null) : null;
      const key = `${pathwayType ?? '~'}/${setting ?? ''}`;
      const s = noShows.get(key) ?? { pathwayType, setting, total: 0, resolved: 0, resolvedWithinPolicy: 0, escalated: 0, open: 0 };
      s.total++;
      const resolved = c.status === 'closed' || c.status === 'escalated';
      if (resolved) s.resolved++;
      else s.open++;
      if (c.status === 'escalated') s.escalated++;
      const firstInTime = c.first_attempt !== null && osloDateOf(c.first_attempt) <= addDays(day, policy.daysToFirstContact);
      if (resolved && c.close_override_reason === null && firstInTime) s.resolvedWithinPolicy++;
      noShows.set(key, s);
    }
    const letters = [policy.letterToPatient && 'pasient', policy.letterToReferrer && 'henviser', policy.letterToMunicipalCoordinator && 'kommunal koordinator']
      .filter(Boolean)
      .join(', ');
    const policyText = `${policy.attemptsRequired} kontaktforsøk (${policy.channels.map((c) => CHANNEL_LABELS[c].toLowerCase()).join(', ')}), første innen ${policy.daysToFirstContact} dager${letters ? `, brev til ${letters}` : ''}`;
    return {
      year: input.year,
      tertial: input.tertial,
      from: period.from,
      to: period.to,
      label: period.label,
      indicatorLabels: Object.fromEntries(ids.map((id) => [id, MEASURED[id].label])) as Record<ReportIndicatorId, string>,
      groups,
      totals: totalsOf(groups, ids),
      breaches: breaches.map((b) => ({
        reasonCode: b.reason_code,
        label: b.label,
        pathwayType: b.pathway_type as PathwayTypeId,
        setting: b.setting as SettingId,
        count: Number(b.n),
      })),
      noShows: [...noShows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v),
      policy: policyText,
    };
  }

  return {
    tertial: build,

    async print(input: TertialInput) {
      const now = ctx.clock();
      const [report, profile] = await Promise.all([build(input), profileFacts(ctx.db)]);
      const html = tertialReportDocument(report, profile, now);
      await auditRead(ctx.db, ctx.actor(), 'report.print', { entityId: null, patientId: null }, now);
      return { html };
    },

    async exportCsv(input: TertialInput) {
      const now = ctx.clock();
      const report = await build(input);
      await auditRead(ctx.db, ctx.actor(), 'report.exportCsv', { entityId: null, patientId: null }, now);
      return { csv: tertialReportCsv(report), fileName: `tertialrapport-${input.year}-T${input.tertial}.csv` };
    },
  };
}
export type ReportService = ReturnType<typeof createReportService>;
