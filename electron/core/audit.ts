import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db/schema';
import { lockAuditAppend } from './db/dialect';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: number | null;
  patientId: number | null;
}

export interface Actor {
  /** The coordinator profile's name, or a placeholder before the profile exists. */
  profile: string;
  osUser: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The hash covers every field of the entry and the previous entry's hash: editing any entry breaks the chain. */
export function entryHash(prevHash: string, e: { at: string; actor: string; os_user: string; action: string; entity: string; entity_id: number | null; patient_id: number | null }): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, e.at, e.actor, e.os_user, e.action, e.entity, e.entity_id, e.patient_id]))
    .digest('hex');
}

/**
 * Appends one entry to the tamper-evident audit log. Records who did what to which record, never content.
 * Call inside the write's transaction so the entry and the change land together or not at all.
 */
export async function appendAudit(
  trx: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  entry: AuditEntry,
  at: Date,
): Promise<void> {
  await lockAuditAppend(trx);
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prev = last?.hash ?? GENESIS_HASH;
  const row = {
    at: at.toISOString(),
    actor: actor.profile,
    os_user: actor.osUser,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    patient_id: entry.patientId,
  };
  await trx.insertInto('audit_log').values({ ...row, prev_hash: prev, hash: entryHash(prev, row) }).execute();
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** Id of the first entry whose link does not hold; null when the whole chain holds. */
  brokenAt: number | null;
}

/**
 * Walks the chain from the first entry: each entry's prev_hash must be the previous entry's hash (the
 * genesis hash for the first) and its hash must match its own fields. An edited entry breaks its own link;
 * a removed entry breaks the link of the one after it; an inserted one breaks its own.
 * Reads in pages by id so a long log never sits in memory at once.
 */
export async function verifyAuditChain(db: Kysely<Database> | Transaction<Database>, pageSize = 5000): Promise<AuditVerification> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', lastId).orderBy('id').limit(pageSize).execute();
    if (rows.length === 0) return { ok: true, checked, brokenAt: null };
    for (const row of rows) {
      if (row.prev_hash !== prev || entryHash(row.prev_hash, row) !== row.hash) return { ok: false, checked, brokenAt: row.id };
      prev = row.hash;
      lastId = row.id;
      checked++;
    }
  }
}
