import {
  CompiledQuery,
  PostgresAdapter,
  PostgresDialect,
  PostgresDriver,
  type DatabaseConnection,
  type Driver,
  type Kysely,
  type PostgresDialectConfig,
  type QueryCompiler,
  type Transaction,
} from 'kysely';
import type { AuditFields } from '../audit';
import { pg } from './pg-module';
import type { Database } from './schema';

/**
 * The team store's audit appends, linked at commit. Every desk's writes go into one HMAC chain, so appends
 * are serialised by an advisory lock held until commit. Taken where the service calls appendAudit, that lock
 * covered the rest of the transaction (the deadline recompute, a dozen round trips); here appendAudit only
 * queues the entry on the transaction's connection, and the commit does, as its very last step:
 *   1. `forlopsbenk_audit_head()`: take the lock, read the head (one round trip; pg_0080),
 *   2. the MAC of each queued entry, in this process (the key never reaches the server),
 *   3. the inserts and COMMIT in one round trip (the lock is released by the commit).
 * The chain stays gapless and ordered (the append-only trigger still checks id and link), "who" is still set
 * by the server's trigger, and an entry lands with its change or not at all (a rollback drops the queue).
 */

/** What an entry covers, as audit.ts links it (the MAC is computed by the caller's function). */
export type QueuedAuditRow = AuditFields;

interface Queue {
  link: (prevHash: string, row: QueuedAuditRow) => string;
  rows: QueuedAuditRow[];
  /** Queue lengths at each open savepoint, so a rollback to one drops the entries queued after it. */
  savepoints: Map<string, number>;
}

const queues = new WeakMap<DatabaseConnection, Queue>();

/** audit.ts's GENESIS_HASH (not imported: audit.ts imports this module). */
const GENESIS_HASH = '0'.repeat(64);

/** The adapter of a database whose commits link queued audit entries (see TeamDialect). */
class AuditAtCommitAdapter extends PostgresAdapter {}

function literal(v: string | number | null): string {
  if (v === null) return 'null';
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new Error('audit entry: an id that is not an integer');
    return String(v);
  }
  return pg().escapeLiteral(v);
}

function insertStatement(id: number, row: QueuedAuditRow, prev: string, hash: string): string {
  const values = [id, row.at, row.actor, row.os_user, row.action, row.entity, row.entity_id, row.patient_id, prev, hash].map(literal).join(', ');
  return `insert into audit_log (id, at, actor, os_user, action, entity, entity_id, patient_id, prev_hash, hash) values (${values})`;
}

class AuditAtCommitDriver extends PostgresDriver {
  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const queue = queues.get(connection);
    queues.delete(connection);
    if (!queue || queue.rows.length === 0) return super.commitTransaction(connection);
    const head = (
      await connection.executeQuery<{ head_id: number | null; head_hash: string | null }>(
        CompiledQuery.raw('select head_id, head_hash from forlopsbenk_audit_head()'),
      )
    ).rows[0];
    let prev = head?.head_hash ?? GENESIS_HASH;
    let id = (head?.head_id ?? 0) + 1;
    const first = id;
    const statements: string[] = [];
    for (const row of queue.rows) {
      const hash = queue.link(prev, row);
      statements.push(insertStatement(id, row, prev, hash));
      prev = hash;
      id++;
    }
    if (first === 1) statements.push('insert into audit_log_pin (id) values (1) on conflict do nothing');
    // Literal values, no parameters: the simple query protocol runs the inserts and the commit in one round
    // trip. An insert refused (a trigger, a grant) ends the string there, and the caller rolls back.
    await connection.executeQuery(CompiledQuery.raw([...statements, 'commit'].join(';\n')));
  }

  override async rollbackTransaction(connection: Parameters<PostgresDriver['rollbackTransaction']>[0]): Promise<void> {
    queues.delete(connection);
    return super.rollbackTransaction(connection);
  }

  override async savepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    const queue = queues.get(connection);
    queue?.savepoints.set(name, queue.rows.length);
    return super.savepoint(connection, name, compileQuery);
  }

  override async rollbackToSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    const queue = queues.get(connection);
    const mark = queue?.savepoints.get(name);
    if (queue) queue.rows.length = mark ?? 0;
    return super.rollbackToSavepoint(connection, name, compileQuery);
  }
}

/** PostgresDialect whose transactions link their queued audit entries at commit. Used by openPostgres. */
export class TeamDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;

  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new AuditAtCommitDriver(this.#config);
  }

  override createAdapter(): PostgresAdapter {
    return new AuditAtCommitAdapter();
  }
}

/**
 * Queues one audit entry on the transaction's connection, to be linked at its commit. False when this
 * database does not link at commit (SQLite, or a PostgreSQL handle not opened by openPostgres): the caller
 * appends at once.
 */
export async function queueAuditAtCommit(
  trx: Transaction<Database> | Kysely<Database>,
  link: (prevHash: string, row: QueuedAuditRow) => string,
  row: QueuedAuditRow,
): Promise<boolean> {
  if (!trx.isTransaction || !(trx.getExecutor().adapter instanceof AuditAtCommitAdapter)) return false;
  const connection = await trx.getExecutor().provideConnection(async (c) => c);
  let queue = queues.get(connection);
  if (!queue) {
    queue = { link, rows: [], savepoints: new Map() };
    queues.set(connection, queue);
  }
  queue.rows.push(row);
  return true;
}
