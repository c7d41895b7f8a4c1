import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { isoDate } from './fields';

/** Field schemas shared by the coordination records (referrer, guardians, patient contacts, breach). */
export const postalCode = lazySchema(() =>
  z
    .string()
    .max(10, { message: 'Postnummer har fire sifre' })
    .transform((s) => s.trim())
    .refine((s) => s === '' || /^\d{4}$/.test(s), { message: 'Postnummer har fire sifre' }),
);

export const optionalDate = (label: string) => isoDate(label).nullable();

export const CONSENT_STATES = ['unknown', 'given', 'refused'] as const;
export const consentSchema = lazySchema(() => z.enum(CONSENT_STATES, { error: 'Velg samtykke' }));
export const CONSENT_LABELS: Record<(typeof CONSENT_STATES)[number], string> = {
  unknown: 'Ikke avklart',
  given: 'Samtykke gitt',
  refused: 'Ønsker ikke',
};
