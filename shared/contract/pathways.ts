import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, writes, opened, printed, query } from './method';
import { id, isoDate, optionalText } from './fields';
import { PATHWAY_TYPE_IDS, SETTING_IDS } from '../domain/pathway-types';
import { PATHWAY_STATUSES } from './patients';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
const write = writes(['worklist', 'overview', 'report', 'patients', 'registration', 'breach', 'referrer', 'pathwayCare', 'readmissions', 'evaluations']);

export const EVENT_TYPES = [
  'start',
  'first_attendance',
  'clinical_decision',
  'evaluation',
  'patient_postponed',
  'end',
  'own_clinician',
  'detox_end',
  'follow_on_treatment',
] as const;
export const OUTCOME_CODES = ['CU', 'CP', 'CT', 'CS', 'CK', 'CA', 'CI'] as const;
export const DEADLINE_STATES = ['overdue', 'soon', 'on_time', 'none'] as const;
export const CONFIDENCES = ['confirmed', 'local', 'unconfirmed'] as const;
/** The rights assessment (issue #13): right to necessary care, no right, or right but not a pathway case. */
export const RIGHTS_DECISIONS = ['right', 'no_right', 'not_pathway'] as const;
export const CARE_KINDS = ['assessment', 'treatment'] as const;
export const INTAKES = ['referral', 'internal_transfer'] as const;

export const issueSchema = lazySchema(() => z.object({ code: z.string(), severity: z.enum(['error', 'warning']), message: z.string() }));

/** Why a deadline falls where it does: start event and date, offset, unit, rule and version, holidays skipped. */
export const deadlineExplanationSchema = lazySchema(() =>
  z.object({
    startEvent: z.string(),
    startEventLabel: z.string(),
    startDate: z.string().nullable(),
    offset: z.number().nullable(),
    unit: z.enum(['calendar', 'working']).nullable(),
    ruleId: z.string(),
    ruleVersionId: z.string().nullable(),
    confidence: z.enum(CONFIDENCES),
    unconfirmed: z.boolean(),
    source: z.string(),
    note: z.string().nullable(),
    holidaysSkipped: z.array(z.object({ date: z.string(), name: z.string() })),
    /** The whole explanation as one Norwegian sentence, for tooltips and print. */
    text: z.string(),
  }),
);

export const deadlineViewSchema = lazySchema(() =>
  z.object({
    key: z.string(),
    kind: z.enum(['legal', 'pathway', 'none']),
    label: z.string(),
    due: z.string().nullable(),
    met: z.string().nullable(),
    state: z.enum(DEADLINE_STATES),
    daysLeft: z.number().nullable(),
    patientPostponedDays: z.number(),
    explanation: deadlineExplanationSchema.nullable(),
    breachReason: z.object({ code: z.string(), label: z.string(), note: z.string() }).nullable(),
  }),
);
export type DeadlineView = z.infer<typeof deadlineViewSchema>;

export const eventViewSchema = lazySchema(() =>
  z.object({
    id: z.number(),
    type: z.enum(EVENT_TYPES),
    label: z.string(),
    date: z.string(),
    outcome: z.enum(OUTCOME_CODES).nullable(),
    outcomeLabel: z.string().nullable(),
    until: z.string().nullable(),
    helpNeed: z.string().nullable(),
    helpNeedLabel: z.string().nullable(),
    /** End only: why the pathway ended (a code from end_reason). */
    endReason: z.string().nullable(),
    endReasonLabel: z.string().nullable(),
    note: z.string(),
    code: z.string().nullable(),
    codeConfidence: z.enum(CONFIDENCES).nullable(),
    source: z.string(),
    status: z.enum(['active', 'corrected', 'withdrawn']),
    replacedBy: z.number().nullable(),
    correctionReason: z.string().nullable(),
    createdAt: z.string(),
  }),
);
export type EventView = z.infer<typeof eventViewSchema>;

export const ruleVersionRefSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    origin: z.enum(['national', 'local']),
    validFrom: z.string(),
    source: z.string(),
    clockStart: z.enum(['referral_received', 'referral_assessed']),
    /** Whether the version's start date (the switch date) is sourced; 'unconfirmed' is shown and editable. */
    validFromConfidence: z.enum(CONFIDENCES),
    validFromNote: z.string().nullable(),
    withdrawn: z.boolean(),
    label: z.string(),
  }),
);

