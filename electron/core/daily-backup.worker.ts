// The daily verified backup, off the main thread: its own keyed connection to the live file (WAL: the app keeps
// reading and writing), the production dailyBackupIfDue (VACUUM INTO a temporary name, integrity_check, manifest,
// rename, rotation). It writes no audit entry (audit appends stay serialised on the main connection). The
// outcome goes back to daily-backup.ts as messages: copying, then done.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './db/open';
import { dailyBackupIfDue } from './db/file-trust';

const { file, dataDir, now, key } = workerData as { file: string; dataDir: string; now: string; key: Uint8Array };
const post = (m: unknown) => parentPort?.postMessage(m);
// A Buffer arrives as a plain Uint8Array (structured clone).
const handle = openDatabase(file, { key: Buffer.from(key) });
try {
  post({ type: 'progress', phase: 'copying', percent: 0 });
  const info = await dailyBackupIfDue(handle, dataDir, new Date(now));
  post({ type: 'done', verified: info !== null });
} catch {
  post({ type: 'done', verified: false });
} finally {
  await handle.close();
}
