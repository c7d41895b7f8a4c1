// The daily verified backup, off the main thread: its own connection to the live file (WAL: the app keeps
// reading and writing), the production dailyBackupIfDue (copy, integrity_check, rotation). Progress and the
// outcome go back to daily-backup.ts as messages.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './db/open';
import { dailyBackupIfDue } from './trust-runtime';

const { file, dataDir, now } = workerData as { file: string; dataDir: string; now: string };
const post = (m: unknown) => parentPort?.postMessage(m);
const handle = openDatabase(file);
try {
  let last = -1;
  const info = await dailyBackupIfDue(handle, dataDir, new Date(now), (fraction) => {
    const percent = Math.floor(fraction * 90);
    if (percent !== last) post({ type: 'progress', phase: fraction >= 1 ? 'verifying' : 'copying', percent: (last = percent) });
  });
  post({ type: 'done', verified: info !== null });
} catch {
  post({ type: 'done', verified: false });
} finally {
  await handle.close();
}
