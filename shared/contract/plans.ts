import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, writes, opened, printed, query } from './method';
import { id, isoDate, optionalText, requiredText, rowVersion } from './fields';
import { MEASURE_STATUSES } from '../domain/individual-plan';
import { GOAL_RESULTS } from '../domain/plan-revision';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
const write = writes(['worklist', 'overview', 'meetings']);

// ---------------------------------------------------------------------------
// The plan as the core answers it: the shape of shared/domain/individual-plan.ts (IndividualPlan).
// ---------------------------------------------------------------------------

const planParticipantSchema = lazySchema(() => z.object({ id: z.number(), name: z.string(), role: z.string(), organisation: z.string() }));

export const planSchema = lazySchema(() =>
  z.object({
    period: z.object({ from: z.string(), to: z.string() }),
    revisionDates: z.array(z.string()),
    coordinator: z.object({ name: z.string(), organisation: z.string(), contactId: z.number().optional() }),
    participants: z.array(planParticipantSchema),
    consent: z.object({
      givenAt: z.string().optional(),
      givenBy: z.string().optional(),
      coversParticipantIds: z.array(z.number()),
      withdrawnAt: z.string().optional(),
    }),
    cooperation: z.string(),
    goals: z.array(z.object({ id: z.number(), text: z.string(), targetDate: z.string().optional() })),
    resources: z.array(z.object({ id: z.number(), text: z.string() })),
    needs: z.array(z.object({ id: z.number(), text: z.string() })),
    contributions: z.object({ patient: z.string(), services: z.string(), relatives: z.string() }),
    measures: z.array(
      z.object({
        id: z.number(),
        what: z.string(),
        scope: z.string(),
        howCarriedOut: z.string(),
        responsible: z.string(),
        startDate: z.string().optional(),
        dueDate: z.string().optional(),
        status: z.enum(MEASURE_STATUSES),
        goalId: z.number().optional(),
        origin: z.object({ kind: z.literal('meeting_action'), meetingId: z.number(), actionId: z.number() }).optional(),
        progressNotes: z.array(z.object({ date: z.string(), text: z.string() })),
      }),
    ),
  }),
);

const evaluationOutSchema = lazySchema(() => z.object({ goalId: z.number(), result: z.enum(GOAL_RESULTS), note: z.string() }));

const versionInfoSchema = lazySchema(() => z.object({ versionNo: z.number(), heldOn: z.string(), takenAt: z.string() }));

const planChangeSchema = lazySchema(() =>
  z.object({
    kind: z.string(),
    section: z.number(),
    label: z.string(),
    before: z.string().optional(),
    after: z.string().optional(),
  }),
);

export const planViewSchema = lazySchema(() =>
  z.object({
    plan: planSchema,
    consentState: z.enum(['none', 'given', 'withdrawn']),
    /** Whether the plan may be printed or shared for others now, and why not. */
    print: z.object({ ok: z.boolean(), reason: z.string().nullable() }),
    revision: z.object({
      /** First scheduled revision date on or after today. */
      next: z.string().nullable(),
      /** Scheduled dates before today that have not been held. */
      overdue: z.array(z.string()),
      lastRevisionOn: z.string().nullable(),
    }),
    overdueMeasureIds: z.array(z.number()),
    attentionDate: z.string().nullable(),
    versions: z.array(versionInfoSchema),
    /** For measures made from a meeting's action item: when that meeting was (ISO UTC), for "where it came from". */
    measureOrigins: z.array(z.object({ measureId: z.number(), meetingId: z.number(), meetingStartAt: z.string().nullable() })),
    /** Each measure's row version: an edit sends the one it loaded, and a stale save is refused (no lost update). */
    measureVersions: z.array(z.object({ measureId: z.number(), version: z.number() })),
    /**
     * The row versions of the plan's other in-place edits: the plan itself (overview, consent, revision) and each
     * participant, goal, resource and need by id. Edits send the one they loaded back.
     */
    rowVersions: z.object({
      plan: z.number(),
      participants: z.array(z.object({ id: z.number(), version: z.number() })),
      goals: z.array(z.object({ id: z.number(), version: z.number() })),
      resources: z.array(z.object({ id: z.number(), version: z.number() })),
      needs: z.array(z.object({ id: z.number(), version: z.number() })),
    }),
  }),
);
export type PlanViewDto = z.infer<typeof planViewSchema>;

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

