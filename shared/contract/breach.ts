import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, writes, query } from './method';
import { id, optionalText } from './fields';
import { optionalDate } from './coordination-fields';
import { isoDate } from './fields';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
// Issue #13 §2: a breach record or postponement changes the worklist's FB flag.
const write = writes(['worklist']);

export const POSTPONEMENT_REASONS = ['declined_offer', 'asked_later', 'cancelled', 'did_not_attend'] as const;
export const POSTPONEMENT_REASON_LABELS: Record<(typeof POSTPONEMENT_REASONS)[number], string> = {
  declined_offer: 'Takket nei til tilbudt time',
  asked_later: 'Ba om senere time',
  cancelled: 'Avlyste timen',
  did_not_attend: 'Møtte ikke',
};

export const BREACH_STATES = ['none', 'met', 'booked', 'patient_postponed', 'unbooked', 'at_risk', 'breached'] as const;

export const breachRiskSchema = lazySchema(() =>
  z.object({
    state: z.enum(BREACH_STATES),
    label: z.string(),
    workingDaysLeft: z.number().nullable(),
  }),
);

export const breachStatusSchema = lazySchema(() =>
  z.object({
    pathwayId: z.number(),
    careDeadline: z.string().nullable(),
    risk: breachRiskSchema,
    helfoNotifiedOn: z.string().nullable(),
    helfoNote: z.string(),
    postponements: z.array(
      z.object({
        id: z.number(),
        offeredDate: z.string(),
        requestedDate: z.string().nullable(),
        reason: z.enum(POSTPONEMENT_REASONS),
        note: z.string(),
        createdAt: z.string(),
      }),
    ),
    letters: z.array(z.object({ id: z.number(), createdAt: z.string() })),
    helfo: z.object({ phone: z.string(), hours: z.string(), source: z.string(), confidence: z.string(), note: z.string() }),
  }),
);
export type BreachStatus = z.infer<typeof breachStatusSchema>;

export const breachListRowSchema = lazySchema(() =>
  z.object({
    pathwayId: z.number(),
    patientId: z.number(),
    name: z.string(),
    careDeadline: z.string(),
    state: z.enum(['at_risk', 'breached']),
    label: z.string(),
    helfoNotifiedOn: z.string().nullable(),
  }),
);

export const breachContract = {
  'breach.get': method(
    () => z.object({ pathwayId: id }),
    () => breachStatusSchema,
    query(),
  ),
  /** The worklist flag: open pathways whose legal deadline is likely to pass or has passed, Helfo not yet told first. */
  'breach.list': method(
    () => z.object({}).optional(),
    () => z.object({ rows: z.array(breachListRowSchema), today: z.string() }),
    query(),
  ),
  'breach.recordHelfo': method(
    () => z.object({ pathwayId: id, helfoNotifiedOn: isoDate('Dato Helfo ble varslet'), note: optionalText(500).default('') }),
    () => z.object({ pathwayId: z.number() }),
    write(),
  ),
  'breach.addPostponement': method(
    () =>
      z.object({
        pathwayId: id,
        offeredDate: isoDate('Tilbudt dato'),
        requestedDate: optionalDate('Ønsket dato').default(null),
        reason: z.enum(POSTPONEMENT_REASONS, { error: 'Velg årsak' }),
        note: optionalText(500).default(''),
      }),
    () => z.object({ id: z.number() }),
    write(),
  ),
  /** Writes and stores the patient letter about the breach (with Helfo's contact route), exactly as printed. */
  'breach.createLetter': method(
    () => z.object({ pathwayId: id }),
    /** `warnings`: what keeps a sheet from being posted, or a patient under 18 without recorded guardians. */
    () => z.object({ id: z.number(), html: z.string(), text: z.string(), warnings: z.array(z.string()) }),
    write(),
  ),
};
