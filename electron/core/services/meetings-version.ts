import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Actor } from '../audit';
import { claimRowVersion, type VersionedRecord } from './row-version';

/**
 * No lost update on a meeting: one row version on the meeting covers what people edit in place — its details
 * (meeting form), its participants and its agenda. The agenda and the participants live in rows of their own, so
 * the conflict compares them as text (fields `agenda` and `participants`).
 */
export const MEETING_RECORD: VersionedRecord = {
  what: 'Møtet',
  fields: {
    kind: 'Type møte',
    start_at: 'Dato og starttid',
    duration_minutes: 'Varighet',
    place: 'Sted',
    video_url: 'Videolenke',
    participants: 'Deltakere',
    agenda: 'Agenda',
    status: 'Status (avlyst)',
  },
};

type Trx = Transaction<Database>;

interface ParticipantLike {
  contactId: number | null;
  name: string;
  role: string;
  organisation: string;
  email: string;
  phone: string;
}

/** Participants as one comparable text (order counts: it is the order on the invitation). */
export function participantsText(list: readonly ParticipantLike[]): string {
  return JSON.stringify(list.map((p) => [p.contactId, p.name, p.role, p.organisation, p.email, p.phone]));
}

/** The agenda as one comparable text: its titles in order. */
export function agendaText(titles: readonly string[]): string {
  return JSON.stringify(titles);
}

async function storedParts(trx: Trx, id: number): Promise<{ participants: string; agenda: string }> {
  const parts = await trx.selectFrom('meeting_participant').selectAll().where('meeting_id', '=', id).orderBy('position').execute();
  const agenda = await trx.selectFrom('meeting_agenda_item').select('title').where('meeting_id', '=', id).orderBy('position').execute();
  return {
    participants: participantsText(
      parts.map((p) => ({ contactId: p.contact_id, name: p.name, role: p.role, organisation: p.organisation, email: p.email, phone: p.phone })),
    ),
    agenda: agendaText(agenda.map((a) => a.title)),
  };
}

/** Takes the meeting's next row version for this save, or refuses it if someone saved since `loaded` (row-version.ts). */
export async function claimMeeting(trx: Trx, id: number, loaded: number | undefined, actor: Actor, sent: Readonly<Record<string, unknown>>): Promise<number> {
  await claimRowVersion(trx, 'meeting', id, loaded, actor, MEETING_RECORD, sent, await storedParts(trx, id));
  const row = await trx.selectFrom('meeting').select('row_version').where('id', '=', id).executeTakeFirstOrThrow();
  return row.row_version;
}
