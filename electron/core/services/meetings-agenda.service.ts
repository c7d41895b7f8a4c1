import { AppError } from '../../../shared/contract/envelope';
import { DEFAULT_AGENDA_TEMPLATES, MEETING_KINDS, normaliseTemplate, type MeetingKind, type PatientPrintPrivacy } from '../../../shared/domain/meetings';
import { agendaDocument, invitationLetters } from '../../../shared/print/meeting-documents';
import { patientInterpreter } from './pathway-care.service';
import { formatDate, todayInOslo, utcToOslo } from '../../../shared/domain/time';
import { patientAddressees } from './letter-address';
import { appendAudit } from '../audit';
import { auditRead } from '../audit-read';
import { planAgendaSuggestions } from './plans-agenda';
import { deleteSetting, writeSetting } from '../settings';
import type { ServiceContext } from './context';
import { agendaText, claimMeeting } from './meetings-version';
import { TEMPLATE_KEY, PRIVACY_KEY, letterhead, printPrivacy, template, meetingRow, detail, printable } from './meetings-store';

/** A meeting's agenda: items, suggestions from the plan, the printed agenda, and the agenda templates and print privacy settings. */
export function createMeetingAgendaService(ctx: ServiceContext) {
  return {
    /** Replaces the agenda; items that keep their id keep their minutes notes. */
    async saveAgenda(id: number, items: { id?: number | undefined; title: string; source: string; sourceId: number | null }[], loaded?: number) {
      const now = ctx.clock();
      const version = await ctx.db.transaction().execute(async (trx) => {
        const row = await meetingRow(trx, id);
        const claimed = await claimMeeting(trx, id, loaded, ctx.actor(), { agenda: agendaText(items.map((i) => i.title)) });
        const existing = new Set((await trx.selectFrom('meeting_agenda_item').select('id').where('meeting_id', '=', id).execute()).map((r) => r.id));
        const kept = new Set(items.map((i) => i.id).filter((x): x is number => x !== undefined && existing.has(x)));
        const gone = [...existing].filter((x) => !kept.has(x));
        if (gone.length > 0) await trx.deleteFrom('meeting_agenda_item').where('id', 'in', gone).execute();
        for (const [position, item] of items.entries()) {
          if (item.id !== undefined && kept.has(item.id)) {
            await trx.updateTable('meeting_agenda_item').set({ title: item.title, position }).where('id', '=', item.id).execute();
          } else {
            await trx
              .insertInto('meeting_agenda_item')
              .values({ meeting_id: id, position, title: item.title, source: item.source, source_id: item.sourceId })
              .execute();
          }
        }
        await appendAudit(trx, ctx.actor(), { action: 'meeting.saveAgenda', entity: 'meeting', entityId: id, patientId: row.patient_id }, now);
        return claimed;
      });
      const agenda = await ctx.db.selectFrom('meeting_agenda_item').selectAll().where('meeting_id', '=', id).orderBy('position').execute();
      return { agenda: agenda.map((a) => ({ id: a.id, title: a.title, source: a.source, sourceId: a.source_id })), version };
    },

    async listAgendaSuggestions(id: number) {
      const row = await meetingRow(ctx.db, id);
      const items: { title: string; source: 'action' | 'plan_goal' | 'plan_measure'; sourceId: number; detail: string }[] = [];
      const previous = await ctx.db
        .selectFrom('meeting')
        .select('id')
        .where('patient_id', '=', row.patient_id)
        .where('status', '!=', 'cancelled')
        .where('start_at', '<', row.start_at)
        .orderBy('start_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (previous) {
        const open = await ctx.db
          .selectFrom('meeting_action_item')
          .selectAll()
          .where('meeting_id', '=', previous.id)
          .where('done', '=', 0)
          .orderBy('position')
          .execute();
        for (const a of open) {
          const detail = [a.owner && `Ansvarlig: ${a.owner}`, a.due_date && `frist ${formatDate(a.due_date)}`].filter(Boolean).join(', ');
          items.push({ title: `Oppfølging fra forrige møte: ${a.text}`.slice(0, 200), source: 'action', sourceId: a.id, detail });
        }
      }
      // The individual plan (the plan feature's read-only helper): goals due for evaluation by the meeting, open measures.
      const plan = await planAgendaSuggestions(ctx.db, row.patient_id, utcToOslo(row.start_at).date);
      for (const g of plan.goalsDue) {
        items.push({ title: `Evaluere mål: ${g.text}`.slice(0, 200), source: 'plan_goal', sourceId: g.id, detail: 'Mål i individuell plan' });
      }
      for (const m of plan.openMeasures) {
        const detail = [m.responsible && `Ansvarlig: ${m.responsible}`, m.dueDate && `frist ${formatDate(m.dueDate)}`].filter(Boolean).join(', ');
        items.push({ title: `Status for tiltak: ${m.what}`.slice(0, 200), source: 'plan_measure', sourceId: m.id, detail });
      }
      const planAvailable = (await ctx.db.selectFrom('individual_plan').select('id').where('patient_id', '=', row.patient_id).executeTakeFirst()) !== undefined;
      return { items, planAvailable };
    },

    async getAgendaDocument(id: number) {
      const d = await detail(ctx.db, id);
      const interpreter = await patientInterpreter(ctx.db, d.patientId);
      const html = agendaDocument({ ...printable(d), interpreter }, await letterhead(ctx.db), await printPrivacy(ctx.db), ctx.clock());
      await auditRead(ctx.db, ctx.actor(), 'meetings.getAgendaDocument', { entityId: id, patientId: d.patientId }, ctx.clock());
      return { html };
    },

    /** The invitation to the patient and, under 18, to the guardians the rules name (issue #13 §2). */
    async getInvitationLetters(id: number) {
      const d = await detail(ctx.db, id);
      if (d.status === 'cancelled') throw new AppError('conflict', 'Møtet er avlyst. Det sendes ikke innkalling til et avlyst møte.');
      const family = await patientAddressees(ctx.db, d.patientId, todayInOslo(ctx.clock()));
      const { html } = invitationLetters({ ...printable(d), patientName: d.patient.name }, family.addressees, await letterhead(ctx.db), ctx.clock());
      await auditRead(ctx.db, ctx.actor(), 'meetings.getInvitationLetters', { entityId: id, patientId: d.patientId }, ctx.clock());
      const problems = [...new Set(family.addressees.map((a) => a.problem).filter((p): p is string => p !== null))];
      return { html, recipients: family.addressees.map((a) => ({ name: a.name, reason: a.reason })), warnings: [...problems, ...family.warnings] };
    },

    async getSettings() {
      const templates = {} as Record<MeetingKind, string[]>;
      for (const kind of MEETING_KINDS) templates[kind] = await template(ctx.db, kind);
      return { templates, printPrivacy: await printPrivacy(ctx.db) };
    },

    async saveTemplate(kind: MeetingKind, items: string[]) {
      const clean = normaliseTemplate(items);
      if (clean.length === 0) {
        const message = 'Malen må ha minst ett punkt';
        throw new AppError('invalid_input', message, [{ path: 'items', message }]);
      }
      const now = ctx.clock();
      await ctx.db.transaction().execute(async (trx) => {
        await writeSetting(trx, TEMPLATE_KEY(kind), clean);
        await appendAudit(trx, ctx.actor(), { action: 'meetings.saveTemplate', entity: 'app_setting', entityId: null, patientId: null }, now);
      });
      return { kind, items: clean };
    },

    async resetTemplate(kind: MeetingKind) {
      const now = ctx.clock();
      await ctx.db.transaction().execute(async (trx) => {
        await deleteSetting(trx, TEMPLATE_KEY(kind));
        await appendAudit(trx, ctx.actor(), { action: 'meetings.resetTemplate', entity: 'app_setting', entityId: null, patientId: null }, now);
      });
      return { kind, items: DEFAULT_AGENDA_TEMPLATES[kind] };
    },

    async savePrintPrivacy(printPrivacy: PatientPrintPrivacy) {
      const now = ctx.clock();
      await ctx.db.transaction().execute(async (trx) => {
        await writeSetting(trx, PRIVACY_KEY, printPrivacy);
        await appendAudit(trx, ctx.actor(), { action: 'meetings.savePrintPrivacy', entity: 'app_setting', entityId: null, patientId: null }, now);
      });
      return { printPrivacy };
    },
  };
}