const patientRef = { patientId: id };
const optionalDate = (label: string) => isoDate(label).nullable();

export const planOverviewInputSchema = lazySchema(() =>
  z.object({
    ...patientRef,
    period: z.object({ from: isoDate('Planperiode fra'), to: isoDate('Planperiode til') }),
    revisionDates: z.array(isoDate('Revisjonsdato')).max(50),
    coordinator: z.object({
      name: optionalText(120),
      organisation: optionalText(160),
      contactId: id.nullable().default(null),
    }),
    cooperation: optionalText(4000),
    contributions: z.object({ patient: optionalText(4000), services: optionalText(4000), relatives: optionalText(4000) }),
    /** The plan's row version the form loaded (rowVersions.plan); a newer one refuses the save. */
    version: rowVersion.optional(),
  }),
);
export type PlanOverviewInput = z.input<typeof planOverviewInputSchema>;

export const participantInputSchema = lazySchema(() =>
  z.object({
    ...patientRef,
    participant: z.object({
      id: id.optional(),
      name: requiredText('Navn', 120),
      role: requiredText('Rolle', 80),
      organisation: optionalText(160),
      version: rowVersion.optional(),
    }),
  }),
);

export const consentInputSchema = lazySchema(() =>
  z.object({
    ...patientRef,
    givenAt: optionalDate('Samtykke gitt'),
    givenBy: optionalText(120),
    coversParticipantIds: z.array(id).max(200),
    withdrawnAt: optionalDate('Trukket tilbake'),
    /** The plan's row version the form loaded (rowVersions.plan). */
    version: rowVersion.optional(),
  }),
);
export type ConsentInput = z.input<typeof consentInputSchema>;

export const goalInputSchema = lazySchema(() =>
  z.object({
    ...patientRef,
    goal: z.object({ id: id.optional(), text: requiredText('Målet', 1000), targetDate: optionalDate('Måldato'), version: rowVersion.optional() }),
  }),
);

export const PLAN_ITEM_KINDS = ['resource', 'need'] as const;
export const itemInputSchema = lazySchema(() =>
  z.object({
    ...patientRef,
    kind: z.enum(PLAN_ITEM_KINDS),
    item: z.object({ id: id.optional(), text: requiredText('Teksten', 1000), version: rowVersion.optional() }),
  }),
);

export const measureInputSchema = lazySchema(() =>
  z.object({
    ...patientRef,
    measure: z.object({
      id: id.optional(),
      what: requiredText('Tiltaket', 500),
      scope: optionalText(300),
      howCarriedOut: optionalText(4000),
      responsible: requiredText('Ansvarlig', 200),
      startDate: optionalDate('Startdato'),
      dueDate: optionalDate('Frist'),
      goalId: id.nullable(),
      /** The row version the form loaded (plan view's measureVersions); a newer one on the server refuses the save. */
      version: rowVersion.optional(),
    }),
  }),
);
export type MeasureInput = z.input<typeof measureInputSchema>;

export const revisionInputSchema = lazySchema(() =>
  z.object({
    ...patientRef,
    heldOn: isoDate('Revisjonsdato'),
    evaluations: z
      .array(
        z.object({
          goalId: id,
          result: z.enum(GOAL_RESULTS, { error: 'Velg resultat for målet' }),
          note: optionalText(2000),
        }),
      )
      .max(200),
    nextRevisionDate: optionalDate('Neste revisjon'),
    /** The plan's row version the revision was started on (rowVersions.plan): a plan changed since refuses it. */
    version: rowVersion.optional(),
  }),
);
export type RevisionInput = z.input<typeof revisionInputSchema>;

export const planListQuerySchema = lazySchema(() =>
  z.object({
    /** Plans needing attention up to this many days ahead (overdue ones always); null = every plan with a date. */
    horizonDays: z.number().int().min(0).max(3650).nullable().default(30),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(200),
  }),
);
export type PlanListQuery = z.input<typeof planListQuerySchema>;

