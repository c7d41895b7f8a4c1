import { z } from './zod-nb';
import { method, opened, query, revealed } from './method';
import { id } from './fields';
import { PATHWAY_TYPE_IDS, SETTING_IDS } from '../domain/pathway-types';

export const PATHWAY_STATUSES = ['open', 'own_clinician', 'ended'] as const;

export const pathwaySchema = z.object({
  id: z.number(),
  pathwayType: z.enum(PATHWAY_TYPE_IDS),
  setting: z.enum(SETTING_IDS),
  referralReceived: z.string(),
  referralAssessed: z.string().nullable(),
  status: z.enum(PATHWAY_STATUSES),
  createdAt: z.string(),
});
export type Pathway = z.infer<typeof pathwaySchema>;

export const patientSchema = z.object({
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
});
export type Patient = z.infer<typeof patientSchema>;

export const patientsContract = {
  'patients.get': method(
    z.object({ id }),
    z.object({ patient: patientSchema, pathways: z.array(pathwaySchema) }),
    query(opened('patient.open', 'patient')),
  ),
  /** The full national id is shown only on request, and the request is logged. */
  'patients.revealNationalId': method(z.object({ id }), z.object({ nationalId: z.string() }), query(revealed('patient.revealNationalId', 'patient'))),
};
