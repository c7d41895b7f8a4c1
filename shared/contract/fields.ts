import { z } from './zod-nb';
import { isIsoDate } from '../domain/iso-date';

/** Shared field schemas, with the Norwegian texts shown next to the field. */
export const isoDate = (label = 'Dato') =>
  z
    .string({ error: `${label} mangler` })
    .refine(isIsoDate, { message: `${label} må være en gyldig dato (dd.mm.åååå)` });

export const optionalText = (max: number) =>
  z
    .string()
    .max(max, { message: `Teksten kan ikke være lengre enn ${max} tegn` })
    .transform((s) => s.trim());

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} må fylles ut` })
    .max(max, { message: `${label} kan ikke være lengre enn ${max} tegn` })
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, { message: `${label} må fylles ut` });

export const id = z.number({ error: 'Ugyldig id' }).int().positive().max(Number.MAX_SAFE_INTEGER);

export const phone = z
  .string()
  .max(30, { message: 'Telefonnummeret er for langt' })
  .transform((s) => s.trim())
  .refine((s) => s === '' || /^\+?[0-9 ]{8,20}$/.test(s), {
    message: 'Telefonnummeret kan bare inneholde sifre, mellomrom og +',
  });

export const municipalityNumber = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => s === '' || /^\d{4}$/.test(s), { message: 'Kommunenummer har fire sifre' });

export const postalCode = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => s === '' || /^\d{4}$/.test(s), { message: 'Postnummer har fire sifre' });