export const planListRowSchema = lazySchema(() =>
  z.object({
    patientId: z.number(),
    name: z.string(),
    nationalIdMasked: z.string(),
    synthetic: z.boolean(),
    attentionDate: z.string(),
    /** Earliest scheduled revision not yet held. */
    revisionDate: z.string().nullable(),
    overdueMeasures: z.number(),
    firstOverdueDue: z.string().nullable(),
    /** First due date of a planned or ongoing measure (overdue or not). */
    nextMeasureDue: z.string().nullable(),
  }),
);
export type PlanListRow = z.infer<typeof planListRowSchema>;

const created = lazySchema(() => z.object({ id: z.number() }));
const done = lazySchema(() => z.object({ ok: z.literal(true) }));

export const plansContract = {
  /** The patient's plan (null when none yet) with consent state, revision outlook and versions. Logged as an opening. */
  'plans.get': method(
    () => z.object(patientRef),
    () => z.object({ view: planViewSchema.nullable() }),
    query(opened('plan.open', 'individual_plan')),
  ),
  /** Creates the plan or updates its overview: period, revision dates, coordinator, cooperation, contributions. */
  'plans.save': method(
    () => planOverviewInputSchema,
    () => z.object({ planId: z.number() }),
    write(),
  ),
  'plans.saveParticipant': method(
    () => participantInputSchema,
    () => created,
    write(),
  ),
  'plans.removeParticipant': method(
    () => z.object({ ...patientRef, id }),
    () => done,
    write(),
  ),
  'plans.saveConsent': method(
    () => consentInputSchema,
    () => done,
    write(),
  ),
  'plans.saveGoal': method(
    () => goalInputSchema,
    () => created,
    write(),
  ),
  'plans.removeGoal': method(
    () => z.object({ ...patientRef, id }),
    () => done,
    write(),
  ),
  'plans.saveItem': method(
    () => itemInputSchema,
    () => created,
    write(),
  ),
  'plans.removeItem': method(
    () => z.object({ ...patientRef, kind: z.enum(PLAN_ITEM_KINDS), id }),
    () => done,
    write(),
  ),
  'plans.saveMeasure': method(
    () => measureInputSchema,
    () => created,
    write(),
  ),
  'plans.removeMeasure': method(
    () => z.object({ ...patientRef, id }),
    () => done,
    write(),
  ),
  /** Only the transitions shared/domain/individual-plan.ts allows; a refused change changes nothing. */
  'plans.changeMeasureStatus': method(
    () => z.object({ ...patientRef, measureId: id, status: z.enum(MEASURE_STATUSES) }),
    () => done,
    write(),
  ),
  'plans.addProgressNote': method(
    () => z.object({ ...patientRef, measureId: id, date: isoDate('Dato'), text: requiredText('Notatet', 2000) }),
    () => done,
    write(),
  ),
  /** Evaluates every goal and keeps a version of the whole plan as it stood. */
  'plans.finishRevision': method(
    () => revisionInputSchema,
    () => z.object({ versionNo: z.number() }),
    write(),
  ),
  /** An older version, with what has changed since (diffPlans, version → current). */
  'plans.getVersion': method(
    () => z.object({ ...patientRef, versionNo: z.number().int().min(1).max(100_000) }),
    () => versionInfoSchema.extend({ plan: planSchema, evaluations: z.array(evaluationOutSchema), changes: z.array(planChangeSchema) }),
    query(opened('plan.version.open', 'individual_plan')),
  ),
  /** The A4 document of the current plan or a version; refused without consent in force. */
  'plans.getPrint': method(
    () => z.object({ ...patientRef, versionNo: z.number().int().min(1).max(100_000).optional() }),
    () => z.object({ html: z.string() }),
    query(printed('plan.print', 'individual_plan')),
  ),
  /**
   * Makes a measure of a meeting's action item (what = text, responsible = owner, due = due date, origin = the
   * meeting and the item) and links the item to it, in one transaction.
   */
  'plans.measureFromAction': method(
    () => z.object({ actionItemId: id }),
    () => z.object({ id: z.number(), patientId: z.number() }),
    write(),
  ),
  /** The "Planer" screen: plans due for revision and measures due, across the caseload. */
  'plans.list': method(
    () => planListQuerySchema,
    () => z.object({ rows: z.array(planListRowSchema), total: z.number() }),
    query(),
  ),
};
