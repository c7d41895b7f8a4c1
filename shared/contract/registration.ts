import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { exported, method, writes, query } from './method';
import { id } from './fields';
import { CONFIDENCES } from './pathways';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
const write = writes([]);

export const registrationItemSchema = lazySchema(() =>
  z.object({
    eventId: z.number(),
    patientId: z.number(),
    pathwayId: z.number(),
    patientName: z.string(),
    birthDate: z.string(),
    nationalIdMasked: z.string(),
    /** Procedure code for the record system, e.g. D11CP. */
    code: z.string(),
    codeConfidence: z.enum(CONFIDENCES),
    eventLabel: z.string(),
    date: z.string(),
    registeredAt: z.string().nullable(),
  }),
);
export type RegistrationItem = z.infer<typeof registrationItemSchema>;

export const registrationContract = {
  /**
   * "Til registrering i journalsystemet": coded pathway events (D01/D11/D12) not yet marked as registered in
   * the patient record system, oldest first, and those marked today.
   */
  'registration.list': method(
    () => z.object({}).optional(),
    () => z.object({ notice: z.string(), due: z.array(registrationItemSchema), doneToday: z.array(registrationItemSchema), truncated: z.boolean() }),
    query(),
  ),
  /** Marks events as registered in the record system (each logged). */
  'registration.markDone': method(
    () => z.object({ eventIds: z.array(id).min(1).max(500) }),
    () => z.object({ count: z.number() }),
    write(),
  ),
  /** Undoes a mark made by mistake (logged). */
  'registration.undo': method(
    () => z.object({ eventId: id }),
    () => z.object({ count: z.number() }),
    write(),
  ),
  /** The outstanding list as CSV (semicolon, UTF-8 with BOM). */
  'registration.exportCsv': method(
    () => z.object({}).optional(),
    () => z.object({ csv: z.string(), fileName: z.string(), count: z.number() }),
    query(exported('registration.exportCsv', 'pathway_event')),
  ),
};
