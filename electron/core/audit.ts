import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './db/schema';
import { lockAuditAppend, pinFirstAuditEntry } from './db/dialect';
import { queueAuditAtCommit } from './db/pg-audit-commit';
import { compiledQueries } from './db/compiled-queries';

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

export interface AuditFields {
  at: string;
  actor: string;
  os_user: string;
  action: string;
  entity: string;
  entity_id: number | null;
  patient_id: number | null;
}

/** What a link covers: every field of the entry and the previous entry's hash. */
export function entryMessage(prevHash: string, e: AuditFields): string {
  return JSON.stringify([prevHash, e.at, e.actor, e.os_user, e.action, e.entity, e.entity_id, e.patient_id]);
}

/** The unkeyed SHA-256 link of logs written before the chain was keyed (read only by the re-key at start). */
export function entryHash(prevHash: string, e: AuditFields): string {
  return createHash('sha256').update(entryMessage(prevHash, e)).digest('hex');
}

/**
 * HMAC-SHA256 with a fixed key, computed from two precomputed hash states (RFC 2104): the same result as
 * createHmac, about five times faster per entry, which the 1,000,000-entry verify needs.
 */
export function createMac(key: Buffer): (message: string) => string {
  if (key.length < 16) throw new Error('The audit key must be at least 128 bits');
  const block = Buffer.alloc(64);
  (key.length > 64 ? createHash('sha256').update(key).digest() : key).copy(block);
  const inner = createHash('sha256').update(Buffer.from(block.map((b) => b ^ 0x36)));
  const outer = createHash('sha256').update(Buffer.from(block.map((b) => b ^ 0x5c)));
  return (message) => outer.copy().update(inner.copy().update(message).digest()).digest('hex');
}

/**
 * The audit key of each open database, by its Kysely adapter (a transaction shares its database's adapter).
 * The MAC is computed here, in the app, on both stores: the key stays in this process, never in the file
 * and never on the server.
 */
const macs = new WeakMap<object, (message: string) => string>();

/**
 * Makes the audit key available to appends on this database (call on every handle the core opens): the
 * folder's key on the local file, the team's shared key on the team store (every desk links into one chain).
 */
export function registerAuditKey(db: Kysely<Database>, key: Buffer): void {
  macs.set(db.getExecutor().adapter, createMac(key));
}

function macFor(db: Db): (message: string) => string {
  const mac = macs.get(db.getExecutor().adapter);
  if (!mac) throw new Error('The audit key is not registered for this database');
  return mac;
}

/** FORLOPSBENK_TEAM_AUDIT_KEY: the team's shared audit key, hex or base64, at least 128 bits. */
export function teamAuditKeyFromEnvironment(env: NodeJS.ProcessEnv): Buffer {
  const raw = env.FORLOPSBENK_TEAM_AUDIT_KEY?.trim() ?? '';
  const key = /^[0-9a-f]+$/i.test(raw) && raw.length % 2 === 0 ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length < 16) {
    throw new Error('Teamlageret trenger teamets felles loggnøkkel (FORLOPSBENK_TEAM_AUDIT_KEY, minst 128 bit). Spør IT.');
  }
  return key;
}

type Db = Kysely<Database> | Transaction<Database>;

/** Every write appends: its two statements are built and compiled once per store (compiled-queries.ts). */
const appendQueries = compiledQueries();

/**
 * Appends one entry to the tamper-evident audit log. Records who did what to which record, never content.
 * Call inside the write's transaction so the entry and the change land together or not at all; called
 * outside one (a read that is logged), it opens its own, so two callers can never link to the same entry.
 * On the team store the entry is queued and linked as the transaction's last step before COMMIT
 * (db/pg-audit-commit.ts), so the chain's lock is held for two round trips, not for the rest of the write.
 */
export async function appendAudit(trx: Db, actor: Actor, entry: AuditEntry, at: Date): Promise<void> {
  if (!trx.isTransaction) {
    await trx.transaction().execute((t) => appendAudit(t, actor, entry, at));
    return;
  }
  const row: AuditFields = {
    at: at.toISOString(),
    actor: actor.profile,
    os_user: actor.osUser,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    patient_id: entry.patientId,
  };
  // The link: HMAC over the canonical message (entryMessage), computed here on both stores.
  const mac = macFor(trx);
  if (await queueAuditAtCommit(trx, (prev, r) => mac(entryMessage(prev, r)), row)) return;
  await lockAuditAppend(trx);
  // limit as a literal: SQLite re-prepares a statement whose LIMIT is a rebound parameter, on every append.
  const [last] = await appendQueries.rows(trx, 'audit.last', {}, () =>
    trx.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(sql.lit(1)),
  );
  const prev = last?.hash ?? GENESIS_HASH;
  const id = (last?.id ?? 0) + 1;
  const values = { id, ...row, prev_hash: prev, hash: mac(entryMessage(prev, row)) };
  await appendQueries.rows(trx, 'audit.insert', values, (v) => trx.insertInto('audit_log').values(v as typeof values));
  if (id === 1) await pinFirstAuditEntry(trx);
}
