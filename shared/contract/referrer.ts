import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, writes, query } from './method';
import { id, optionalText, requiredText, rowVersion } from './fields';
import { optionalDate, postalCode } from './coordination-fields';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
const write = writes([]);

export const referrerInputSchema = lazySchema(() =>
  z.object({
    pathwayId: id,
    organisation: requiredText('Virksomhet', 160),
    person: optionalText(120).default(''),
    address: optionalText(200).default(''),
    postalCode: postalCode.default(''),
    postalPlace: optionalText(80).default(''),
    herId: z
      .string()
      .max(12, { message: 'HER-id har inntil 9 sifre' })
      .transform((s) => s.trim())
      .refine((s) => s === '' || /^\d{1,9}$/.test(s), { message: 'HER-id har inntil 9 sifre' })
      .default(''),
    referralDate: optionalDate('Henvisningsdato').default(null),
    isGp: z.boolean().default(false),
    /** The referrer's row version the form loaded (Referrer.version); a newer one refuses the save. */
    version: rowVersion.optional(),
  }),
);

export const referrerSchema = lazySchema(() =>
  z.object({
    pathwayId: z.number(),
    organisation: z.string(),
    person: z.string(),
    address: z.string(),
    postalCode: z.string(),
    postalPlace: z.string(),
    herId: z.string(),
    referralDate: z.string().nullable(),
    isGp: z.boolean(),
    /** Window-envelope address lines. */
    addressLines: z.array(z.string()),
    /** Row version (optimistic concurrency): an edit sends it back. */
    version: z.number(),
  }),
);
export type Referrer = z.infer<typeof referrerSchema>;

export const referrerMessageSchema = lazySchema(() =>
  z.object({
    key: z.enum(['assessed', 'coordinator', 'did_not_attend', 'ended']),
    label: z.string(),
    text: z.string().nullable(),
    missing: z.string().nullable(),
  }),
);

export const referrerContract = {
  /** The pathway's referrer (null until recorded) and the prepared texts to copy into the record system's messaging. */
  'referrer.get': method(
    () => z.object({ pathwayId: id }),
    () => z.object({ referrer: referrerSchema.nullable(), messages: z.array(referrerMessageSchema) }),
    query(),
  ),
  'referrer.save': method(
    () => referrerInputSchema,
    () => referrerSchema,
    write(),
  ),
};
