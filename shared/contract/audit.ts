import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, exported, printed, query } from './method';
import { id, isoDate } from './fields';

/** One audit entry as the viewer shows it: who, when, what, which record. Never content. */
export const auditEntrySchema = lazySchema(() =>
  z.object({
    id: z.number(),
    at: z.string(),
    actor: z.string(),
    osUser: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.number().nullable(),
    patientId: z.number().nullable(),
    /** The login's own name today (person_profile), '' when they have given none; beside the login in the viewer. */
    personName: z.string(),
  }),
);
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

/** A period in Oslo calendar dates, both ends included. */
const period = () => ({
  from: isoDate('Fra-dato').optional(),
  to: isoDate('Til-dato').optional(),
});

export const auditListQuerySchema = lazySchema(() =>
  z.object({
    patientId: id.optional(),
    ...period(),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  }),
);
export type AuditListQuery = z.input<typeof auditListQuerySchema>;

export const auditPatientExportSchema = lazySchema(() => z.object({ patientId: id, ...period() }));

export const auditVerifySchema = lazySchema(() =>
  z.object({
    ok: z.boolean(),
    /** How many entries this run checked (an incremental run: those since the last verified anchor). */
    checked: z.number(),
    /** Entries in the log. */
    total: z.number(),
    /** Whether the whole chain was walked from the first entry. */
    full: z.boolean(),
    /** The first bad position (log id): edited, forged or inserted entry, or the first missing one. */
    brokenAt: z.number().nullable(),
    problem: z.enum(['link', 'missing', 'dropped', 'anchor', 'guard']).nullable(),
    /** What is wrong, in Norwegian; null when the chain holds. */
    message: z.string().nullable(),
  }),
);

/** The moved history's check against the team chain's pin (audit-imported.ts); null when nothing was moved. */
export const auditImportedCheckSchema = lazySchema(() => z.object({ ok: z.boolean(), entries: z.number(), message: z.string() }));

export const auditContract = {
  'audit.verify': method(
    () => z.object({ full: z.boolean().optional() }).optional(),
    () => auditVerifySchema,
    query(),
  ),
  'audit.list': method(
    () => auditListQuerySchema,
    () => z.object({ entries: z.array(auditEntrySchema), total: z.number() }),
    query(),
  ),
  /** The audit history moved in from a local database (team:move), newest first; read only. */
  'audit.listImported': method(
    () => z.object({ offset: z.number().int().min(0).max(10_000_000).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    () => z.object({ entries: z.array(auditEntrySchema), total: z.number() }),
    query(),
  ),
  'audit.verifyImported': method(
    () => z.object({}).optional(),
    () => auditImportedCheckSchema.nullable(),
    query(),
  ),
  'audit.exportCsv': method(
    () => auditPatientExportSchema,
    () => z.object({ csv: z.string(), fileName: z.string() }),
    query(exported('audit.exportCsv', 'audit')),
  ),
  'audit.printPatient': method(
    () => auditPatientExportSchema,
    () => z.object({ html: z.string() }),
    query(printed('audit.print', 'audit')),
  ),
};