export const pathwayDetailSchema = lazySchema(() =>
  z.object({
    id: z.number(),
    patientId: z.number(),
    pathwayType: z.enum(PATHWAY_TYPE_IDS),
    pathwayCode: z.string().nullable(),
    setting: z.enum(SETTING_IDS),
    status: z.enum(PATHWAY_STATUSES),
    referralReceived: z.string(),
    referralAssessed: z.string().nullable(),
    careDeadline: z.string().nullable(),
    severity: z.enum(['severe', 'less_severe']).nullable(),
    under23: z.boolean().nullable(),
    ruleVersion: ruleVersionRefSchema.nullable(),
    /** Versions this pathway could be moved to (same pathway type, not withdrawn). */
    otherVersions: z.array(ruleVersionRefSchema),
    clockStart: z.object({
      date: z.string().nullable(),
      basis: z.enum(['start_event', 'referral_received', 'referral_assessed', 'transfer_received', 'no_pathway']),
    }),
    /** The recorded rights assessment; decision null = not assessed (or assessed before it was recorded). */
    rights: z.object({
      decision: z.enum(RIGHTS_DECISIONS).nullable(),
      careKind: z.enum(CARE_KINDS).nullable(),
      priorityGroup: z.string().nullable(),
      patientInformedOn: z.string().nullable(),
    }),
    intake: z.enum(INTAKES),
    /** Under 23 at referral: the latest allowed care deadline (proposed in the dialog) and how it is counted. */
    careDeadlineLimit: z.object({ latest: z.string(), from: z.string(), note: z.string() }).nullable(),
    nextAction: deadlineViewSchema,
    deadlines: z.array(deadlineViewSchema),
    events: z.array(eventViewSchema),
    validations: z.array(issueSchema),
    dataQuality: z.array(issueSchema),
    patientPostponed: z.object({ totalDays: z.number(), open: z.boolean() }),
    /** Transfers (issue #13 §2): the pathway this one continues, and where this one went. */
    transfer: z.object({
      from: z.object({ pathwayId: z.number(), pathwayType: z.enum(PATHWAY_TYPE_IDS), transferredOn: z.string().nullable(), kindLabel: z.string() }).nullable(),
      to: z
        .object({
          pathwayId: z.number().nullable(),
          pathwayType: z.enum(PATHWAY_TYPE_IDS).nullable(),
          transferredOn: z.string().nullable(),
          kindLabel: z.string(),
          receivingTrust: z.string().nullable(),
          confidence: z.enum(CONFIDENCES),
          source: z.string(),
        })
        .nullable(),
    }),
    /** "Behandlingsplan utarbeidet med pasient": date and who recorded it. */
    treatmentPlan: z.object({ date: z.string(), by: z.string() }).nullable(),
  }),
);
export type PathwayDetail = z.infer<typeof pathwayDetailSchema>;

export const codedItemSchema = lazySchema(() => z.object({ code: z.string(), label: z.string() }));
/** End-of-pathway reasons: data with their confidence and source (the code guide's list is not verified). */
export const endReasonItemSchema = lazySchema(() => z.object({ code: z.string(), label: z.string(), confidence: z.enum(CONFIDENCES), source: z.string() }));

const reason = lazySchema(() =>
  z
    .string({ error: 'Skriv hvorfor' })
    .max(500, { message: 'Teksten kan ikke være lengre enn 500 tegn' })
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, { message: 'Skriv hvorfor' }),
);

export const recordEventSchema = lazySchema(() =>
  z.object({
    pathwayId: id,
    type: z.enum(EVENT_TYPES, { error: 'Velg hendelse' }),
    date: isoDate('Dato'),
    outcome: z.enum(OUTCOME_CODES, { error: 'Velg utfall' }).nullable().default(null),
    until: isoDate('Til og med').nullable().default(null),
    helpNeed: z.string().max(40).nullable().default(null),
    endReason: z.string().max(40).nullable().default(null),
    note: optionalText(500).default(''),
  }),
);
export type RecordEventInput = z.input<typeof recordEventSchema>;

