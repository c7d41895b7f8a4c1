import type { Transaction } from 'kysely';
import { AppError } from '../../../shared/contract/envelope';
import { formatDateTime } from '../../../shared/domain/time';
import type { Database } from '../db/schema';
import type { Actor } from '../audit';
import { personNames } from '../people';

/** The records people edit in place that carry a row version (migrations 0361 and 0390). */
export type VersionedTable =
  | 'patient'
  | 'plan_measure'
  | 'meeting_minutes'
  | 'meeting'
  | 'no_show_case'
  | 'appointment'
  | 'individual_plan'
  | 'plan_participant'
  | 'plan_goal'
  | 'plan_resource'
  | 'plan_need'
  | 'contact'
  | 'referrer';

/** The column that names a row: `id`, except a pathway's referrer (one per pathway). */
const KEY: Partial<Record<VersionedTable, string>> = { referrer: 'pathway_id' };

/** What a conflict names: the record in words, and the edited columns with their Norwegian field names. */
export interface VersionedRecord {
  /** E.g. "Tiltaket", "Pasientopplysningene", "Referatet". */
  what: string;
  /** Column → field name on screen. */
  fields: Readonly<Record<string, string>>;
}

/** The columns every versioned table has (besides its own). */
export interface VersionedRow {
  row_version: number;
  updated_by: string;
  updated_at: string;
  changed_fields: string;
  [column: string]: unknown;
}

type VersionedDb = Transaction<Record<VersionedTable, VersionedRow & { id: number }>>;

/**
 * Optimistic concurrency: a save carries the row version it loaded. Inside the save's transaction this takes the
 * next version (row_version + 1, updated_by = the login, changed_fields = the columns this save changes) only if
 * the row is still at that version — one atomic UPDATE, so of two saves racing on two connections exactly one
 * wins. The other is refused with a conflict that says who saved, when and which fields they changed (names
 * only, never values); nothing is written and the form keeps what was typed. Without a version the save goes ahead
 * (and still moves the version on, so a form opened before it is refused).
 *
 * `stored` gives the current values of fields that are not columns of the row (a meeting's agenda or participants,
 * kept in rows of their own), compared with `sent` like columns to tell which fields this save changed.
 */
export async function claimRowVersion(
  trx: Transaction<Database>,
  table: VersionedTable,
  id: number,
  loaded: number | undefined,
  actor: Actor,
  record: VersionedRecord,
  sent: Readonly<Record<string, unknown>>,
  stored: Readonly<Record<string, unknown>> = {},
): Promise<void> {
  // Kysely cannot type a column over a union of tables; the versioned tables share these columns.
  const t = trx as unknown as VersionedDb;
  const key = (KEY[table] ?? 'id') as 'id';
  const current = (await t.selectFrom(table).selectAll().where(key, '=', id).executeTakeFirst()) as VersionedRow | undefined;
  if (!current) {
    if (loaded === undefined) return; // the caller's own update reports the missing row
    throw new AppError('not_found', `${record.what} finnes ikke lenger.`);
  }
  const before: Record<string, unknown> = { ...current, ...stored };
  const changed = Object.keys(record.fields).filter((col) => col in sent && !same(before[col], sent[col]));
  let update = t
    .updateTable(table)
    .set((eb) => ({ row_version: eb('row_version', '+', 1), updated_by: actor.osUser, changed_fields: changed.join(',') }))
    .where(key, '=', id);
  if (loaded !== undefined) update = update.where('row_version', '=', loaded);
  const res = await update.executeTakeFirst();
  if (Number(res.numUpdatedRows) > 0 || loaded === undefined) return;
  const now = (await t.selectFrom(table).selectAll().where(key, '=', id).executeTakeFirst()) as VersionedRow | undefined;
  if (!now) throw new AppError('not_found', `${record.what} finnes ikke lenger.`);
  // Who, as people know each other: the name they gave beside the login ("Kari Nordmann (kari)").
  const name = now.updated_by === '' ? '' : (await personNames(trx, actor.osUser))(now.updated_by);
  throw new AppError('conflict', conflictMessage(record, now, loaded, name));
}

/** "Tiltaket ble endret av kari 01.12.2026 kl. 14:40 etter at du åpnet det. Endret: Ansvarlig. …" */
export function conflictMessage(record: VersionedRecord, now: VersionedRow, loaded: number | undefined, name = ''): string {
  const who = now.updated_by === '' ? 'en annen' : name && name !== now.updated_by ? `${name} (${now.updated_by})` : now.updated_by;
  const labels = now.changed_fields
    .split(',')
    .map((col) => record.fields[col])
    .filter((l): l is string => Boolean(l));
  const earlier = loaded !== undefined && now.row_version > loaded + 1 ? ' (og tidligere endringer)' : '';
  const fields = labels.length > 0 ? ` Endret: ${labels.join(', ')}${earlier}.` : '';
  const when = now.updated_at ? ` ${formatDateTime(now.updated_at)}` : '';
  return `${record.what} ble endret av ${who}${when} etter at du åpnet det.${fields} Det du skrev er ikke lagret, men står fortsatt i skjemaet. Lagre igjen for å erstatte endringen med ditt, eller avbryt.`;
}

/** Stored and sent column values are text, numbers or null; null and '' both mean "empty". */
function same(a: unknown, b: unknown): boolean {
  return text(a) === text(b);
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
