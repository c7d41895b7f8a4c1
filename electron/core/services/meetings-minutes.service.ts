import { AppError } from '../../../shared/contract/envelope';
import { minutesDocument } from '../../../shared/print/meeting-documents';
import { appendAudit } from '../audit';
import { auditRead } from '../audit-read';
import type { ServiceContext } from './context';
import { refreshNextMeetingDate, letterhead, printPrivacy, meetingRow, detail, printable } from './meetings-store';

import { claimRowVersion, conflictMessage, type VersionedRecord } from './row-version';
import { personNames } from '../people';

/** The minutes draft's edited columns by their names on screen (for a conflict's message). */
const MINUTES_RECORD: VersionedRecord = { what: 'Referatet', fields: { notes_json: 'Notater til sakslisten', decisions: 'Beslutninger' } };

/** Minutes: drafts, finalised versions, the printed minutes, and action items ticked off. */
export function createMeetingMinutesService(ctx: ServiceContext) {
  return {
    async getMinutesDocument(id: number, version: number | undefined) {
      const d = await detail(ctx.db, id);
      const m = version === undefined ? d.minutes[0] : d.minutes.find((x) => x.version === version);
      if (!m) throw new AppError('not_found', 'Møtet har ikke noe referat ennå');
      const actions = m.actions ?? d.actionItems.map(({ text, owner, dueDate, done }) => ({ text, owner, dueDate, done }));
      const html = minutesDocument(printable(d), { ...m, actions }, await letterhead(ctx.db), await printPrivacy(ctx.db), ctx.clock());
      await auditRead(ctx.db, ctx.actor(), 'meetings.getMinutesDocument', { entityId: id, patientId: d.patientId }, ctx.clock());
      return { html };
    },

    async saveMinutes(input: {
      id: number;
      notes: { agendaItemId: number; note: string }[];
      decisions: string;
      actionItems: { id?: number | undefined; text: string; owner: string; dueDate: string | null; done: boolean }[];
      draftVersion?: number | undefined;
    }) {
      const now = ctx.clock();
      const stamp = now.toISOString();
      return ctx.db.transaction().execute(async (trx) => {
        const row = await meetingRow(trx, input.id);
        if (row.status === 'cancelled') throw new AppError('conflict', 'Møtet er avlyst; det kan ikke skrives referat');
        const agenda = await trx.selectFrom('meeting_agenda_item').select(['id', 'title']).where('meeting_id', '=', input.id).orderBy('position').execute();
        const noteFor = new Map(input.notes.map((n) => [n.agendaItemId, n.note]));
        const notes = agenda.map((a) => ({ agendaItemId: a.id, title: a.title, note: noteFor.get(a.id) ?? '' }));

        const latest = await trx
          .selectFrom('meeting_minutes')
          .selectAll()
          .where('meeting_id', '=', input.id)
          .orderBy('version', 'desc')
          .limit(1)
          .executeTakeFirst();
        let version: number;
        if (latest && latest.status === 'draft') {
          version = latest.version;
          // No lost update: the draft must still be the one the editor loaded (0: it loaded none, someone started one).
          const sent = { notes_json: JSON.stringify(notes), decisions: input.decisions };
          if (input.draftVersion === 0) {
            const name = latest.updated_by === '' ? '' : (await personNames(trx, ctx.actor().osUser))(latest.updated_by);
            throw new AppError('conflict', conflictMessage(MINUTES_RECORD, latest, undefined, name));
          }
          await claimRowVersion(trx, 'meeting_minutes', latest.id, input.draftVersion, ctx.actor(), MINUTES_RECORD, sent);
          await trx
            .updateTable('meeting_minutes')
            .set({ notes_json: JSON.stringify(notes), decisions: input.decisions, updated_at: stamp })
            .where('id', '=', latest.id)
            .execute();
        } else {
          version = (latest?.version ?? 0) + 1;
          await trx
            .insertInto('meeting_minutes')
            .values({
              meeting_id: input.id,
              version,
              status: 'draft',
              notes_json: JSON.stringify(notes),
              decisions: input.decisions,
              actions_json: null,
              finalized_at: null,
              finalized_by: null,
              created_at: stamp,
              updated_at: stamp,
              updated_by: ctx.actor().osUser,
              changed_fields: 'notes_json,decisions',
            })
            .execute();
        }

        // Action items live with the meeting (their "done" is followed up after the minutes are final).
        const existing = await trx.selectFrom('meeting_action_item').selectAll().where('meeting_id', '=', input.id).execute();
        const byId = new Map(existing.map((a) => [a.id, a]));
        const kept = new Set<number>();
        for (const [position, a] of input.actionItems.entries()) {
          const values = { text: a.text, owner: a.owner, due_date: a.dueDate, done: a.done ? 1 : 0, position, updated_at: stamp };
          if (a.id !== undefined) {
            if (!byId.has(a.id)) throw new AppError('not_found', 'Fant ikke oppfølgingspunktet');
            kept.add(a.id);
            await trx.updateTable('meeting_action_item').set(values).where('id', '=', a.id).execute();
          } else {
            await trx
              .insertInto('meeting_action_item')
              .values({ meeting_id: input.id, ...values, plan_measure_id: null, created_at: stamp })
              .execute();
          }
        }
        // An action that became a measure in the individual plan is never removed here.
        const gone = existing.filter((a) => !kept.has(a.id) && a.plan_measure_id === null).map((a) => a.id);
        if (gone.length > 0) await trx.deleteFrom('meeting_action_item').where('id', 'in', gone).execute();

        await appendAudit(trx, ctx.actor(), { action: 'meeting.saveMinutes', entity: 'meeting', entityId: input.id, patientId: row.patient_id }, now);
        const saved = await trx
          .selectFrom('meeting_minutes')
          .select('row_version')
          .where('meeting_id', '=', input.id)
          .where('version', '=', version)
          .executeTakeFirstOrThrow();
        return { version, status: 'draft' as const, rowVersion: saved.row_version };
      });
    },

    /** Locks the draft (the database refuses any later update of a final version) and marks a past meeting held. */
    async finalizeMinutes(id: number) {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const row = await meetingRow(trx, id);
        const latest = await trx.selectFrom('meeting_minutes').selectAll().where('meeting_id', '=', id).orderBy('version', 'desc').limit(1).executeTakeFirst();
        if (!latest || latest.status !== 'draft') throw new AppError('conflict', 'Det finnes ikke noe utkast å ferdigstille. Lagre referatet først.');
        const actions = await trx.selectFrom('meeting_action_item').selectAll().where('meeting_id', '=', id).orderBy('position').orderBy('id').execute();
        await trx
          .updateTable('meeting_minutes')
          .set({
            status: 'final',
            actions_json: JSON.stringify(actions.map((a) => ({ text: a.text, owner: a.owner, dueDate: a.due_date, done: a.done === 1 }))),
            finalized_at: now.toISOString(),
            finalized_by: ctx.actor().profile,
            updated_at: now.toISOString(),
          })
          .where('id', '=', latest.id)
          .execute();
        // Minutes written after the meeting mark it held; minutes prepared in advance leave it planned.
        if (row.status === 'planned' && row.start_at <= now.toISOString()) {
          await trx.updateTable('meeting').set({ status: 'held', updated_at: now.toISOString() }).where('id', '=', id).execute();
          await refreshNextMeetingDate(trx, row.patient_id, now);
        }
        await appendAudit(trx, ctx.actor(), { action: 'meeting.finalizeMinutes', entity: 'meeting', entityId: id, patientId: row.patient_id }, now);
        return { version: latest.version };
      });
    },

    async setActionItemDone(actionItemId: number, done: boolean) {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const item = await trx
          .selectFrom('meeting_action_item')
          .innerJoin('meeting', 'meeting.id', 'meeting_action_item.meeting_id')
          .select(['meeting_action_item.id', 'meeting.patient_id'])
          .where('meeting_action_item.id', '=', actionItemId)
          .executeTakeFirst();
        if (!item) throw new AppError('not_found', 'Fant ikke oppfølgingspunktet');
        await trx
          .updateTable('meeting_action_item')
          .set({ done: done ? 1 : 0, updated_at: now.toISOString() })
          .where('id', '=', actionItemId)
          .execute();
        await appendAudit(
          trx,
          ctx.actor(),
          { action: 'meeting.actionItemDone', entity: 'meeting_action_item', entityId: actionItemId, patientId: item.patient_id },
          now,
        );
        return { id: actionItemId, done };
      });
    },
  };
}
