import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { isIsoDate } from '../domain/iso-date';

/** The widest window any date field accepts: no year 0000 or 9999 anywhere. */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2099-12-31';

const formatDay = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * Shared date field (yyyy-MM-dd), with the Norwegian texts shown next to the field. Every date lies in
 * 1900–2099; a field with a narrower window passes `min`/`max` (a window that needs today's date, such as
 * "not in the future", is checked in the service, which has the clock).
 */
export const isoDate = (label = 'Dato', window: { min?: string; max?: string } = {}) => {
  const min = window.min ?? DATE_MIN;
  const max = window.max ?? DATE_MAX;
  return z
    .string({ error: `${label} mangler` })
    .refine(isIsoDate, { message: `${label} må være en gyldig dato (dd.mm.åååå)` })
    .refine((s) => !isIsoDate(s) || s >= min, { message: `${label} kan ikke være før ${formatDay(min)}` })
    .refine((s) => !isIsoDate(s) || s <= max, { message: `${label} kan ikke være etter ${formatDay(max)}` });
};

/** The pathways (pakkeforløp for psykisk helse og rus) started in 2019: no referral predates them. */
export const PATHWAYS_START = '2019-01-01';

/**
 * Characters no text field keeps: C0 controls (NUL, ESC …) but tab and line breaks, DEL, C1 controls, and
 * the bidirectional overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069) that can make a
 * name read differently from what is stored.
 */
// oxlint-disable-next-line no-control-regex -- matching control characters is the point: they are stripped from input
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAKS = /[\t\r\n\u2028\u2029]+/g;

/**
 * Removes the characters above. Texts up to 300 characters are single-line fields (names, places, titles):
 * tabs and line breaks become one space. Longer ones (notes, reasons, decisions) keep their line breaks.
 */
export function cleanText(s: string, max: number, multiline = max > 300): string {
  const kept = s.replace(INVISIBLE, '');
  return (multiline ? kept : kept.replace(LINE_BREAKS, ' ')).trim();
}

/** `multiline` keeps line breaks in a short text that is written on several lines (a postal address). */
export const optionalText = (max: number, opts: { multiline?: boolean } = {}) =>
  z
    .string()
    .max(max, { message: `Teksten kan ikke være lengre enn ${max} tegn` })
    .transform((s) => cleanText(s, max, opts.multiline ?? max > 300));

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} må fylles ut` })
    .max(max, { message: `${label} kan ikke være lengre enn ${max} tegn` })
    .transform((s) => cleanText(s, max))
    .refine((s) => s.length > 0, { message: `${label} må fylles ut` });

export const id = lazySchema(() => z.number({ error: 'Ugyldig id' }).int().positive().max(Number.MAX_SAFE_INTEGER));

export const phone = lazySchema(() =>
  z
    .string()
    .max(30, { message: 'Telefonnummeret er for langt' })
    .transform((s) => s.trim())
    .refine((s) => s === '' || /^\+?[0-9 ]{8,20}$/.test(s), {
      message: 'Telefonnummeret kan bare inneholde sifre, mellomrom og +',
    }),
);

export const municipalityNumber = lazySchema(() =>
  z
    .string()
    .transform((s) => s.trim())
    .refine((s) => s === '' || /^\d{4}$/.test(s), { message: 'Kommunenummer har fire sifre' }),
);

export const postalCode = lazySchema(() =>
  z
    .string()
    .transform((s) => s.trim())
    .refine((s) => s === '' || /^\d{4}$/.test(s), { message: 'Postnummer har fire sifre' }),
);

/** A record's row version as loaded (optimistic concurrency, migration 0361). */
export const rowVersion = lazySchema(() => z.number({ error: 'Ugyldig versjon' }).int().min(1).max(2_147_483_647));
