import type { z } from 'zod';
import { formatDate, formatDateTimeSeconds, osloDayEndUtc, osloDayStartUtc, todayInOslo } from '../../../shared/domain/time';
import { AppError } from '../../../shared/contract/envelope';
import type { auditListQuerySchema, auditPatientExportSchema, AuditEntryView } from '../../../shared/contract/audit';
import { auditActionLabel, auditEntityLabel, csvSafeCell } from '../../../shared/domain/audit-log';
import { toCsv } from '../../../shared/domain/csv';
import { printDocument } from '../../../shared/print/document';
import { esc } from '../../../shared/print/escape';
import { auditRead } from '../audit-read';
import type { TrustRuntime } from '../trust-runtime';
import { requireTrust } from './trust-deps';
import type { AuditLogTable } from '../db/schema';
import type { ServiceContext } from './context';
import type { Selectable } from 'kysely';
import { letterheadOf } from '../people';
import { personNames } from '../people';
import { checkImported } from '../audit-imported';

type ListQuery = z.output<typeof auditListQuerySchema>;
type PatientQuery = z.output<typeof auditPatientExportSchema>;

function toEntry(r: Selectable<AuditLogTable>, nameOf: (login: string) => string): AuditEntryView {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    osUser: r.os_user,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    patientId: r.patient_id,
    personName: nameOf(r.os_user),
  };
}

export function createAuditService(ctx: ServiceContext, trust?: TrustRuntime) {
  /** Entries in a period (Oslo dates, both ends included), newest first; uses audit_log_patient or audit_log_at. */
  function filtered(q: { patientId?: number | undefined; from?: string | undefined; to?: string | undefined }) {
    if (q.from && q.to && q.from > q.to)
      throw new AppError('invalid_input', 'Fra-dato må være før til-dato', [{ path: 'to', message: 'Til-dato må være etter fra-dato' }]);
    let query = ctx.db.selectFrom('audit_log');
    if (q.patientId !== undefined) query = query.where('patient_id', '=', q.patientId);
    if (q.from) query = query.where('at', '>=', osloDayStartUtc(q.from));
    if (q.to) query = query.where('at', '<', osloDayEndUtc(q.to));
    return query;
  }

  async function patientEntries(q: PatientQuery) {
    const patient = await ctx.db.selectFrom('patient').select(['id', 'name', 'birth_date']).where('id', '=', q.patientId).executeTakeFirst();
    if (!patient) throw new AppError('not_found', 'Fant ikke pasienten');
    const rows = await filtered(q).selectAll().orderBy('at', 'desc').orderBy('id', 'desc').execute();
    const nameOf = await personNames(ctx.db, ctx.actor().osUser);
    return { patient, entries: rows.map((r) => toEntry(r, nameOf)) };
  }

  return {
    /** Incremental from the last verified anchor; `full` walks the whole chain. */
    verify: (full: boolean) => requireTrust(trust).verifyAudit(full),

    async list(q: ListQuery) {
      const base = filtered(q);
      const [rows, count, nameOf] = await Promise.all([
        base.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        personNames(ctx.db, ctx.actor().osUser),
      ]);
      return { entries: rows.map((r) => toEntry(r, nameOf)), total: Number(count.n) };
    },

    /** The history moved in from a local database (empty on a local store), newest first; never written. */
    async listImported(q: { offset: number; limit: number }) {
      const [rows, count] = await Promise.all([
        ctx.db.selectFrom('audit_log_imported').selectAll().orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
        ctx.db
          .selectFrom('audit_log_imported')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      // The names are those of the local store's one person, as written there; no login of this store.
      return { entries: rows.map((r) => toEntry(r, () => '')), total: Number(count.n) };
    },

    verifyImported: () => checkImported(ctx.db),

    /** One patient's log for the right of access, as semicolon CSV (Excel, UTF-8 with BOM). */
    async exportCsv(q: PatientQuery) {
      const { entries } = await patientEntries(q);
      const now = ctx.clock();
      await ctx.db.transaction().execute((trx) => auditRead(trx, ctx.actor(), 'audit.exportCsv', { entityId: null, patientId: q.patientId }, now));
      // The patient's copy: who (the coordinator profile) and what, in plain Norwegian; the OS account stays in the
      // caseload log (Innstillinger › Logg og sikkerhet), it says nothing to the patient.
      const rows = [
        ['Tidspunkt', 'Bruker', 'Handling', 'Type', 'Post-id', 'Logg-id'],
        ...entries.map((e) => [
          formatDateTimeSeconds(e.at),
          csvSafeCell(e.actor),
          csvSafeCell(auditActionLabel(e.action, e.entity)),
          csvSafeCell(auditEntityLabel(e.entity)),
          e.entityId === null ? '' : String(e.entityId),
          String(e.id),
        ]),
      ];
      const day = todayInOslo(now);
      return { csv: toCsv(rows), fileName: `logg-pasient-${q.patientId}-${day}.csv` };
    },

    /** The same log as a printable document (A4, letterhead), for the patient's right of access. */
    async printPatient(q: PatientQuery) {
      const { patient, entries } = await patientEntries(q);
      const profile = await letterheadOf(ctx.db);
      const now = ctx.clock();
      await ctx.db.transaction().execute((trx) => auditRead(trx, ctx.actor(), 'audit.printPatient', { entityId: null, patientId: q.patientId }, now));
      const period = q.from || q.to ? `${q.from ? formatDate(q.from) : 'start'} – ${q.to ? formatDate(q.to) : 'i dag'}` : 'hele loggen';
      const body = `<h1>Logg over tilgang og endringer</h1>
<p>Gjelder: <strong>${esc(patient.name)}</strong>, født ${esc(formatDate(patient.birth_date))}<br>
Periode: ${esc(period)}. Antall hendelser: ${esc(entries.length)}.</p>
<p class="muted">Loggen viser hvem som har åpnet, søkt etter eller endret opplysninger om deg i Forløpsbenk, og når. Den inneholder ikke selve opplysningene.</p>
${
  entries.length === 0
    ? '<p>Ingen hendelser i perioden.</p>'
    : `<table><thead><tr><th>Tidspunkt</th><th>Bruker</th><th>Handling</th></tr></thead><tbody>
${entries.map((e) => `<tr><td>${esc(formatDateTimeSeconds(e.at))}</td><td>${esc(e.actor)}</td><td>${esc(auditActionLabel(e.action, e.entity))}</td></tr>`).join('\n')}
</tbody></table>`
}`;
      const html = printDocument({
        title: 'Logg over tilgang',
        letterhead: profile,
        printedAt: now,
        body,
      });
      return { html };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
