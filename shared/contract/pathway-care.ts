import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, writes, query } from './method';
import { id, isoDate, optionalText } from './fields';
import { optionalDate } from './coordination-fields';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
const write = writes([]);

export const INTERPRETER_STATES = ['unknown', 'needed', 'not_needed'] as const;

export const pathwayCareInputSchema = lazySchema(() =>
  z.object({
    pathwayId: id,
    interpreter: z.enum(INTERPRETER_STATES, { error: 'Velg tolkebehov' }),
    interpreterLanguage: optionalText(60).default(''),
    pregnant: z.boolean().default(false),
    detoxEndedOn: optionalDate('Avrusning avsluttet').default(null),
    furtherTreatmentOn: optionalDate('Videre behandling startet').default(null),
  }),
);

export const pathwayCareSchema = lazySchema(() =>
  z.object({
    pathwayId: z.number(),
    interpreter: z.enum(INTERPRETER_STATES),
    interpreterLanguage: z.string(),
    interpreterRecordedOn: z.string().nullable(),
    /** First attendance date when known: the interpreter need is asked for there. */
    firstAttendanceOn: z.string().nullable(),
    pregnant: z.boolean(),
    detoxEndedOn: z.string().nullable(),
    furtherTreatmentOn: z.string().nullable(),
    /** The pregnancy rule's follow-up (0 days from detox end), when it applies. */
    detox: z.object({ due: z.string(), state: z.enum(['met', 'late', 'due']), daysLate: z.number(), confidence: z.string(), source: z.string() }).nullable(),
  }),
);

export const readmissionsContract = {
  /** The patient's pathways in order, each linked to its predecessor, with re-referrals within 12 months marked. */
  'readmissions.forPatient': method(
    () => z.object({ patientId: id }),
    () =>
      z.object({
        rows: z.array(
          z.object({
            pathwayId: z.number(),
            pathwayType: z.string(),
            referralReceived: z.string(),
            closedOn: z.string().nullable(),
            previousId: z.number().nullable(),
            reReferralAfterId: z.number().nullable(),
            daysSinceEnd: z.number().nullable(),
            /** Linked by a transfer inside the trust: the pathway this one continues, and when this one was transferred on. */
            transferredFromId: z.number().nullable(),
            transferredOn: z.string().nullable(),
          }),
        ),
        reReferralsWithin12Months: z.number(),
      }),
    query(),
  ),
  /**
   * The indicator: pathways received in [from, to] that are re-referrals within 12 months of an earlier end
   * (continuations after an internal transfer are not referrals and are counted in neither figure).
   */
  'readmissions.count': method(
    () => z.object({ from: isoDate('Fra-dato'), to: isoDate('Til-dato') }),
    () => z.object({ reReferrals: z.number(), received: z.number() }),
    query(),
  ),
};

export const pathwayCareContract = {
  'pathwayCare.get': method(
    () => z.object({ pathwayId: id }),
    () => pathwayCareSchema,
    query(),
  ),
  'pathwayCare.save': method(
    () => pathwayCareInputSchema,
    () => pathwayCareSchema,
    write(),
  ),
};
