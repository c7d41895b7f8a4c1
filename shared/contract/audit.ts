import { z } from './zod-nb';
import { method, exported, printed, query } from './method';
import { id, isoDate } from './fields';

/** One audit entry as the viewer shows it: who, when, what, which record. Never content. */
export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  osUser: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().nullable(),
  patientId: z.number().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

/** A period in Oslo calendar dates, both ends included. */
const period = {
  from: isoDate('Fra-dato').optional(),
  to: isoDate('Til-dato').optional(),
};

export const auditListQuerySchema = z.object({
  patientId: id.optional(),
  ...period,
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type AuditListQuery = z.input<typeof auditListQuerySchema>;

export const auditPatientExportSchema = z.object({ patientId: id, ...period });

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  /** How many entries were checked. */
  checked: z.number(),
  /** The id of the first entry whose link is broken (edited, inserted or the one after a removed entry). */
  brokenAt: z.number().nullable(),
});

export const auditContract = {
  'audit.verify': method(z.object({}).optional(), auditVerifySchema, query()),
  'audit.list': method(auditListQuerySchema, z.object({ entries: z.array(auditEntrySchema), total: z.number() }), query()),
  'audit.exportCsv': method(auditPatientExportSchema, z.object({ csv: z.string(), fileName: z.string() }), query(exported('audit.exportCsv', 'audit'))),
  'audit.printPatient': method(auditPatientExportSchema, z.object({ html: z.string() }), query(printed('audit.print', 'audit'))),
};
