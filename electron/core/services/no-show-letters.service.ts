/**
 * Letters of no-show follow-up (split from no-show.service.ts): building, storing, printing and templates.
 * Just over 400 lines since the format pass: one letter's life from template to printed sheet, kept together.
 */
import type { Selectable, Transaction } from 'kysely';
import type { z } from 'zod';
import { AppError, type FieldIssue } from '../../../shared/contract/envelope';
import type { noShowContract, TemplateView } from '../../../shared/contract/no-show';
import { complaintRightProblem, renderLetter, validateTemplate, type LetterFieldValues, type LetterTemplate } from '../../../shared/domain/letter-template';
import { letterTemplate } from '../../../shared/domain/letter-templates';
import { ATTEMPT_OUTCOME_LABELS, CHANNEL_LABELS, type LetterRecipient } from '../../../shared/domain/no-show-policy';
import { esc, escLines } from '../../../shared/print/escape';
import { printDocument, type Letterhead } from '../../../shared/print/document';
import { formatDate, todayInOslo, utcToOslo } from '../../../shared/domain/time';
import { appendAudit } from '../audit';
import { auditRead } from '../audit-read';
import { readSetting } from '../settings';
import { letterheadOf } from '../people';
import type { Database, LetterTemplateTable } from '../db/schema';
import { caseView, COORDINATOR_PHONE_KEY, readPolicy, refreshCase, toLetterSummary } from './no-show-store';
import type { ServiceContext } from './context';
import { patientAddressees, referrerName, resolveLetterAddress } from './letter-address';
import { judgedAddress } from '../../../shared/domain/letter-addressees';
import { isPostalAddress } from '../../../shared/domain/postal-codes';
import { fixed } from '../db/replan';

type In<M extends keyof typeof noShowContract> = z.output<(typeof noShowContract)[M]['input']>;
type Trx = Transaction<Database>;

/** Which shipped template a letter to this recipient starts from. */
function defaultTemplateId(recipient: LetterRecipient, caseOpen: boolean): string {
  if (recipient === 'patient') return caseOpen ? 'missed_appointment_patient' : 'case_closed_patient';
  return recipient === 'municipal_coordinator' ? 'municipal_not_reached' : 'referrer_not_reached';
}

/** Sharing with the municipality needs the patient's consent or another basis (issue #13): checked before any letter. */
function sharingBasisText(input: { recipient: LetterRecipient; sharingBasis: 'consent' | 'other_basis' | null; sharingBasisNote: string }): string {
  if (input.recipient !== 'municipal_coordinator') return '';
  if (input.sharingBasis === null) {
    const message = 'Brev til kommunen krever pasientens samtykke eller et annet rettslig grunnlag. Oppgi grunnlaget først.';
    throw new AppError('invalid_input', message, [{ path: 'sharingBasis', message }]);
  }
  if (input.sharingBasis === 'consent') return 'pasientens samtykke';
  if (input.sharingBasisNote === '') {
    const message = 'Skriv hvilket grunnlag som gir adgang til å dele opplysningene';
    throw new AppError('invalid_input', message, [{ path: 'sharingBasisNote', message }]);
  }
  return input.sharingBasisNote;
}

