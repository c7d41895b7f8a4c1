import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, query } from './method';
import { isoDate } from './fields';
import { PATHWAY_TYPE_IDS, SETTING_IDS } from '../domain/pathway-types';

export const INDICATOR_IDS = [
  'assessed_in_time',
  'decision_in_time',
  'care_started_in_time',
  'first_evaluation_in_time',
  'open_postponed',
  'breaches',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

const period = lazySchema(() =>
  z.object({ from: isoDate('Fra'), to: isoDate('Til') }).refine((p) => p.from <= p.to, { message: 'Til-datoen kan ikke være før fra-datoen', path: ['to'] }),
);

export const overviewContract = {
  /** The coordinator's quality indicators for referrals received in a period (DOMAIN.md §11), with national figures. */
  'overview.get': method(
    () => period,
    () =>
      z.object({
        from: z.string(),
        to: z.string(),
        indicators: z.array(
          z.object({
            id: z.enum(INDICATOR_IDS),
            label: z.string(),
            description: z.string(),
            met: z.number(),
            missed: z.number(),
            pending: z.number(),
            /** met / (met + missed), in per cent; null when there is nothing to measure. */
            share: z.number().nullable(),
            /** A national figure only beside the measure it belongs to (issue #13); null otherwise. */
            national: z.string().nullable(),
          }),
        ),
        openPostponed: z.number(),
        breaches: z.array(z.object({ reasonCode: z.string(), label: z.string(), count: z.number() })),
        breachesWithoutReason: z.number(),
      }),
    query(),
  ),
  /** The patients behind one figure. */
  'overview.listPatients': method(
    () =>
      z.object({
        from: isoDate('Fra'),
        to: isoDate('Til'),
        indicator: z.enum(INDICATOR_IDS),
        part: z.enum(['met', 'missed', 'pending', 'all', 'without_reason']).default('all'),
        reasonCode: z.string().max(40).nullable().default(null),
      }),
    () =>
      z.object({
        rows: z.array(
          z.object({
            patientId: z.number(),
            pathwayId: z.number(),
            name: z.string(),
            nationalIdMasked: z.string(),
            pathwayType: z.enum(PATHWAY_TYPE_IDS),
            setting: z.enum(SETTING_IDS),
            referralReceived: z.string(),
            due: z.string().nullable(),
            met: z.string().nullable(),
          }),
        ),
        truncated: z.boolean(),
      }),
    query(),
  ),
};
