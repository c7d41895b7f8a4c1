import { z } from './zod-nb';
import { method, mutation } from './method';
import { isoDate, municipalityNumber, optionalText, phone, requiredText } from './fields';
import { PATHWAY_TYPE_IDS, SETTING_IDS } from '../domain/pathway-types';

export const newPatientSchema = z.object({
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
});

export const newPathwaySchema = z.object({
  pathwayType: z.enum(PATHWAY_TYPE_IDS, { error: 'Velg forløpstype' }),
  setting: z.enum(SETTING_IDS, { error: 'Velg poliklinikk eller døgn' }),
  referralReceived: isoDate('Henvisning mottatt'),
  referralAssessed: isoDate('Henvisning vurdert').nullable(),
  /**
   * 'internal_transfer': to an OCD or psychosis team, or D12 → D11 — already assessed by the sending team, so
   * no new legal 10-working-day deadline; the pathway time runs from this team's receipt (referralReceived).
   */
  intake: z.enum(['referral', 'internal_transfer']).default('referral'),
});

export const referralInputSchema = z.object({ patient: newPatientSchema, pathway: newPathwaySchema });
export type ReferralInput = z.input<typeof referralInputSchema>;

export const referralsContract = {
  'referrals.create': method(
    referralInputSchema,
    z.object({ patientId: z.number(), pathwayId: z.number(), patientExisted: z.boolean() }),
    mutation(),
  ),
};
