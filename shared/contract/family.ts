import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, writes, query } from './method';
import { id, optionalText, phone, requiredText } from './fields';
import { consentSchema, optionalDate, postalCode } from './coordination-fields';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
const write = writes([]);

export const GUARDIAN_RELATIONS = ['mother', 'father', 'guardian', 'other'] as const;
export const GUARDIAN_RELATION_LABELS: Record<(typeof GUARDIAN_RELATIONS)[number], string> = {
  mother: 'Mor',
  father: 'Far',
  guardian: 'Verge',
  other: 'Annen',
};

export const guardianInputSchema = lazySchema(() =>
  z.object({
    id: id.optional(),
    patientId: id,
    name: requiredText('Navn', 120),
    relation: z.enum(GUARDIAN_RELATIONS, { error: 'Velg relasjon' }),
    parentalResponsibility: z.boolean({ error: 'Oppgi foreldreansvar' }),
    address: optionalText(200).default(''),
    postalCode: postalCode.default(''),
    postalPlace: optionalText(80).default(''),
    phone: phone.default(''),
    consent: consentSchema.default('unknown'),
    consentOn: optionalDate('Samtykkedato').default(null),
  }),
);

export const guardianSchema = lazySchema(() =>
  z.object({
    id: z.number(),
    name: z.string(),
    relation: z.enum(GUARDIAN_RELATIONS),
    parentalResponsibility: z.boolean(),
    address: z.string(),
    postalCode: z.string(),
    postalPlace: z.string(),
    phone: z.string(),
    consent: consentSchema,
    consentOn: z.string().nullable(),
    /** Whether letters and invitations go to this person today, and why (shared/domain/guardian-recipients.ts). */
    receivesLetters: z.boolean(),
    reason: z.string(),
  }),
);
export type Guardian = z.infer<typeof guardianSchema>;

export const PATIENT_CONTACT_KINDS = ['municipal', 'relative', 'other'] as const;
export const PATIENT_CONTACT_KIND_LABELS: Record<(typeof PATIENT_CONTACT_KINDS)[number], string> = {
  municipal: 'Kommunal kontakt',
  relative: 'Pårørende',
  other: 'Annen',
};

export const patientContactInputSchema = lazySchema(() =>
  z.object({
    id: id.optional(),
    patientId: id,
    kind: z.enum(PATIENT_CONTACT_KINDS, { error: 'Velg type kontakt' }),
    name: requiredText('Navn', 120),
    relation: optionalText(80).default(''),
    organisation: optionalText(160).default(''),
    phone: phone.default(''),
    namedInReferral: z.boolean().default(false),
    contactedOn: optionalDate('Kontaktet dato').default(null),
    consent: consentSchema.default('unknown'),
    consentOn: optionalDate('Samtykkedato').default(null),
  }),
);

export const patientContactSchema = lazySchema(() =>
  z.object({
    id: z.number(),
    kind: z.enum(PATIENT_CONTACT_KINDS),
    name: z.string(),
    relation: z.string(),
    organisation: z.string(),
    phone: z.string(),
    namedInReferral: z.boolean(),
    contactedOn: z.string().nullable(),
    consent: consentSchema,
    consentOn: z.string().nullable(),
  }),
);
export type PatientContact = z.infer<typeof patientContactSchema>;

export const guardiansContract = {
  /** Guardians of the patient, each with whether letters go to them today, and whether the patient gets them. */
  'guardians.list': method(
    () => z.object({ patientId: id }),
    () => z.object({ age: z.number(), ageBand: z.string(), patientReceivesLetters: z.boolean(), patientReason: z.string(), rows: z.array(guardianSchema) }),
    query(),
  ),
  'guardians.save': method(
    () => guardianInputSchema,
    () => z.object({ id: z.number() }),
    write(),
  ),
  'guardians.delete': method(
    () => z.object({ id }),
    () => z.object({ id: z.number() }),
    write(),
  ),
};

export const patientContactsContract = {
  /** The patient's own contacts, and the latest date the municipality was contacted. */
  'patientContacts.list': method(
    () => z.object({ patientId: id }),
    () => z.object({ rows: z.array(patientContactSchema), municipalityContactedOn: z.string().nullable() }),
    query(),
  ),
  'patientContacts.save': method(
    () => patientContactInputSchema,
    () => z.object({ id: z.number() }),
    write(),
  ),
  'patientContacts.delete': method(
    () => z.object({ id }),
    () => z.object({ id: z.number() }),
    write(),
  ),
};
