import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { exported, method, printed, query } from './method';
import { PATHWAY_TYPE_IDS, SETTING_IDS } from '../domain/pathway-types';

const INDICATORS = ['assessed_in_time', 'decision_in_time', 'care_started_in_time', 'first_evaluation_in_time'] as const;

/** A tertial of a year (T1 January–April, T2 May–August, T3 September–December). */
export const tertialInputSchema = lazySchema(() =>
  z.object({
    year: z
      .number({ error: 'Velg år' })
      .int({ message: 'Velg år' })
      .min(2019, { message: 'Rapporten finnes fra 2019, da pakkeforløpene startet' })
      .max(2100, { message: 'Velg et år før 2100' }),
    tertial: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'Velg tertial' }),
  }),
);

const measure = lazySchema(() =>
  z.object({
    id: z.enum(INDICATORS),
    met: z.number(),
    missed: z.number(),
    pending: z.number(),
    share: z.number().nullable(),
    national: z.string().nullable(),
  }),
);

export const tertialReportSchema = lazySchema(() =>
  z.object({
    year: z.number(),
    tertial: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    from: z.string(),
    to: z.string(),
    label: z.string(),
    indicatorLabels: z.record(z.enum(INDICATORS), z.string()),
    groups: z.array(z.object({ pathwayType: z.enum(PATHWAY_TYPE_IDS), setting: z.enum(SETTING_IDS), received: z.number(), measures: z.array(measure) })),
    totals: z.object({ received: z.number(), measures: z.array(measure) }),
    breaches: z.array(
      z.object({ reasonCode: z.string(), label: z.string(), pathwayType: z.enum(PATHWAY_TYPE_IDS), setting: z.enum(SETTING_IDS), count: z.number() }),
    ),
    noShows: z.array(
      z.object({
        pathwayType: z.enum(PATHWAY_TYPE_IDS).nullable(),
        setting: z.enum(SETTING_IDS).nullable(),
        total: z.number(),
        resolved: z.number(),
        resolvedWithinPolicy: z.number(),
        escalated: z.number(),
        open: z.number(),
      }),
    ),
    /** The no-show policy the "within policy" figure is measured against, in words. */
    policy: z.string(),
  }),
);

export const reportContract = {
  /** The unit leader's report for one tertial: counts by pathway type and setting, no patient-level data. */
  'report.tertial': method(
    () => tertialInputSchema,
    () => tertialReportSchema,
    query(),
  ),
  /** The same report as a printable document (logged as printed). */
  'report.print': method(
    () => tertialInputSchema,
    () => z.object({ html: z.string() }),
    query(printed('report.print', 'report')),
  ),
  /** The same numbers as CSV (semicolon, UTF-8 with BOM; cells guarded against formula injection; logged). */
  'report.exportCsv': method(
    () => tertialInputSchema,
    () => z.object({ csv: z.string(), fileName: z.string() }),
    query(exported('report.exportCsv', 'report')),
  ),
};
