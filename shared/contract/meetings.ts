import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, exported, writes, opened, printed, query } from './method';
import { id, isoDate, optionalText, requiredText, rowVersion } from './fields';
import { MEETING_KINDS, MEETING_STATUSES, PARTICIPANT_ROLES, PATIENT_PRINT_PRIVACY } from '../domain/meetings';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
const write = writes(['plans', 'worklist', 'overview', 'evaluations']);

export const meetingKindSchema = lazySchema(() => z.enum(MEETING_KINDS, { error: 'Velg type møte' }));
export const participantRoleSchema = lazySchema(() => z.enum(PARTICIPANT_ROLES as unknown as [string, ...string[]], { error: 'Velg en rolle' }));

export const participantInputSchema = lazySchema(() =>
  z.object({
    contactId: id.nullable().default(null),
    name: requiredText('Navn', 120),
    role: participantRoleSchema,
    organisation: optionalText(160).default(''),
    email: z
      .string()
      .max(200)
      .transform((s) => s.trim())
      .refine((s) => s === '' || /^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:]+\.[^\s@"<>()[\]\\,;:.]{2,}$/.test(s), {
        message: 'Skriv e-postadressen som navn@eksempel.no',
      })
      .default(''),
    phone: optionalText(30).default(''),
    /** Whether the patient's consent covers sharing information with this participant. */
    consentCovers: z.boolean().default(false),
  }),
);
export type ParticipantInput = z.input<typeof participantInputSchema>;

const timeSchema = lazySchema(() =>
  z
    .string({ error: 'Starttid mangler' })
    .transform((s) => s.trim().replace('.', ':'))
    .refine((s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s), { message: 'Skriv starttid som tt:mm, for eksempel 09:30' }),
);