export const correctEventSchema = lazySchema(() =>
  z.object({
    eventId: id,
    /** 'replace' records the corrected values; 'withdraw' removes an event registered in error. */
    action: z.enum(['replace', 'withdraw']),
    date: isoDate('Dato').nullable().default(null),
    outcome: z.enum(OUTCOME_CODES, { error: 'Velg utfall' }).nullable().default(null),
    until: isoDate('Til og med').nullable().default(null),
    helpNeed: z.string().max(40).nullable().default(null),
    endReason: z.string().max(40).nullable().default(null),
    reason,
  }),
);

export const assessSchema = lazySchema(() =>
  z.object({
    pathwayId: id,
    assessedOn: isoDate('Henvisning vurdert'),
    /** right → pathway start and clock; no_right / not_pathway → no start, the referral leaves the worklist. */
    rightsDecision: z.enum(RIGHTS_DECISIONS, { error: 'Velg utfallet av rettighetsvurderingen' }),
    careKind: z.enum(CARE_KINDS, { error: 'Velg utredning eller behandling' }).nullable().default(null),
    priorityGroup: optionalText(60).default(''),
    patientInformedOn: isoDate('Pasienten informert').nullable().default(null),
    careDeadline: isoDate('Frist for nødvendig helsehjelp').nullable(),
    severity: z.enum(['severe', 'less_severe']).nullable().default(null),
  }),
);

export const breachReasonSchema = lazySchema(() =>
  z.object({
    pathwayId: id,
    deadlineKey: z.string().min(1).max(200),
    reasonCode: z.string({ error: 'Velg årsak' }).min(1, { message: 'Velg årsak' }).max(40),
    note: optionalText(500).default(''),
  }),
);

export const pathwaysContract = {
  /** Every pathway of one patient with its events, deadlines and explanations (the Forløp section). */
  'pathways.getForPatient': method(
    () => z.object({ patientId: id }),
    () =>
      z.object({
        pathways: z.array(pathwayDetailSchema),
        breachReasons: z.array(codedItemSchema),
        helpNeeds: z.array(codedItemSchema),
        endReasons: z.array(endReasonItemSchema),
      }),
    query(opened('pathway.open', 'patient')),
  ),
  /** One pathway's deadlines and their explanations (the worklist's side panel). */
  'pathways.getExplanation': method(
    () => z.object({ pathwayId: id }),
    () =>
      z.object({
        pathway: pathwayDetailSchema,
        breachReasons: z.array(codedItemSchema),
        helpNeeds: z.array(codedItemSchema),
        endReasons: z.array(endReasonItemSchema),
      }),
    query(opened('pathway.explain', 'pathway')),
  ),
  /**
   * "Henvisning vurdert": the rights assessment (right / no right / not a pathway case, assessment or
   * treatment, priority group, date the patient was informed), the assessment date and the individual care
   * deadline (≤ 65 working days from receipt under 23). Only 'right' records the pathway start.
   */
  'pathways.assess': method(
    () => assessSchema,
    () => z.object({ pathwayId: z.number() }),
    write(),
  ),
  'pathways.recordEvent': method(
    () => recordEventSchema,
    () => z.object({ eventId: z.number(), code: z.string().nullable() }),
    write(),
  ),
  'pathways.correctEvent': method(
    () => correctEventSchema,
    () => z.object({ eventId: z.number().nullable() }),
    write(),
  ),
  'pathways.recordBreachReason': method(
    () => breachReasonSchema,
    () => z.object({ pathwayId: z.number() }),
    write(),
  ),
  /** Moves a running pathway to another rule version (logged). */
  'pathways.moveRuleVersion': method(
    () => z.object({ pathwayId: id, ruleVersionId: z.string().min(1).max(100) }),
    () => z.object({ pathwayId: z.number() }),
    write(),
  ),
  /** The printable one-page patient summary (printDocument HTML). */
  'pathways.getSummary': method(
    () => z.object({ patientId: id }),
    () => z.object({ html: z.string() }),
    query(printed('patient.printSummary', 'patient')),
  ),
};
