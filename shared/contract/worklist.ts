import { z } from './zod-nb';
import { method } from './method';
import { PATHWAY_TYPE_IDS, SETTING_IDS } from '../domain/pathway-types';

export const worklistQuerySchema = z.object({
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  search: z.string().max(100).optional(),
  pathwayType: z.enum(PATHWAY_TYPE_IDS).optional(),
  setting: z.enum(SETTING_IDS).optional(),
});
export type WorklistQuery = z.input<typeof worklistQuerySchema>;

export const worklistRowSchema = z.object({
  pathwayId: z.number(),
  patientId: z.number(),
  name: z.string(),
  nationalIdMasked: z.string(),
  synthetic: z.boolean(),
  pathwayType: z.enum(PATHWAY_TYPE_IDS),
  setting: z.enum(SETTING_IDS),
  referralReceived: z.string(),
  daysSinceReferral: z.number(),
});
export type WorklistRow = z.infer<typeof worklistRowSchema>;

export const worklistContract = {
  'worklist.list': method(
    worklistQuerySchema,
    z.object({ rows: z.array(worklistRowSchema), total: z.number() }),
  ),
};
