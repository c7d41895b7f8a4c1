import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, writes, opened, query } from './method';
import { isoDate, municipalityNumber, optionalText, PATHWAYS_START, phone, requiredText } from './fields';
import { PATHWAY_TYPE_IDS, SETTING_IDS } from '../domain/pathway-types';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
const write = writes(['worklist', 'overview', 'report', 'patients', 'pathways', 'contacts', 'registration', 'readmissions']);

export const newPatientSchema = lazySchema(() =>
  z.object({
    name: requiredText('Navn', 120),
    nationalId: z
      .string({ error: 'Fødselsnummer må fylles ut' })
      .max(20, { message: 'Fødselsnummeret må ha 11 sifre' })
      .transform((s) => s.replace(/\s/g, '')),
    birthDate: isoDate('Fødselsdato'),
    phone,
    address: optionalText(200),
    postalCode: z
      .string()
      .transform((s) => s.trim())
      .refine((s) => s === '' || /^\d{4}$/.test(s), { message: 'Postnummer har fire sifre' }),
    postalPlace: optionalText(80),
    municipalityNumber,
    gpName: optionalText(120),
  }),
);

export const newPathwaySchema = lazySchema(() =>
  z.object({
    pathwayType: z.enum(PATHWAY_TYPE_IDS, { error: 'Velg forløpstype' }),
    setting: z.enum(SETTING_IDS, { error: 'Velg poliklinikk eller døgn' }),
    referralReceived: isoDate('Henvisning mottatt', { min: PATHWAYS_START }),
    referralAssessed: isoDate('Henvisning vurdert', { min: PATHWAYS_START }).nullable(),
    /**
     * 'internal_transfer': to an OCD or psychosis team, or D12 → D11 — already assessed by the sending team, so
     * no new legal 10-working-day deadline; the pathway time runs from this team's receipt (referralReceived).
     */
    intake: z.enum(['referral', 'internal_transfer']).default('referral'),
  }),
);

/**
 * When the national id is already registered with other details: which to keep. Without a choice the referral is
 * refused with code 'conflict' and one issue per differing field (path patient.<field>, no values); referrals.compare shows both.
 */
export const KEEP_CHOICES = ['stored', 'given'] as const;

export const referralInputSchema = lazySchema(() =>
  z.object({
    patient: newPatientSchema,
    pathway: newPathwaySchema,
    keep: z.enum(KEEP_CHOICES, { error: 'Velg hvilke opplysninger som skal gjelde' }).nullable().default(null),
  }),
);

/** Patient details a referral carries and the register keeps, in the order they are shown. */
export const COMPARED_FIELDS = ['name', 'birthDate', 'phone', 'address', 'postalCode', 'postalPlace', 'municipalityNumber', 'gpName'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];
export const COMPARED_FIELD_LABELS: Record<ComparedField, string> = {
  name: 'Navn',
  birthDate: 'Fødselsdato',
  phone: 'Telefon',
  address: 'Adresse',
  postalCode: 'Postnummer',
  postalPlace: 'Poststed',
  municipalityNumber: 'Kommune',
  gpName: 'Fastlege',
};
export type ReferralInput = z.input<typeof referralInputSchema>;

export const referralsContract = {
  'referrals.create': method(
    () => referralInputSchema,
    () => z.object({ patientId: z.number(), pathwayId: z.number(), patientExisted: z.boolean() }),
    write(),
  ),
  /**
   * For a referral whose national id is already registered: the stored details next to the given ones, for the
   * fields that differ (empty when none do, or when the id is new). Opening the stored details is logged.
   */
  'referrals.compare': method(
    () => z.object({ patient: newPatientSchema }),
    () =>
      z.object({
        patientId: z.number().nullable(),
        differences: z.array(z.object({ field: z.enum(COMPARED_FIELDS), label: z.string(), stored: z.string(), given: z.string() })),
      }),
    query(opened('patient.compare', 'patient')),
  ),
};
