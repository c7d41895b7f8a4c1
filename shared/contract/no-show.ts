import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, writes, opened, query, searched } from './method';
import { id, isoDate, optionalText, phone, requiredText, rowVersion } from './fields';
import { time, APPOINTMENT_KINDS } from './appointments';
import {
  ATTEMPT_OUTCOMES,
  CASE_OUTCOMES,
  CONTACT_CHANNELS,
  LETTER_RECIPIENTS,
  MAX_ATTEMPTS,
  MAX_DAYS_TO_FIRST_CONTACT,
  MIN_ATTEMPTS,
} from '../domain/no-show-policy';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
const write = writes(['appointments', 'worklist', 'overview', 'report', 'referrer']);

export const policySchema = lazySchema(() =>
  z.object({
    attemptsRequired: z
      .number({ error: 'Antall kontaktforsøk må være et tall' })
      .int({ message: 'Antall kontaktforsøk må være et helt tall' })
      .min(MIN_ATTEMPTS, { message: `Antall kontaktforsøk må være fra ${MIN_ATTEMPTS} til ${MAX_ATTEMPTS}` })
      .max(MAX_ATTEMPTS, { message: `Antall kontaktforsøk må være fra ${MIN_ATTEMPTS} til ${MAX_ATTEMPTS}` }),
    channels: z.array(z.enum(CONTACT_CHANNELS)).min(1, { message: 'Velg minst én kanal for kontaktforsøk' }).max(4),
    daysToFirstContact: z
      .number({ error: 'Dager til første kontakt må være et tall' })
      .int({ message: 'Dager til første kontakt må være et helt tall' })
      .min(0, { message: `Dager til første kontakt må være fra 0 til ${MAX_DAYS_TO_FIRST_CONTACT}` })
      .max(MAX_DAYS_TO_FIRST_CONTACT, { message: `Dager til første kontakt må være fra 0 til ${MAX_DAYS_TO_FIRST_CONTACT}` }),
    letterToPatient: z.boolean(),
    letterToReferrer: z.boolean(),
    letterToMunicipalCoordinator: z.boolean(),
    /** The coordinator's direct number for letters; empty = the unit's number. */
    coordinatorPhone: phone.default(''),
  }),
);
export type PolicyInput = z.output<typeof policySchema>;

export const NEXT_STEP_KINDS = ['attempt', 'letter', 'await_answer'] as const;
export type NextStepKind = (typeof NEXT_STEP_KINDS)[number];
export const NEXT_STEP_KIND_LABELS: Record<NextStepKind, string> = {
  attempt: 'Kontaktforsøk',
  letter: 'Brev',
  await_answer: 'Venter på svar',
};
export const CASE_STATUSES = ['open', 'closed', 'escalated', 'withdrawn'] as const;
export const CASE_STATUS_LABELS: Record<(typeof CASE_STATUSES)[number], string> = {
  open: 'Åpen',
  closed: 'Avsluttet',
  escalated: 'Meldt til behandler',
  withdrawn: 'Angret (registrert ved en feil)',
};
export const DUE_STATES = ['overdue', 'soon', 'on_time'] as const;
/** What closing "ikke nådd" does to the pathway: nothing, end it (with help need), or record pasientutsatt (L). */
export const CLOSE_PATHWAY_ACTIONS = ['none', 'end', 'postponed'] as const;

const nextSchema = lazySchema(() =>
  z.object({
    kind: z.enum(NEXT_STEP_KINDS),
    label: z.string(),
    due: z.string(),
    state: z.enum(DUE_STATES),
    daysUntilDue: z.number(),
  }),
);

export const queueRowSchema = lazySchema(() =>
  z.object({
    caseId: z.number(),
    patientId: z.number(),
    name: z.string(),
    nationalIdMasked: z.string(),
    synthetic: z.boolean(),
    noShowAt: z.string(),
    attemptCount: z.number(),
    next: nextSchema,
    /** The patient's phone, for the call from the queue. */
    phone: z.string(),
  }),
);
export type QueueRow = z.infer<typeof queueRowSchema>;

export const stepSchema = lazySchema(() =>
  z.object({
    kind: z.enum(NEXT_STEP_KINDS),
    label: z.string(),
    required: z.boolean(),
    done: z.boolean(),
    at: z.string().nullable(),
    due: z.string().nullable(),
    recipient: z.enum(LETTER_RECIPIENTS).nullable(),
  }),
);

export const attemptSchema = lazySchema(() =>
  z.object({
    id: z.number(),
    at: z.string(),
    channel: z.enum(CONTACT_CHANNELS),
    outcome: z.enum(ATTEMPT_OUTCOMES),
    byName: z.string(),
    note: z.string(),
  }),
);

