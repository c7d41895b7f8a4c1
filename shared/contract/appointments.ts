import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, writes, query } from './method';
import { id, isoDate, optionalText, requiredText, rowVersion } from './fields';
import { isClockTime } from '../domain/time';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
const write = writes(['noShow', 'worklist', 'overview', 'report', 'meetings', 'breach', 'referrer', 'pathwayCare', 'evaluations']);

export const APPOINTMENT_KINDS = ['first_attendance', 'assessment', 'evaluation', 'other'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export const APPOINTMENT_STATUSES = ['booked', 'attended', 'no_show', 'cancelled_patient', 'cancelled_service'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const APPOINTMENT_KIND_LABELS: Record<AppointmentKind, string> = {
  first_attendance: 'Første fremmøte',
  assessment: 'Utredning',
  evaluation: 'Evaluering',
  other: 'Annet',
};

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: 'Avtalt',
  attended: 'Møtt',
  no_show: 'Ikke møtt',
  cancelled_patient: 'Avlyst av pasient',
  cancelled_service: 'Avlyst av behandler',
};

export const time = (label = 'Klokkeslett') =>
  z.string({ error: `${label} mangler` }).refine(isClockTime, { message: `${label} må skrives tt:mm, for eksempel 09:30` });

export const appointmentHistorySchema = lazySchema(() =>
  z.object({
    fromStatus: z.enum(APPOINTMENT_STATUSES),
    toStatus: z.enum(APPOINTMENT_STATUSES),
    reason: z.string(),
    byName: z.string(),
    at: z.string(),
  }),
);

export const appointmentSchema = lazySchema(() =>
  z.object({
    id: z.number(),
    patientId: z.number(),
    pathwayId: z.number().nullable(),
    kind: z.enum(APPOINTMENT_KINDS),
    startAt: z.string(),
    /** Oslo date and time of startAt, as booked. */
    date: z.string(),
    time: z.string(),
    durationMinutes: z.number(),
    place: z.string(),
    clinician: z.string(),
    status: z.enum(APPOINTMENT_STATUSES),
    history: z.array(appointmentHistorySchema),
    /** The follow-up case this appointment's no-show opened (open or not), if any. */
    noShowCaseId: z.number().nullable(),
    /** Row version (optimistic concurrency): a correction sends it back. */
    version: z.number(),
  }),
);
export type Appointment = z.infer<typeof appointmentSchema>;

export const bookAppointmentSchema = lazySchema(() =>
  z.object({
    patientId: id,
    pathwayId: id.nullable().default(null),
    kind: z.enum(APPOINTMENT_KINDS, { error: 'Velg type time' }),
    date: isoDate('Dato'),
    time: time(),
    durationMinutes: z
      .number({ error: 'Varighet må være et tall' })
      .int({ message: 'Varighet må være hele minutter' })
      .min(5, { message: 'Varighet må være minst 5 minutter' })
      .max(600, { message: 'Varighet kan ikke være mer enn 600 minutter' }),
    place: optionalText(160),
    clinician: optionalText(120),
    /** Booking the new time of a no-show case closes that case as "ny time avtalt" in the same step. */
    noShowCaseId: id.nullable().default(null),
  }),
);
export type BookAppointmentInput = z.input<typeof bookAppointmentSchema>;

export const postponedSuggestionSchema = lazySchema(() =>
  z.object({
    appointmentId: z.number(),
    pathwayId: z.number(),
    cause: z.enum(['no_show', 'cancelled_patient']),
    plannedDate: z.string(),
    newDate: z.string().nullable(),
    workingDays: z.number(),
  }),
);
export type PostponedSuggestion = z.infer<typeof postponedSuggestionSchema>;
/**
 * Moves or corrects a time: date, time, duration, place, clinician, with a reason (kept in the history). A booked
 * time may move anywhere; an attended one may be corrected into the past only, and its first attendance follows.
 */
export const updateAppointmentSchema = lazySchema(() =>
  z.object({
    id,
    date: isoDate('Dato'),
    time: time(),
    durationMinutes: bookAppointmentSchema.shape.durationMinutes,
    place: optionalText(160),
    clinician: optionalText(120),
    reason: requiredText('Begrunnelse', 500),
    /** The appointment's row version the form loaded (Appointment.version); a newer one refuses the correction. */
    version: rowVersion.optional(),
  }),
);

export const SETTABLE_STATUSES = ['attended', 'no_show', 'cancelled_patient', 'cancelled_service'] as const;

export const appointmentsContract = {
  /**
   * The patient's appointments, and the missed or patient-cancelled ones that suggest pasientutsatt (L): the
   * new date more than 7 working days after the planned one (or, with no new date yet, today).
   */
  'appointments.list': method(
    () => z.object({ patientId: id }),
    () => z.object({ appointments: z.array(appointmentSchema), postponedSuggestions: z.array(postponedSuggestionSchema) }),
    query(),
  ),
  'appointments.book': method(
    () => bookAppointmentSchema,
    () => appointmentSchema,
    write(),
  ),
  /** Attended (records first attendance), no-show (opens a follow-up case) or cancelled. Only from "avtalt". */
  'appointments.setStatus': method(
    () => z.object({ id, status: z.enum(SETTABLE_STATUSES, { error: 'Velg status' }), version: rowVersion.optional() }),
    () => z.object({ appointment: appointmentSchema, noShowCaseId: z.number().nullable(), firstAttendanceRecorded: z.boolean() }),
    write(),
  ),
  'appointments.update': method(
    () => updateAppointmentSchema,
    () => appointmentSchema,
    write(),
  ),
  /** A no-show registered by mistake: back to "avtalt", the case withdrawn; the reason stays in the history. */
  'appointments.undoNoShow': method(
    () => z.object({ id, reason: requiredText('Begrunnelse', 500), version: rowVersion.optional() }),
    () => appointmentSchema,
    write(),
  ),
};
