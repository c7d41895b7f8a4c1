import type { Transaction } from 'kysely';
import { AppError } from '../../../shared/contract/envelope';
import { formatDateTime } from '../../../shared/domain/time';
import type { Database } from '../db/schema';
import type { Actor } from '../audit';

/** The records people edit that carry a row version (migration 0361). */
export type VersionedTable = 'patient' | 'plan_measure' | 'meeting_minutes';

/** What a conflict names: the record in words, and the edited columns with their Norwegian field names. */
export interface VersionedRecord {
  /** E.g. "Tiltaket", "Pasientopplysningene", "Referatet". */
  what: string;
  /** Column → field name on screen, compared to tell what is different now. */
  fields: Readonly<Record<string, string>>;
}

/**
 * Optimistic concurrency: a save carries the row version it loaded. Inside the save's transaction this takes the
 * next version (row_version + 1, updated_by = the login) only if the row is still at that version — one atomic
 * UPDATE, so of two saves racing on two connections exactly one wins. The other is refused with a conflict that
 * says who saved and when, and which fields now differ from what was sent (field names only, never values);
 * nothing is written and the form keeps what was typed. Without a version (an older caller) the save goes ahead.
 */
export async function claimRowVersion(
  trx: Transaction<Database>,
  table: VersionedTable,
  id: number,
  loaded: number | undefined,
  actor: Actor,
  record: VersionedRecord,
  sent: Readonly<Record<string, unknown>>,
): Promise<void> {
  // Kysely cannot type a column over a union of tables; the three tables share these columns.
  const t = trx as unknown as Transaction<Record<VersionedTable, { id: number; row_version: number; updated_by: string; updated_at: string }>>;
  let update = t.updateTable(table).set((eb) => ({ row_version: eb('row_version', '+', 1), updated_by: actor.osUser })).where('id', '=', id);
  if (loaded !== undefined) update = update.where('row_version', '=', loaded);
  const res = await update.executeTakeFirst();
  if (Number(res.numUpdatedRows) > 0 || loaded === undefined) return;
  const now = (await trx
    .selectFrom(table)
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()) as (Record<string, unknown> & { updated_by: string; updated_at: string }) | undefined;
  if (!now) throw new AppError('not_found', `${record.what} finnes ikke lenger.`);
  throw new AppError('conflict', conflictMessage(record, now, sent));
}

/** "Tiltaket ble endret av kari kl. … etter at du åpnet det. Nå ulikt det du lagret: Ansvarlig. …" */
export function conflictMessage(record: VersionedRecord, now: Record<string, unknown> & { updated_by: string; updated_at: string }, sent: Readonly<Record<string, unknown>>): string {
  const who = now.updated_by === '' ? 'en annen' : now.updated_by;
  const differ = Object.entries(record.fields)
    .filter(([col]) => col in sent && !same(now[col], sent[col]))
    .map(([, label]) => label);
  const fields = differ.length > 0 ? ` Nå ulikt det du lagret: ${differ.join(', ')}.` : '';
  return `${record.what} ble endret av ${who} ${formatDateTime(now.updated_at)} etter at du åpnet det.${fields} Det du skrev er ikke lagret, men står fortsatt i skjemaet. Lagre igjen for å erstatte endringen med ditt, eller avbryt.`;
}

function same(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null) || String(a ?? '') === String(b ?? '');
}