export const letterSummarySchema = lazySchema(() =>
  z.object({
    id: z.number(),
    recipient: z.enum(LETTER_RECIPIENTS),
    templateId: z.string(),
    subject: z.string(),
    createdAt: z.string(),
    printedAt: z.string().nullable(),
    printCount: z.number(),
    /** The window address is a full postal address; a letter without one never counts as sent. */
    postable: z.boolean(),
  }),
);
export type LetterSummary = z.infer<typeof letterSummarySchema>;

export const caseSchema = lazySchema(() =>
  z.object({
    id: z.number(),
    patientId: z.number(),
    patientName: z.string(),
    pathwayId: z.number().nullable(),
    appointment: z.object({ id: z.number(), kind: z.enum(APPOINTMENT_KINDS), date: z.string(), time: z.string(), place: z.string(), clinician: z.string() }),
    noShowAt: z.string(),
    status: z.enum(CASE_STATUSES),
    outcome: z.enum(CASE_OUTCOMES).nullable(),
    /** Row version (optimistic concurrency): close, escalate, answer and pasientutsatt send it back. */
    version: z.number(),
    newAppointmentId: z.number().nullable(),
    steps: z.array(stepSchema),
    next: nextSchema.nullable(),
    attempts: z.array(attemptSchema),
    letters: z.array(letterSummarySchema),
    /** Required letters not printed yet, in step order. */
    lettersMissing: z.array(z.enum(LETTER_RECIPIENTS)),
    /** What still stops "avsluttet – ikke nådd" (empty when it may be closed). */
    closeNotReachedMissing: z.array(z.string()),
    suggestPostponed: z.boolean(),
    postponedRecorded: z.boolean(),
    closedAt: z.string().nullable(),
    closedBy: z.string().nullable(),
    closeNote: z.string(),
    withdrawnReason: z.string().nullable(),
    /** The day the response time the letters promise runs out; "ikke nådd" before it needs a reason. */
    answerDue: z.string().nullable(),
    /** Closing "ikke nådd" today needs overrideReason (the response time has not run out). */
    closeNeedsOverride: z.boolean(),
    closeOverrideReason: z.string().nullable(),
    /** An escalated case: the clinician's answer once recorded (null while waiting). */
    escalation: z.object({ answeredAt: z.string().nullable(), answer: z.string() }).nullable(),
    createdAt: z.string(),
  }),
);
export type NoShowCaseView = z.infer<typeof caseSchema>;

export const templateSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    label: z.string(),
    recipient: z.enum(LETTER_RECIPIENTS),
    address: z.string(),
    subject: z.string(),
    paragraphs: z.array(z.string()),
    /** Differs from the shipped text. */
    modified: z.boolean(),
  }),
);
export type TemplateView = z.infer<typeof templateSchema>;

export const saveTemplateSchema = lazySchema(() =>
  z.object({
    id: z.string().max(60),
    label: requiredText('Navn på malen', 120),
    address: z.string().max(500, { message: 'Adressefeltet er for langt' }),
    subject: requiredText('Emne', 300),
    paragraphs: z
      .array(z.string().max(3000, { message: 'Avsnittet er for langt' }))
      .min(1, { message: 'Brevet må ha minst ett avsnitt' })
      .max(40, { message: 'Brevet har for mange avsnitt' }),
  }),
);

const letterIds = lazySchema(() => z.array(id).min(1, { message: 'Ingen brev valgt' }).max(500));

