import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, writes, query } from './method';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
const write = writes(['contacts']);

export const municipalitySchema = lazySchema(() => z.object({ number: z.string(), name: z.string(), county: z.string() }));

export const municipalityDatasetInfoSchema = lazySchema(() =>
  z.object({
    count: z.number(),
    classification: z.string(),
    validFrom: z.string(),
    source: z.string(),
  }),
);

export const municipalitiesContract = {
  'municipalities.list': method(
    () => z.object({}).optional(),
    () => z.object({ rows: z.array(municipalitySchema), dataset: municipalityDatasetInfoSchema }),
    query(),
  ),
  /**
   * Loads a newer dataset of the same shape as data/municipalities-2024.json (SSB classification 131).
   * Numbers no longer in the new list are kept (patients and contacts may point at them) but marked by
   * their absence from the dataset's count.
   */
  'municipalities.load': method(
    () => z.object({ json: z.string().max(2_000_000, { message: 'Filen er for stor' }) }),
    () => municipalityDatasetInfoSchema.extend({ added: z.number(), renamed: z.number() }),
    write(),
  ),
};
