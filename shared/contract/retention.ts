import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, writes, query } from './method';
import { id } from './fields';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
// Deleting per retention can remove anything.
const write = writes('*');

const months = lazySchema(() => z.number({ error: 'Velg antall måneder' }).int().min(1).max(240));

export const retentionCandidateSchema = lazySchema(() =>
  z.object({
    patientId: z.number(),
    /** Shown only in the confirmation dialog; never logged. */
    name: z.string(),
    /** When the last pathway was closed (ISO-8601 UTC). */
    leftAt: z.string(),
    pathways: z.number(),
  }),
);

export const retentionContract = {
  /** Patients whose pathways are all closed (egen behandler / avsluttet) and who left more than `months` ago. */
  'retention.preview': method(
    () => z.object({ months }),
    () => z.object({ cutoff: z.string(), patients: z.array(retentionCandidateSchema) }),
    query(),
  ),
  /** Deletes exactly the listed patients, all or nothing; refuses if any of them no longer qualifies. */
  'retention.delete': method(
    () => z.object({ months, patientIds: z.array(id).min(1, { message: 'Ingen pasienter valgt' }).max(10_000) }),
    () => z.object({ deleted: z.number() }),
    write(),
  ),
};