export const noShowContract = {
  'noShow.getPolicy': method(
    () => z.object({}).optional(),
    () => policySchema,
    query(),
  ),
  'noShow.savePolicy': method(
    () => policySchema,
    () => policySchema,
    write(),
  ),
  /** The queue: open cases for the whole caseload, by what is due first. */
  'noShow.list': method(
    () =>
      z.object({
        step: z.enum(NEXT_STEP_KINDS).optional(),
        search: z.string().max(100).optional(),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(500).default(200),
      }),
    () => z.object({ rows: z.array(queueRowSchema), total: z.number() }),
    query(searched('noShow.search', 'no_show_case')),
  ),
  'noShow.listForPatient': method(
    () => z.object({ patientId: id }),
    () => z.object({ cases: z.array(caseSchema) }),
    query(),
  ),
  'noShow.get': method(
    () => z.object({ id }),
    () => caseSchema,
    query(opened('noShowCase.view', 'no_show_case')),
  ),
  'noShow.recordAttempt': method(
    () =>
      z.object({
        caseId: id,
        date: isoDate('Dato'),
        time: time(),
        channel: z.enum(CONTACT_CHANNELS, { error: 'Velg kanal for kontaktforsøket' }),
        outcome: z.enum(ATTEMPT_OUTCOMES, { error: 'Velg utfall av kontaktforsøket' }),
        byName: requiredText('Utført av', 120),
        note: optionalText(1000),
      }),
    () => caseSchema,
    write(),
  ),
  /**
   * Routine outcomes; refused with what is missing when the policy is not satisfied. "Ikke nådd" before the response
   * time the letters promise (answerDue) needs overrideReason. With "ikke nådd", pathwayAction may in the same step end
   * the pathway (helpNeed required) or record pasientutsatt (L) from the no-show date.
   */
  'noShow.close': method(
    () =>
      z.object({
        caseId: id,
        outcome: z.enum(['new_appointment', 'declined', 'closed_not_reached'], { error: 'Velg utfall' }),
        newAppointmentId: id.nullable().default(null),
        note: optionalText(1000),
        overrideReason: optionalText(500).nullable().default(null),
        pathwayAction: z.enum(CLOSE_PATHWAY_ACTIONS, { error: 'Velg hva som skjer med forløpet' }).default('none'),
        helpNeed: z.string().max(40).nullable().default(null),
        /** The case's row version the dialog loaded (NoShowCaseView.version); a newer one refuses the close. */
        version: rowVersion.optional(),
      }),
    () => caseSchema,
    write(),
  ),
  /** A risk signal: always allowed, never a routine closure. */
  'noShow.escalate': method(
    () => z.object({ caseId: id, clinician: requiredText('Behandler', 120), note: optionalText(1000), version: rowVersion.optional() }),
    () => caseSchema,
    write(),
  ),
  /** Escalated cases still waiting for the clinician's answer (answered ones drop off), oldest first. */
  'noShow.listEscalated': method(
    () => z.object({ includeAnswered: z.boolean().default(false) }).optional(),
    () =>
      z.object({
        rows: z.array(
          z.object({
            caseId: z.number(),
            patientId: z.number(),
            name: z.string(),
            nationalIdMasked: z.string(),
            synthetic: z.boolean(),
            phone: z.string(),
            noShowAt: z.string(),
            escalatedAt: z.string(),
            /** "Meldt til …" and the note given when escalating. */
            note: z.string(),
            answeredAt: z.string().nullable(),
          }),
        ),
      }),
    query(),
  ),
  /** The clinician's answer to an escalated case: the case leaves the waiting list. */
  'noShow.recordAnswer': method(
    () => z.object({ caseId: id, answer: requiredText('Svar fra behandler', 1000), version: rowVersion.optional() }),
    () => caseSchema,
    write(),
  ),
  /** Records L (pasientutsatt) on the pathway from the no-show date. */
  'noShow.recordPostponed': method(
    () => z.object({ caseId: id, version: rowVersion.optional() }),
    () => caseSchema,
    write(),
  ),
  /** Renders a letter from its template into a stored draft; it counts as sent once printed. */
  'noShow.createLetter': method(
    () =>
      z.object({
        caseId: id,
        recipient: z.enum(LETTER_RECIPIENTS),
        templateId: z.string().max(60).optional(),
        /** Municipal coordinator only (issue #13): the patient's consent, or another legal basis named in the note. */
        sharingBasis: z.enum(['consent', 'other_basis']).nullable().default(null),
        sharingBasisNote: z
          .string()
          .max(200)
          .transform((s) => s.trim())
          .default(''),
      }),
    () => z.object({ letter: letterSummarySchema, html: z.string(), warnings: z.array(z.string()) }),
    write(),
  ),
  'noShow.getLetter': method(
    () => z.object({ id }),
    () => z.object({ letter: letterSummarySchema, html: z.string(), text: z.string() }),
    query(opened('letter.view', 'letter')),
  ),
  /**
   * Call after printing COMPLETED (Electron's print callback reported success, or the person confirmed the letter
   * came out of the printer), never when the print button is pressed. Letters without a full postal address are
   * logged as printed but not counted as sent; they come back in notSent for a warning.
   */
  'noShow.markPrinted': method(
    () => z.object({ letterIds }),
    () => z.object({ count: z.number(), sent: z.number(), notSent: z.array(z.object({ letterId: z.number(), message: z.string() })) }),
    write(),
  ),
  /** Letters due today or earlier on open cases: the day's batch for the person at the printer. */
  'noShow.listDueLetters': method(
    () => z.object({}).optional(),
    () =>
      z.object({
        items: z.array(
          z.object({ caseId: z.number(), patientId: z.number(), name: z.string(), recipient: z.enum(LETTER_RECIPIENTS), label: z.string(), due: z.string() }),
        ),
      }),
    query(),
  ),
  /** One document, one letter per page run, from stored letters. */
  'noShow.getBatchDocument': method(
    () => z.object({ letterIds }),
    () => z.object({ html: z.string(), count: z.number() }),
    query(opened('letter.view', 'letter')),
  ),
  'noShow.listTemplates': method(
    () => z.object({}).optional(),
    () => z.object({ templates: z.array(templateSchema) }),
    query(),
  ),
  'noShow.saveTemplate': method(
    () => saveTemplateSchema,
    () => templateSchema,
    write(),
  ),
  'noShow.resetTemplate': method(
    () => z.object({ id: z.string().max(60) }),
    () => templateSchema,
    write(),
  ),
};
