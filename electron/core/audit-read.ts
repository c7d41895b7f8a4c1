import type { Kysely, Transaction } from 'kysely';
import { methodFacts, type AuditedReadMethod } from '../../shared/contract';
import { appendAudit, type Actor } from './audit';
import type { Database } from './db/schema';

/** Which record a read touched: the service knows the ids, the contract knows what the read is called. */
export interface ReadTarget {
  entityId: number | null;
  patientId: number | null;
}

/**
 * Records one audited read (open, search, print, export, reveal) with the action and entity declared for
 * `method` in the contract. Only methods whose facts declare a read audit compile here.
 */
export async function auditRead(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  method: AuditedReadMethod,
  target: ReadTarget,
  at: Date,
): Promise<void> {
  const { action, entity } = methodFacts(method).audit;
  await appendAudit(db, actor, { action, entity, entityId: target.entityId, patientId: target.patientId }, at);
}