/** The no-show area's letters and letter templates: drafts, printing, due letters, batch print, template editing. */
export function createNoShowLettersService(ctx: ServiceContext) {
  const now = () => ctx.clock();

  async function loadCase(trx: Trx, caseId: number) {
    const row = await trx.selectFrom('no_show_case').selectAll().where('id', '=', caseId).executeTakeFirst();
    if (!row) throw new AppError('not_found', 'Fant ikke saken');
    return row;
  }

  async function letterhead(db: Trx | ServiceContext['db']): Promise<Letterhead> {
    // The unit's part and the name and direct phone of the person who writes the letter (people.ts).
    const lh = await letterheadOf(db);
    if (lh.unitName === '') throw new AppError('conflict', 'Fyll inn profil og brevhode under Innstillinger før du lager brev');
    return lh;
  }

  return {
    // -- Letters ------------------------------------------------------------------------------
    async createLetter(input: In<'noShow.createLetter'>) {
      const at = now();
      return ctx.db.transaction().execute(async (trx) => {
        const row = await loadCase(trx, input.caseId);
        if (row.status === 'withdrawn') throw new AppError('conflict', 'Saken er angret. Det lages ikke brev for den.');
        const sharingBasis = sharingBasisText(input);
        if (input.recipient === 'municipal_coordinator' && input.sharingBasis === 'consent') {
          // Consent recorded per person (issue #13 §2): a "no" recorded for the municipal contact is respected.
          const municipal = await trx
            .selectFrom('patient_contact')
            .select('consent')
            .where('patient_id', '=', row.patient_id)
            .where('kind', '=', 'municipal')
            .execute();
          if (municipal.some((c) => c.consent === 'refused') && !municipal.some((c) => c.consent === 'given')) {
            const message = 'Pasienten har sagt nei til at den kommunale kontakten informeres (registrert under Pårørende). Samtykke kan ikke være grunnlaget.';
            throw new AppError('invalid_input', message, [{ path: 'sharingBasis', message }]);
          }
        }
        const templateId = input.templateId ?? defaultTemplateId(input.recipient, row.status === 'open');
        const tplRow = await trx.selectFrom('letter_template').selectAll().where('id', '=', templateId).executeTakeFirst();
        if (!tplRow) throw new AppError('not_found', 'Fant ikke brevmalen');
        const template = toTemplate(tplRow);
        const head = await letterhead(trx);
        const patient = await trx
          .selectFrom('patient')
          .leftJoin('municipality', 'municipality.number', 'patient.municipality_number')
          .select([
            'patient.name',
            'patient.birth_date',
            'patient.address',
            'patient.postal_code',
            'patient.postal_place',
            'patient.gp_name',
            'patient.municipality_number',
            'municipality.name as municipality_name',
          ])
          .where('patient.id', '=', row.patient_id)
          .executeTakeFirstOrThrow();
        const appt = await trx.selectFrom('appointment').selectAll().where('id', '=', row.appointment_id).executeTakeFirstOrThrow();
        const attempts = await trx.selectFrom('contact_attempt').selectAll().where('case_id', '=', row.id).orderBy('at').execute();
        const when = utcToOslo(appt.start_at);
        const fields: LetterFieldValues = {
          'patient.name': patient.name,
          'patient.address': patient.address,
          'patient.postalAddress': [patient.postal_code, patient.postal_place].filter(Boolean).join(' '),
          'appointment.date': formatDate(when.date),
          'appointment.time': when.time,
          'appointment.place': appt.place || head.unitName,
          'unit.name': head.unitName,
          'unit.address': head.unitAddress
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter(Boolean)
            .join(', '),
          'unit.phone': head.unitPhone,
          'coordinator.name': head.coordinatorName,
          'coordinator.phone': head.coordinatorPhone || (await readSetting(trx, COORDINATOR_PHONE_KEY)) || head.unitPhone,
          today: formatDate(todayInOslo(at)),
          'referrer.name': await referrerName(trx, row.patient_id, row.pathway_id, patient.gp_name),
          'attempts.summary': attempts
            .map((a) => {
              const t = utcToOslo(a.at);
              return `– ${formatDate(t.date)} kl. ${t.time}: ${CHANNEL_LABELS[a.channel]}, ${ATTEMPT_OUTCOME_LABELS[a.outcome].toLowerCase()}`;
            })
            .join('\n'),
          'sharing.basis': sharingBasis,
        };
        const rendered = renderLetter(template, fields);
        if (!rendered.ok) throw new AppError('invalid_input', `Brevmalen har feil: ${rendered.errors.join(' ')}`);
        const { letter } = rendered;
        // The window address must be postable; a letter without one is previewed with a warning and never counts as sent.
        const address = await resolveLetterAddress(trx, input.recipient, patient, letter.addressLines, {
          patientId: row.patient_id,
          pathwayId: row.pathway_id,
        });
        // A letter to the patient is also a sheet to each guardian the rules for under-18s name (issue #13 §2).
        let sheets: { lines: string[]; preface: string | null; problem: string | null }[] = [{ lines: address.lines, preface: null, problem: address.problem }];
        let familyWarnings: string[] = [];
        if (input.recipient === 'patient') {
          const family = await patientAddressees(trx, row.patient_id, todayInOslo(at));
          sheets = family.addressees.map((a) =>
            a.kind === 'patient'
              ? { lines: address.lines, preface: null, problem: address.problem }
              : { lines: a.lines, preface: a.preface, problem: a.problem },
          );
          familyWarnings = family.warnings;
        }
        const addressLines = judgedAddress(sheets);
        const problems = [...new Set(sheets.map((sh) => sh.problem).filter((p): p is string => p !== null))];
        const warnings = [...problems, ...familyWarnings, ...rendered.warnings];
        // A letter about the patient to someone else says whom it concerns: name and birth date.
        const concerns = input.recipient === 'patient' ? null : `Gjelder: ${patient.name}, født ${formatDate(patient.birth_date)}`;
        const body = [
          `<p class="muted">Vår dato: ${esc(formatDate(todayInOslo(at)))}<br>Vår referanse: ${esc(`IM-${row.id}`)}</p>`,
          ...(concerns ? [`<p><strong>${esc(concerns)}</strong></p>`] : []),
          `<h1>${esc(letter.subject)}</h1>`,
          ...letter.paragraphs.map((p) => `<p>${escLines(p)}</p>`),
        ].join('\n');
        const sheetBody = (preface: string | null) => (preface ? `<p><strong>${esc(preface)}</strong></p>\n${body}` : body);
        const html =
          sheets.length === 1 && sheets[0]!.preface === null
            ? printDocument({ title: 'Brev', letterhead: head, printedAt: at, body, recipientAddress: sheets[0]!.lines })
            : printDocument({
                title: 'Brev',
                letterhead: head,
                printedAt: at,
                body,
                pageNumbers: false,
                sheets: sheets.map((sh) => ({ recipientAddress: sh.lines, body: sheetBody(sh.preface) })),
              });
        const text = sheets
          .map((sh) =>
            [sh.lines.join('\n'), ...(sh.preface ? [sh.preface] : []), ...(concerns ? [concerns] : []), letter.subject, ...letter.paragraphs].join('\n\n'),
          )
          .join('\n\n— — —\n\n');
        const stamp = at.toISOString();
        const values = {
          subject: letter.subject,
          address_lines: JSON.stringify(addressLines),
          body_html: body,
          html,
          text,
          created_at: stamp,
          sharing_basis: input.recipient === 'municipal_coordinator' ? input.sharingBasis : null,
          sharing_basis_note: sharingBasis || null,
          sheets:
            sheets.length === 1 && sheets[0]!.preface === null ? null : JSON.stringify(sheets.map((sh) => ({ lines: sh.lines, body: sheetBody(sh.preface) }))),
        };
        // One unprinted draft per recipient and template: a new preview replaces it; printed letters are never touched.
        const draft = await trx
          .selectFrom('letter')
          .select('id')
          .where('case_id', '=', row.id)
          .where('recipient', '=', input.recipient)
          .where('template_id', '=', templateId)
          .where('printed_at', 'is', null)
          .executeTakeFirst();
        let letterId: number;
        if (draft) {
          await trx.updateTable('letter').set(values).where('id', '=', draft.id).execute();
          letterId = draft.id;
        } else {
          const ins = await trx
            .insertInto('letter')
            .values({
              case_id: row.id,
              patient_id: row.patient_id,
              recipient: input.recipient,
              template_id: templateId,
              printed_at: null,
              print_count: 0,
              ...values,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          letterId = ins.id;
        }
        await appendAudit(trx, ctx.actor(), { action: 'letter.create', entity: 'letter', entityId: letterId, patientId: row.patient_id }, at);
        const stored = await trx.selectFrom('letter').selectAll().where('id', '=', letterId).executeTakeFirstOrThrow();
        return { letter: toLetterSummary(stored), html, warnings };
      });
    },

    async getLetter(id: number) {
      const row = await ctx.db.selectFrom('letter').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new AppError('not_found', 'Fant ikke brevet');
      await auditRead(ctx.db, ctx.actor(), 'noShow.getLetter', { entityId: id, patientId: row.patient_id }, now());
      return { letter: toLetterSummary(row), html: row.html, text: row.text };
    },

    /**
     * Called AFTER printing completed (the print callback reported success, or the person confirmed the letter came
     * out), never on the button press. A postable letter counts as sent from the first time; a letter without a
     * full postal address is logged as printed but never counts as sent (listed in notSent, for a warning).
     */
    async markPrinted(letterIds: number[]): Promise<{ count: number; sent: number; notSent: { letterId: number; message: string }[] }> {
      const at = now();
      return ctx.db.transaction().execute(async (trx) => {
        const rows = await trx.selectFrom('letter').selectAll().where('id', 'in', letterIds).execute();
        if (rows.length !== new Set(letterIds).size) throw new AppError('not_found', 'Fant ikke alle brevene');
        const stamp = at.toISOString();
        const notSent: { letterId: number; message: string }[] = [];
        for (const l of rows) {
          const postable = isPostalAddress(JSON.parse(l.address_lines) as string[]);
          if (!postable) notSent.push({ letterId: l.id, message: 'Brevet mangler full postadresse og er ikke regnet som sendt.' });
          await trx
            .updateTable('letter')
            .set({ printed_at: postable ? (l.printed_at ?? stamp) : null, print_count: l.print_count + 1 })
            .where('id', '=', l.id)
            .execute();
          await appendAudit(trx, ctx.actor(), { action: 'letter.print', entity: 'letter', entityId: l.id, patientId: l.patient_id }, at);
        }
        const policy = await readPolicy(trx);
        for (const caseId of new Set(rows.map((l) => l.case_id))) await refreshCase(trx, caseId, policy, at);
        return { count: rows.length, sent: rows.length - notSent.length, notSent };
      });
    },

    async listDueLetters() {
      const today = todayInOslo(now());
      const policy = await readPolicy(ctx.db);
      const cases = await ctx.db
        .selectFrom('no_show_case')
        .innerJoin('patient', 'patient.id', 'no_show_case.patient_id')
        .select(['no_show_case.id', 'no_show_case.patient_id', 'patient.name'])
        .where('no_show_case.status', '=', fixed('open'))
        .where('no_show_case.next_step', '=', 'letter')
        .where('no_show_case.next_due', '<=', today)
        .orderBy('no_show_case.next_step')
        .orderBy('no_show_case.next_due')
        .orderBy('no_show_case.id')
        .execute();
      const items = [];
      for (const c of cases) {
        const v = await caseView(ctx.db, c.id, policy, now());
        if (!v) continue;
        for (const s of v.steps) {
          if (s.kind === 'letter' && s.required && !s.done && s.recipient && s.due !== null && s.due <= today) {
            items.push({ caseId: c.id, patientId: c.patient_id, name: c.name, recipient: s.recipient, label: s.label, due: s.due });
          }
        }
      }
      return { items };
    },

    async getBatchDocument(letterIds: number[]) {
      const at = now();
      const rows = await ctx.db.selectFrom('letter').selectAll().where('id', 'in', letterIds).execute();
      if (rows.length !== new Set(letterIds).size) throw new AppError('not_found', 'Fant ikke alle brevene');
      const byId = new Map(rows.map((r) => [r.id, r]));
      const ordered = [...new Set(letterIds)].map((id) => byId.get(id)!);
      const html = printDocument({
        title: 'Brev',
        letterhead: await letterhead(ctx.db),
        printedAt: at,
        pageNumbers: false,
        // A letter with several addressees prints every sheet, as stored.
        sheets: ordered.flatMap((l) =>
          l.sheets
            ? (JSON.parse(l.sheets) as { lines: string[]; body: string }[]).map((sh) => ({ recipientAddress: sh.lines, body: sh.body }))
            : [{ recipientAddress: JSON.parse(l.address_lines) as string[], body: l.body_html }],
        ),
        body: '',
      });
      await ctx.db.transaction().execute(async (trx) => {
        for (const l of ordered) await auditRead(trx, ctx.actor(), 'noShow.getBatchDocument', { entityId: l.id, patientId: l.patient_id }, at);
      });
      return { html, count: ordered.length };
    },

    // -- Templates ----------------------------------------------------------------------------
    async listTemplates(): Promise<{ templates: TemplateView[] }> {
      const rows = await ctx.db.selectFrom('letter_template').selectAll().orderBy('id').execute();
      return { templates: rows.map(toTemplateView) };
    },

    async saveTemplate(input: In<'noShow.saveTemplate'>): Promise<TemplateView> {
      const at = now();
      return ctx.db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('letter_template').selectAll().where('id', '=', input.id).executeTakeFirst();
        if (!row) throw new AppError('not_found', 'Fant ikke brevmalen');
        const paragraphs = input.paragraphs.map((p) => p.trim()).filter((p) => p !== '');
        const template: LetterTemplate = {
          id: row.id,
          label: input.label,
          recipient: row.recipient,
          address: input.address.trim(),
          subject: input.subject,
          paragraphs,
        };
        const issues = templateIssues(template);
        if (issues.length > 0) throw new AppError('invalid_input', issues[0]!.message, issues);
        await trx
          .updateTable('letter_template')
          .set({
            label: template.label,
            address: template.address,
            subject: template.subject,
            paragraphs: JSON.stringify(paragraphs),
            updated_at: at.toISOString(),
          })
          .where('id', '=', row.id)
          .execute();
        await appendAudit(trx, ctx.actor(), { action: 'letterTemplate.save', entity: 'letter_template', entityId: null, patientId: null }, at);
        return toTemplateView(await trx.selectFrom('letter_template').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow());
      });
    },

    async resetTemplate(id: string): Promise<TemplateView> {
      const shipped = letterTemplate(id);
      if (!shipped) throw new AppError('not_found', 'Fant ikke brevmalen');
      const at = now();
      return ctx.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('letter_template')
          .set({
            label: shipped.label,
            address: shipped.address,
            subject: shipped.subject,
            paragraphs: JSON.stringify(shipped.paragraphs),
            updated_at: at.toISOString(),
          })
          .where('id', '=', id)
          .execute();
        await appendAudit(trx, ctx.actor(), { action: 'letterTemplate.reset', entity: 'letter_template', entityId: null, patientId: null }, at);
        return toTemplateView(await trx.selectFrom('letter_template').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
      });
    },
  };
}