const videoUrlSchema = lazySchema(() =>
  z
    .string()
    .max(500, { message: 'Lenken er for lang' })
    .transform((s) => s.trim())
    .refine((s) => s === '' || /^https:\/\/[^\s"<>\\^`{|}]+$/.test(s), { message: 'Lenken må begynne med https://' }),
);

/** The fields a new and an updated meeting share (a function: built with the schema that uses them, lazy-schema.ts). */
const meetingFields = () => ({
  kind: meetingKindSchema,
  date: isoDate('Dato'),
  time: timeSchema,
  durationMinutes: z
    .number({ error: 'Velg varighet' })
    .int()
    .min(5, { message: 'Møtet må vare minst 5 minutter' })
    .max(480, { message: 'Et møte kan vare høyst 8 timer' }),
  place: optionalText(200).default(''),
  videoUrl: videoUrlSchema.default(''),
  participants: z.array(participantInputSchema).max(30, { message: 'Høyst 30 deltakere' }).default([]),
  /** Required when the meeting clashes with other bookings (årsak til dobbeltbooking). */
  conflictReason: optionalText(500).default(''),
});

export const newMeetingSchema = lazySchema(() => z.object({ patientId: id, ...meetingFields() }));
export type NewMeetingInput = z.input<typeof newMeetingSchema>;
/** `version`: the meeting's row version the form loaded (MeetingDetail.version); a newer one refuses the save. */
export const meetingUpdateSchema = lazySchema(() => z.object({ id, ...meetingFields(), version: rowVersion.optional() }));

export const participantSchema = lazySchema(() =>
  z.object({
    id: z.number(),
    contactId: z.number().nullable(),
    name: z.string(),
    role: z.string(),
    organisation: z.string(),
    email: z.string(),
    phone: z.string(),
    consentCovers: z.boolean(),
    isPatient: z.boolean(),
    isRelative: z.boolean(),
  }),
);
export type Participant = z.infer<typeof participantSchema>;

export const meetingSummarySchema = lazySchema(() =>
  z.object({
    id: z.number(),
    patientId: z.number(),
    patientName: z.string(),
    kind: meetingKindSchema,
    startAt: z.string(),
    durationMinutes: z.number(),
    place: z.string(),
    videoUrl: z.string(),
    status: z.enum(MEETING_STATUSES),
    conflictReason: z.string().nullable(),
    participantCount: z.number(),
  }),
);
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const agendaItemSchema = lazySchema(() =>
  z.object({
    id: z.number(),
    title: z.string(),
    source: z.string(),
    sourceId: z.number().nullable(),
  }),
);
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const actionItemSchema = lazySchema(() =>
  z.object({
    id: z.number(),
    text: z.string(),
    owner: z.string(),
    dueDate: z.string().nullable(),
    done: z.boolean(),
    planMeasureId: z.number().nullable(),
  }),
);
export type ActionItem = z.infer<typeof actionItemSchema>;

export const minutesNoteSchema = lazySchema(() => z.object({ agendaItemId: z.number().nullable(), title: z.string(), note: z.string() }));

export const minutesVersionSchema = lazySchema(() =>
  z.object({
    version: z.number(),
    status: z.enum(['draft', 'final']),
    notes: z.array(minutesNoteSchema),
    decisions: z.string(),
    /** What the action items were when this version was finalized; null for a draft. */
    actions: z.array(actionItemSchema.omit({ id: true, planMeasureId: true })).nullable(),
    finalizedAt: z.string().nullable(),
    finalizedBy: z.string().nullable(),
    updatedAt: z.string(),
    /** Row version (optimistic concurrency): meetings.saveMinutes sends the draft's back. */
    rowVersion: z.number(),
  }),
);
export type MinutesVersion = z.infer<typeof minutesVersionSchema>;

export const meetingDetailSchema = lazySchema(() =>
  meetingSummarySchema.extend({
    icsSequence: z.number(),
    cancelReason: z.string().nullable(),
    /** Row version (optimistic concurrency) of the meeting's details, participants and agenda: edits send it back. */
    version: z.number(),
    patient: z.object({ id: z.number(), name: z.string(), birthDate: z.string(), municipalityNumber: z.string() }),
    participants: z.array(participantSchema),
    agenda: z.array(agendaItemSchema),
    minutes: z.array(minutesVersionSchema),
    actionItems: z.array(actionItemSchema),
  }),
);
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const clashSchema = lazySchema(() =>
  z.object({
    /** Who is double-booked, as a person reads it ("Du (koordinator)", "Pasienten", a contact's name). */
    person: z.string(),
    bookingKind: z.enum(['meeting', 'appointment']),
    /** What they are booked for, without other patients' names. */
    bookingLabel: z.string(),
    start: z.string(),
    end: z.string(),
  }),
);
export type Clash = z.infer<typeof clashSchema>;

export const agendaSuggestionSchema = lazySchema(() =>
  z.object({
    title: z.string(),
    source: z.enum(['action', 'plan_goal', 'plan_measure']),
    sourceId: z.number(),
    detail: z.string(),
  }),
);

export const meetingSettingsSchema = lazySchema(() =>
  z.object({
    templates: z.record(meetingKindSchema, z.array(z.string())),
    printPrivacy: z.enum(PATIENT_PRINT_PRIVACY),
  }),
);

const agendaInputItem = lazySchema(() =>
  z.object({
    id: id.optional(),
    title: requiredText('Punkt', 200),
    source: z.enum(['template', 'manual', 'action', 'plan_goal', 'plan_measure']).default('manual'),
    sourceId: id.nullable().default(null),
  }),
);

const actionInputItem = lazySchema(() =>
  z.object({
    id: id.optional(),
    text: requiredText('Oppfølgingspunkt', 500),
    owner: optionalText(120).default(''),
    dueDate: isoDate('Frist').nullable().default(null),
    done: z.boolean().default(false),
  }),
);

export const meetingsContract = {
  /** Meetings that start on Oslo days [from, from + days), with the patient's name for the coordinator's own view. */
  'meetings.listWeek': method(
    () => z.object({ from: isoDate('Fra'), days: z.number().int().min(1).max(42).default(7) }),
    () => z.object({ rows: z.array(meetingSummarySchema) }),
    query(),
  ),
  'meetings.listForPatient': method(
    () => z.object({ patientId: id }),
    () => z.object({ rows: z.array(meetingSummarySchema) }),
    query(),
  ),
  'meetings.get': method(
    () => z.object({ id }),
    () => meetingDetailSchema,
    query(opened('meeting.open', 'meeting')),
  ),
  /** Who would be double-booked if the meeting were at this time. Read-only: the form asks while it is filled in. */
  'meetings.listConflicts': method(
    () =>
      z.object({
        patientId: id,
        date: isoDate('Dato'),
        time: timeSchema,
        durationMinutes: z.number().int().min(5).max(480),
        participants: z.array(participantInputSchema).max(30).default([]),
        excludeMeetingId: id.optional(),
      }),
    () => z.object({ clashes: z.array(clashSchema) }),
    query(),
  ),
  'meetings.create': method(
    () => newMeetingSchema,
    () => z.object({ id: z.number() }),
    write(),
  ),
  'meetings.update': method(
    () => meetingUpdateSchema,
    () => z.object({ id: z.number(), icsSequence: z.number(), version: z.number() }),
    write(),
  ),
  'meetings.cancel': method(
    () => z.object({ id, reason: optionalText(500).default(''), version: rowVersion.optional() }),
    () => z.object({ id: z.number(), icsSequence: z.number() }),
    write(),
  ),
  'meetings.saveAgenda': method(
    () => z.object({ id, items: z.array(agendaInputItem).max(60), version: rowVersion.optional() }),
    () => z.object({ agenda: z.array(agendaItemSchema), version: z.number() }),
    write(),
  ),
  /** Items the agenda can take: last meeting's unfinished actions, the plan's goals due and open measures. */
  'meetings.listAgendaSuggestions': method(
    () => z.object({ id }),
    () => z.object({ items: z.array(agendaSuggestionSchema), planAvailable: z.boolean() }),
    query(),
  ),
  'meetings.getAgendaDocument': method(
    () => z.object({ id }),
    () => z.object({ html: z.string() }),
    query(printed('meeting.printAgenda', 'meeting')),
  ),
  /**
   * The invitation as letters: one sheet to the patient and, for a patient under 18, one to each guardian the rules
   * name (from 16 only with the young person's consent). `recipients` says who and why; `warnings` what is missing.
   */
  'meetings.getInvitationLetters': method(
    () => z.object({ id }),
    () => z.object({ html: z.string(), recipients: z.array(z.object({ name: z.string(), reason: z.string() })), warnings: z.array(z.string()) }),
    query(printed('meeting.printInvitation', 'meeting')),
  ),
  'meetings.getMinutesDocument': method(
    () => z.object({ id, version: z.number().int().positive().optional() }),
    () => z.object({ html: z.string() }),
    query(printed('meeting.printMinutes', 'meeting')),
  ),
  /** Saves the working draft; when the newest version is finalized this starts a new version (the old is kept). */
  'meetings.saveMinutes': method(
    () =>
      z.object({
        id,
        notes: z.array(z.object({ agendaItemId: id, note: optionalText(5000) })).max(60),
        decisions: optionalText(10_000).default(''),
        actionItems: z.array(actionInputItem).max(60).default([]),
        /** The row version of the draft the editor loaded, 0 when it loaded none; a newer draft refuses the save. */
        draftVersion: z.number({ error: 'Ugyldig versjon' }).int().min(0).max(2_147_483_647).optional(),
      }),
    () => z.object({ version: z.number(), status: z.enum(['draft', 'final']), rowVersion: z.number() }),
    write(),
  ),
  'meetings.finalizeMinutes': method(
    () => z.object({ id }),
    () => z.object({ version: z.number() }),
    write(),
  ),
  'meetings.setActionItemDone': method(
    () => z.object({ actionItemId: id, done: z.boolean() }),
    () => z.object({ id: z.number(), done: z.boolean() }),
    write(),
  ),
  /** The meeting as an .ics file (RFC 5545): stable UID, current SEQUENCE, METHOD:CANCEL when cancelled. */
  'meetings.getIcs': method(
    () => z.object({ id }),
    () => z.object({ filename: z.string(), text: z.string() }),
    query(exported('meeting.exportIcs', 'meeting')),
  ),
  'meetings.getSettings': method(
    () => z.object({}).optional(),
    () => meetingSettingsSchema,
    query(),
  ),
  'meetings.saveTemplate': method(
    () => z.object({ kind: meetingKindSchema, items: z.array(z.string().max(200)).max(40) }),
    () => z.object({ kind: meetingKindSchema, items: z.array(z.string()) }),
    write(),
  ),
  'meetings.resetTemplate': method(
    () => z.object({ kind: meetingKindSchema }),
    () => z.object({ kind: meetingKindSchema, items: z.array(z.string()) }),
    write(),
  ),
  'meetings.savePrintPrivacy': method(
    () => z.object({ printPrivacy: z.enum(PATIENT_PRINT_PRIVACY) }),
    () => z.object({ printPrivacy: z.enum(PATIENT_PRINT_PRIVACY) }),
    write(),
  ),
};
