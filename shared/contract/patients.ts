import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, writes, opened, query, revealed, searched } from './method';
import { id, municipalityNumber, optionalText, phone, postalCode, requiredText, rowVersion } from './fields';
import { PATHWAY_TYPE_IDS, SETTING_IDS } from '../domain/pathway-types';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
const write = writes(['worklist', 'noShow', 'appointments', 'meetings', 'plans', 'registration']);

export const PATHWAY_STATUSES = ['open', 'own_clinician', 'ended'] as const;

export const pathwaySchema = lazySchema(() =>
  z.object({
    id: z.number(),
    pathwayType: z.enum(PATHWAY_TYPE_IDS),
    setting: z.enum(SETTING_IDS),
    referralReceived: z.string(),
    referralAssessed: z.string().nullable(),
    status: z.enum(PATHWAY_STATUSES),
    createdAt: z.string(),
  }),
);
export type Pathway = z.infer<typeof pathwaySchema>;

export const patientSchema = lazySchema(() =>
  z.object({
    id: z.number(),
    name: z.string(),
    nationalIdMasked: z.string(),
    nationalIdKind: z.enum(['fnr', 'dnr', 'hnr']),
    synthetic: z.boolean(),
    birthDate: z.string(),
    phone: z.string(),
    address: z.string(),
    postalCode: z.string(),
    postalPlace: z.string(),
    municipalityNumber: z.string(),
    municipalityName: z.string().nullable(),
    gpName: z.string(),
    /** Row version (optimistic concurrency): patients.update sends it back. */
    version: z.number(),
  }),
);
export type Patient = z.infer<typeof patientSchema>;

/** "Endre pasient": the details a coordinator may correct (the national id and birth date are not among them). */
export const patientUpdateSchema = lazySchema(() =>
  z.object({
    id,
    name: requiredText('Navn', 120),
    phone,
    address: optionalText(200),
    postalCode,
    /** Empty: filled in from the postnummer when it is known. */
    postalPlace: optionalText(80),
    municipalityNumber,
    gpName: optionalText(120),
    /** The row version the form loaded; a newer one on the server refuses the save (no lost update). */
    version: rowVersion.optional(),
  }),
);
export type PatientUpdate = z.input<typeof patientUpdateSchema>;

export const patientSearchRowSchema = lazySchema(() =>
  z.object({
    patientId: z.number(),
    name: z.string(),
    nationalIdMasked: z.string(),
    synthetic: z.boolean(),
    birthDate: z.string(),
    /** Open pathways now; 0 = the patient has left the worklist. */
    openPathways: z.number(),
    /** The latest pathway's status and, when closed, the day it closed. */
    latestStatus: z.enum(PATHWAY_STATUSES).nullable(),
    closedOn: z.string().nullable(),
  }),
);
export type PatientSearchRow = z.infer<typeof patientSearchRowSchema>;

export const patientsContract = {
  'patients.get': method(
    () => z.object({ id }),
    () => z.object({ patient: patientSchema, pathways: z.array(pathwaySchema) }),
    query(opened('patient.open', 'patient')),
  ),
  /** The full national id is shown only on request, and the request is logged. */
  'patients.revealNationalId': method(
    () => z.object({ id }),
    () => z.object({ nationalId: z.string() }),
    query(revealed('patient.revealNationalId', 'patient')),
  ),
  /** Corrects a patient's name, phone, address, municipality and GP; logged (never the values). */
  'patients.update': method(
    () => patientUpdateSchema,
    () => z.object({ patient: patientSchema }),
    write(),
  ),
  /**
   * Finds any patient by name words or a national-id prefix — with includeClosed also those who left the worklist
   * (an access request, undoing a mistaken hand-over, a call-back). Logged as a search, never what was searched.
   */
  'patients.search': method(
    () =>
      z.object({
        query: z
          .string({ error: 'Skriv navn eller fødselsnummer' })
          .max(100, { message: 'Søket er for langt' })
          .transform((s) => s.trim())
          .refine((s) => s.length >= 2, { message: 'Skriv minst to tegn' }),
        includeClosed: z.boolean().default(false),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    () => z.object({ rows: z.array(patientSearchRowSchema) }),
    query(searched('patient.search', 'patient')),
  ),
};
