import { existsSync, readFileSync } from 'node:fs';
import { chmod, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
// oxlint-disable-next-line import/default -- the package's index.d.ts says `export =`, imported as default (esModuleInterop)
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { createMac, entryHash, entryMessage, GENESIS_HASH, type Actor, type AuditFields } from './audit';

/** The last entry of the log: its sequence number (id) and hash. */
export interface AuditHead {
  seq: number;
  hash: string;
}

export type AuditProblem = 'link' | 'missing' | 'dropped' | 'anchor' | 'guard';

export interface AuditVerification {
  ok: boolean;
  /** Entries checked by this run (an incremental run checks those after the last verified anchor). */
  checked: number;
  /** Entries in the log. */
  total: number;
  /** Whether the whole chain was walked from the first entry. */
  full: boolean;
  /** The first bad position (log id): an edited, forged or missing entry. Null when the chain holds. */
  brokenAt: number | null;
  problem: AuditProblem | null;
  /** What a person reads when the chain does not hold (Norwegian), null when it does. */
  message: string | null;
}

/** The anchor outside the database: a small file beside it, 0600, MAC'd so it cannot be moved. */
interface Sidecar {
  head: AuditHead | null;
  verified: AuditHead | null;
}

export const AUDIT_HEAD_FILE = 'audit-head.json';
const GUARDS = ['audit_log_no_update', 'audit_log_no_delete', 'audit_log_append_only'];

type Row = [number, string, string, string, string, string, number | null, number | null, string, string];
const COLUMNS = 'id, at, actor, os_user, action, entity, entity_id, patient_id, prev_hash, hash';

function fields(r: Row): AuditFields {
  return { at: r[1], actor: r[2], os_user: r[3], action: r[4], entity: r[5], entity_id: r[6], patient_id: r[7] };
}

function tableExists(sqlite: BetterSqlite3.Database, name: string): boolean {
  return sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name) !== undefined;
}

export function readHead(sqlite: BetterSqlite3.Database): AuditHead | null {
  if (!tableExists(sqlite, 'audit_log')) return null;
  const row = sqlite.prepare('select id, hash from audit_log order by id desc limit 1').get() as { id: number; hash: string } | undefined;
  return row ? { seq: row.id, hash: row.hash } : null;
}

export const AUDIT_MESSAGES: Record<AuditProblem, (at: number) => string> = {
  link: (at) => `Loggen er endret utenfor Forløpsbenk. Første brudd er ved logg-id ${at}.`,
  missing: (at) => `Hendelser mangler i loggen fra og med logg-id ${at}. Loggen er kortet ned eller tømt utenfor Forløpsbenk.`,
  dropped: () => 'Loggtabellen er fjernet fra databasen utenfor Forløpsbenk.',
  anchor: () => 'Loggens anker utenfor databasen er endret eller mangler. Loggen ble kontrollert fra første hendelse.',
  guard: () => 'Vernet som hindrer endring av loggen er fjernet fra databasen utenfor Forløpsbenk.',
};

/** The keyed chain of one data folder: appends compute the MAC in audit.ts, this checks and anchors. */
export class AuditChain {
  private readonly mac: (message: string) => string;
  private readonly file: string;
  private sidecar: Sidecar | null;
  private sidecarBroken = false;

  /** `onWriteError`: the anchor file could not be written (it catches up at the next head change or close). */
  constructor(
    dataDir: string,
    key: Buffer,
    private readonly onWriteError: () => void = () => {},
  ) {
    this.mac = createMac(key);
    this.file = join(dataDir, AUDIT_HEAD_FILE);
    this.sidecar = this.load();
  }

  private sign(s: Sidecar): string {
    return this.mac(JSON.stringify(['audit-head', s.head, s.verified]));
  }