function toTemplate(row: Selectable<LetterTemplateTable>): LetterTemplate {
  return {
    id: row.id,
    label: row.label,
    recipient: row.recipient,
    address: row.address,
    subject: row.subject,
    paragraphs: JSON.parse(row.paragraphs) as string[],
  };
}

function toTemplateView(row: Selectable<LetterTemplateTable>): TemplateView {
  const t = toTemplate(row);
  const shipped = letterTemplate(row.id);
  const modified =
    !shipped ||
    shipped.label !== t.label ||
    shipped.address !== t.address ||
    shipped.subject !== t.subject ||
    JSON.stringify(shipped.paragraphs) !== JSON.stringify(t.paragraphs);
  return { ...t, paragraphs: [...t.paragraphs], modified };
}

/** Template problems per field: each part is checked alone so the message lands beside the right field. */
function templateIssues(t: LetterTemplate): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const check = (path: string, part: Partial<LetterTemplate>) => {
    for (const message of validateTemplate({ ...t, address: '', subject: '', paragraphs: [], ...part })) issues.push({ path, message });
  };
  check('address', { address: t.address });
  check('subject', { subject: t.subject });
  t.paragraphs.forEach((p, i) => {
    for (const message of validateTemplate({ ...t, address: '', subject: '', paragraphs: [p] })) {
      issues.push({ path: `paragraphs.${i}`, message: message.replace('avsnitt 1', `avsnitt ${i + 1}`) });
    }
  });
  const complaint = complaintRightProblem(t);
  if (complaint) issues.push({ path: 'paragraphs', message: complaint });
  return issues;
}
