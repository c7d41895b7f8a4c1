// oxlint-disable-next-line import/default -- the package's index.d.ts says `export =`, imported as default (esModuleInterop)
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

/** How long the file must be quiet (no call) before its WAL is copied into the database file. */
export const IDLE_CHECKPOINT_DELAY_MS = 1000;

type Checkpointable = Pick<BetterSqlite3.Database, 'open' | 'readonly' | 'inTransaction' | 'pragma'>;

/**
 * Copies the WAL into the database file when the desk is idle, not inside a write. SQLite's own
 * checkpoint runs in the commit that crosses wal_autocheckpoint (open.ts): that write then copies every
 * page written since the last checkpoint and fsyncs the database file — tens of milliseconds on a busy
 * disk, in a call a person waits for. A PASSIVE checkpoint a moment after the last call does the same work
 * between actions; the autocheckpoint stays as the bound for a long run of writes without a pause (an
 * import). Durability does not change: every commit is already fsynced in the WAL (decision 0003).
 */
export function idleCheckpoint(current: () => Checkpointable | null, delayMs = IDLE_CHECKPOINT_DELAY_MS) {
  let timer: NodeJS.Timeout | null = null;
  const run = () => {
    timer = null;
    const sqlite = current();
    if (!sqlite?.open || sqlite.readonly) return;
    // A call's transaction is open (it awaits between statements): its commit comes first, then another pause.
    if (sqlite.inTransaction) return schedule();
    try {
      sqlite.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // A busy or closing file: the next pause or the autocheckpoint copies it instead.
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
    timer.unref();
  };
  return {
    /** After each call: (re)starts the quiet period. */
    afterCall: schedule,
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