  private load(): Sidecar | null {
    if (!existsSync(this.file)) return null;
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as Sidecar & { mac: string };
      const s: Sidecar = { head: parsed.head ?? null, verified: parsed.verified ?? null };
      if (parsed.mac === this.sign(s)) return s;
    } catch {
      // falls through: an unreadable anchor is treated like a forged one
    }
    this.sidecarBroken = true;
    return null;
  }

  private persisting: Promise<void> | null = null;
  private pending = false;

  /**
   * Writes the anchor off the call path: the file system's work (on ext4 a replace-by-rename starts writeback of
   * the new file, 0.3–2 ms on a busy disk) runs on a libuv thread, not in the call that appended the entry.
   * Writes are serialized and coalesced, each one a state the chain was in, never older than the one before; a
   * crash before the write leaves the previous anchor, which the log still extends (noteHead moves it on at the
   * next start). close() waits for the last write (settled).
   */
  private save(): void {
    this.pending = true;
    this.persisting ??= this.persist();
  }

  private async persist(): Promise<void> {
    try {
      while (this.pending) {
        this.pending = false;
        const s = this.sidecar ?? { head: null, verified: null };
        const text = JSON.stringify({ ...s, mac: this.sign(s) });
        const tmp = `${this.file}.tmp`;
        await writeFile(tmp, text, { mode: 0o600 });
        await chmod(tmp, 0o600);
        await rename(tmp, this.file);
      }
    } catch {
      this.pending = false;
      this.onWriteError();
    } finally {
      this.persisting = null;
    }
  }

  /** Resolves once the anchor file holds the chain's current state (every write asked for so far is done). */
  async settled(): Promise<void> {
    while (this.persisting) await this.persisting;
  }

  private headStatement: { sqlite: BetterSqlite3.Database; stmt: BetterSqlite3.Statement } | null = null;

  private hashAt: { sqlite: BetterSqlite3.Database; stmt: BetterSqlite3.Statement } | null = null;

  /** The hash at one position, prepared once per connection like the head's: noteHead reads it after every write. */
  private hashAtStatement(sqlite: BetterSqlite3.Database): BetterSqlite3.Statement {
    if (this.hashAt?.sqlite !== sqlite) this.hashAt = { sqlite, stmt: sqlite.prepare('select hash from audit_log where id = ?') };
    return this.hashAt.stmt;
  }

  /**
   * The log's last entry, with the statement prepared once per connection: noteHead runs after every call, and
   * preparing (plus a schema lookup) each time cost more than the read itself. Null while there is no log table.
   */
  private currentHead(sqlite: BetterSqlite3.Database): AuditHead | null {
    if (this.headStatement?.sqlite !== sqlite) {
      if (!tableExists(sqlite, 'audit_log')) return null;
      this.headStatement = { sqlite, stmt: sqlite.prepare('select id, hash from audit_log order by id desc limit 1') };
    }
    let row: { id: number; hash: string } | undefined;
    try {
      row = this.headStatement.stmt.get() as typeof row;
    } catch (e) {
      this.headStatement = null; // the table was dropped or changed under us: look again next time
      if (!tableExists(sqlite, 'audit_log')) return null;
      throw e;
    }
    return row ? { seq: row.id, hash: row.hash } : null;
  }

  /** The anchored head (for a backup's manifest). */
  head(): AuditHead | null {
    return this.sidecar?.head ?? null;
  }

  hasAnchor(): boolean {
    return this.sidecar !== null || this.sidecarBroken;
  }

  /**
   * Moves the anchor to the log's current head. Skipped while a transaction is open on the connection
   * (it could still roll back); the call that owns it notes the head when it is done.
   */
  noteHead(sqlite: BetterSqlite3.Database): void {
    if (sqlite.inTransaction || !sqlite.open) return;
    const head = this.currentHead(sqlite);
    if (!head) return;
    const known = this.sidecar?.head;
    if (known && known.seq === head.seq && known.hash === head.hash) return;
    // Never move the anchor backwards or onto a different chain: that is what verify must report.
    if (known && head.seq <= known.seq) return;
    if (known) {
      const atKnown = this.hashAtStatement(sqlite).get(known.seq) as { hash: string } | undefined;
      if (atKnown?.hash !== known.hash) return;
    }
    this.sidecar = { head, verified: this.sidecar?.verified ?? null };
    this.save();
  }

  /**
   * Checks the chain: every link (keyed), ids without gaps, the anchored head still in place, the guards
   * still there. Incremental from the last verified anchor unless `full` (or the anchor is unusable).
   */
  verify(sqlite: BetterSqlite3.Database, opts: { full?: boolean } = {}): AuditVerification {
    const anchor = this.sidecar;
    const bad = (problem: AuditProblem, at: number | null, checked: number, total: number, full: boolean): AuditVerification => ({
      ok: false,
      checked,
      total,
      full,
      brokenAt: at,
      problem,
      message: AUDIT_MESSAGES[problem](at ?? 1),
    });
    if (!tableExists(sqlite, 'audit_log')) return bad('dropped', 1, 0, 0, true);
    const total = (sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
    let full = opts.full === true || this.sidecarBroken || !anchor?.verified;
    let prev = GENESIS_HASH;
    let expectId = 1;
    if (!full && anchor?.verified) {
      const start = sqlite.prepare(`select ${COLUMNS} from audit_log where id = ?`).raw().get(anchor.verified.seq) as Row | undefined;
      if (!start || start[9] !== anchor.verified.hash || this.mac(entryMessage(start[8], fields(start))) !== start[9]) {
        full = true; // the verified entry itself is gone or changed: walk from the first entry to find where
      } else {
        prev = start[9];
        expectId = start[0] + 1;
      }
    }
    let checked = 0;
    const iter = sqlite.prepare(`select ${COLUMNS} from audit_log where id >= ? order by id`).raw().iterate(expectId) as IterableIterator<Row>;
    let last: AuditHead | null = full ? null : { seq: expectId - 1, hash: prev };
    for (const r of iter) {
      if (r[0] !== expectId) return bad('missing', expectId, checked, total, full);
      if (r[8] !== prev || this.mac(entryMessage(r[8], fields(r))) !== r[9]) return bad('link', r[0], checked, total, full);
      prev = r[9];
      expectId++;
      checked++;
      last = { seq: r[0], hash: r[9] };
    }
    const head = anchor?.head;
    if (head) {
      if (!last || last.seq < head.seq) return bad('missing', (last?.seq ?? 0) + 1, checked, total, full);
      const atHead = sqlite.prepare('select hash from audit_log where id = ?').get(head.seq) as { hash: string } | undefined;
      if (atHead?.hash !== head.hash) return bad('link', head.seq, checked, total, full);
    } else if (this.sidecarBroken) {
      return bad('anchor', null, checked, total, full);
    }
    const triggers = (sqlite.prepare("select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'").all() as { name: string }[]).map(
      (t) => t.name,
    );
    if (GUARDS.some((g) => !triggers.includes(g))) return bad('guard', null, checked, total, full);
    if (last && !sqlite.inTransaction) {
      this.sidecar = { head: last, verified: last };
      this.sidecarBroken = false;
      this.save();
    }
    return { ok: true, checked, total, full, brokenAt: null, problem: null, message: null };
  }

  /**
   * A log written before the chain was keyed (marked by migration 0170) gets keyed links, once, on the
   * first start with a key and no anchor yet. The re-key is itself logged; a legacy chain that did not
   * hold is logged as such, with its first bad position.
   */
  rekeyLegacy(sqlite: BetterSqlite3.Database, actor: Actor, at: Date): boolean {
    const flag = sqlite.prepare("select value from app_setting where key = 'audit.chain'").get() as { value: string } | undefined;
    if (flag?.value !== 'sha256' || this.hasAnchor()) return false;
    const run = sqlite.transaction(() => {
      const rows = sqlite.prepare(`select ${COLUMNS} from audit_log order by id`).raw().all() as Row[];
      let legacyPrev = GENESIS_HASH;
      let brokenAt: number | null = null;
      let prev = GENESIS_HASH;
      const triggerSql = sqlite.prepare("select sql from sqlite_master where type = 'trigger' and name = 'audit_log_no_update'").get() as
        | { sql: string }
        | undefined;
      sqlite.exec('drop trigger if exists audit_log_no_update');
      const update = sqlite.prepare('update audit_log set prev_hash = ?, hash = ? where id = ?');
      for (const r of rows) {
        if (brokenAt === null && (r[8] !== legacyPrev || entryHash(r[8], fields(r)) !== r[9])) brokenAt = r[0];
        legacyPrev = r[9];
        const hash = this.mac(entryMessage(prev, fields(r)));
        update.run(prev, hash, r[0]);
        prev = hash;
      }
      if (triggerSql) sqlite.exec(triggerSql.sql);
      sqlite.prepare("delete from app_setting where key = 'audit.chain'").run();
      const e: AuditFields = {
        at: at.toISOString(),
        actor: actor.profile,
        os_user: actor.osUser,
        action: brokenAt === null ? 'audit.rekey' : 'audit.rekeyBroken',
        entity: 'audit',
        entity_id: brokenAt,
        patient_id: null,
      };
      const id = (rows.at(-1)?.[0] ?? 0) + 1;
      sqlite
        .prepare(`insert into audit_log (${COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(id, e.at, e.actor, e.os_user, e.action, e.entity, e.entity_id, e.patient_id, prev, this.mac(entryMessage(prev, e)));
    });
    run();
    return true;
  }
}

/**
 * A restore must not rewind the log: the restored file gets the whole log of the file it replaces
 * (same ids, same links), so entries made after the backup are kept and no id is used twice.
 */
export function carryAuditLog(from: BetterSqlite3.Database, to: BetterSqlite3.Database): void {
  const rows = from.prepare(`select ${COLUMNS} from audit_log order by id`).raw().iterate() as IterableIterator<Row>;
  const run = to.transaction(() => {
    const triggers = to.prepare("select sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'").all() as { sql: string }[];
    for (const t of to.prepare("select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'").all() as { name: string }[]) {
      to.exec(`drop trigger "${t.name}"`);
    }
    to.exec('delete from audit_log_pin; delete from audit_log;');
    const insert = to.prepare(`insert into audit_log (${COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    let first: number | null = null;
    for (const r of rows) {
      insert.run(...r);
      first ??= r[0];
    }
    if (first !== null) to.prepare('insert into audit_log_pin (id) values (?)').run(first);
    to.prepare("delete from app_setting where key = 'audit.chain'").run();
    const legacy = from.prepare("select value from app_setting where key = 'audit.chain'").get() as { value: string } | undefined;
    if (legacy) to.prepare("insert into app_setting (key, value) values ('audit.chain', ?)").run(legacy.value);
    for (const t of triggers) to.exec(t.sql);
  });
  run();
}
