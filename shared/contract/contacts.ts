import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, exported, writes, query } from './method';
import { id, municipalityNumber, optionalText, requiredText, rowVersion } from './fields';
import { CONTACT_ROLES } from '../domain/contact-roles';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
const write = writes([]);

export const contactRoleSchema = lazySchema(() => z.enum(CONTACT_ROLES as [string, ...string[]], { error: 'Velg en rolle' }));

const contactEmail = lazySchema(() =>
  z
    .string()
    .max(200, { message: 'E-postadressen er for lang' })
    .transform((s) => s.trim())
    .refine((s) => s === '' || /^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:]+\.[^\s@"<>()[\]\\,;:.]{2,}$/.test(s), {
      message: 'Skriv e-postadressen som navn@eksempel.no',
    }),
);

const contactPhone = lazySchema(() =>
  z
    .string()
    .max(30, { message: 'Telefonnummeret er for langt' })
    .transform((s) => s.trim())
    .refine((s) => s === '' || /^\+?[0-9 ]{3,20}$/.test(s), { message: 'Telefonnummeret kan bare inneholde sifre, mellomrom og +' }),
);

export const contactInputSchema = lazySchema(() =>
  z.object({
    id: id.optional(),
    name: requiredText('Navn', 120),
    role: contactRoleSchema,
    organisation: optionalText(160).default(''),
    municipalityNumber: municipalityNumber.default(''),
    phone: contactPhone.default(''),
    email: contactEmail.default(''),
    /** Postal address for letters (street or PO box line, postnummer, poststed). */
    address: optionalText(200).default(''),
    postalCode: z
      .string()
      .transform((s) => s.trim())
      .refine((s) => s === '' || /^\d{4}$/.test(s), { message: 'Postnummer har fire sifre' })
      .default(''),
    postalPlace: optionalText(80).default(''),
    /** The contact's row version the form loaded (Contact.version); a newer one refuses the save. */
    version: rowVersion.optional(),
  }),
);
export type ContactInput = z.input<typeof contactInputSchema>;

export const contactSchema = lazySchema(() =>
  z.object({
    id: z.number(),
    name: z.string(),
    role: z.string(),
    organisation: z.string(),
    municipalityNumber: z.string(),
    municipalityName: z.string().nullable(),
    phone: z.string(),
    email: z.string(),
    address: z.string(),
    postalCode: z.string(),
    postalPlace: z.string(),
    /** Row version (optimistic concurrency): an edit sends it back. */
    version: z.number(),
  }),
);
export type Contact = z.infer<typeof contactSchema>;

/** Someone who took part in one of the patient's earlier meetings, not necessarily in the directory. */
export const previousParticipantSchema = lazySchema(() =>
  z.object({
    contactId: z.number().nullable(),
    name: z.string(),
    role: z.string(),
    organisation: z.string(),
    email: z.string(),
    phone: z.string(),
    lastMeetingAt: z.string(),
  }),
);

export const contactsContract = {
  /** Find-as-you-type over name and organisation words (prefix per word), optionally by role and municipality. */
  'contacts.list': method(
    () =>
      z.object({
        search: z.string().max(100).default(''),
        role: contactRoleSchema.optional(),
        municipalityNumber: z
          .string()
          .regex(/^\d{4}$/)
          .optional(),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    () => z.object({ rows: z.array(contactSchema), total: z.number() }),
    query(),
  ),
  'contacts.get': method(
    () => z.object({ id }),
    () => contactSchema,
    query(),
  ),
  'contacts.save': method(
    () => contactInputSchema,
    () => contactSchema,
    write(),
  ),
  'contacts.delete': method(
    () => z.object({ id }),
    () => z.object({ id: z.number() }),
    write(),
  ),
  /** All-or-nothing: when any row cannot be read nothing is imported and every problem is reported by line. */
  'contacts.importCsv': method(
    () => z.object({ text: z.string().max(5_000_000, { message: 'Filen er for stor (maks 5 MB)' }) }),
    () =>
      z.object({
        imported: z.number(),
        /** Rows identical to a contact already in the directory (re-importing an export changes nothing). */
        skipped: z.number(),
        errors: z.array(z.object({ line: z.number(), message: z.string() })),
      }),
    write(),
  ),
  'contacts.getCsv': method(
    () => z.object({}).optional(),
    () => z.object({ filename: z.string(), csv: z.string(), count: z.number() }),
    query(exported('contacts.export', 'contact')),
  ),
  /** The patient's contacts: GP (from the patient record), the municipality's contacts, earlier participants. */
  'contacts.listForPatient': method(
    () => z.object({ patientId: id }),
    () =>
      z.object({
        gpName: z.string(),
        municipalityNumber: z.string(),
        municipalityName: z.string().nullable(),
        municipal: z.array(contactSchema),
        previous: z.array(previousParticipantSchema),
      }),
    query(),
  ),
};
