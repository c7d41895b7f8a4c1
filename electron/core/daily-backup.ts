import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { databaseFile } from './data-dir';
import { dailyBackupDue } from './db/file-trust';
import type { DailyBackupProgress } from '../../shared/contract/backups';

export interface DailyBackupRunner {
  /** Polled by the status bar (backups.dailyProgress). */
  progress(): DailyBackupProgress;
  /** Resolves when a started run has finished (at once when none is running). */
  settled(): Promise<void>;
  /** Cancels a run not yet started and waits for a running one: a half-written copy is never left behind. */
  stop(): Promise<void>;
}

/**
 * Where the worker's code is: beside the bundle (electron-vite builds it as its own entry,
 * out/main/daily-backup-worker.js) or, from source (tests, tsx scripts), the .ts file run through tsx.
 */
function workerEntry(): { file: string; execArgv?: string[] } {
  const here = import.meta.url;
  if (fileURLToPath(here).endsWith('.ts')) return { file: fileURLToPath(new URL('./daily-backup.worker.ts', here)), execArgv: ['--import', 'tsx'] };
  for (const rel of ['./daily-backup-worker.js', '../daily-backup-worker.js']) {
    const file = fileURLToPath(new URL(rel, here));
    if (existsSync(file)) return { file };
  }
  throw new Error('daily-backup-worker.js is missing from the build');
}

/**
 * The daily verified backup after start, off the main thread: start never waits for it (at 3M audit rows
 * the copy and integrity_check take seconds). `delayMs` leaves the first seconds to the worklist; whether a
 * backup is due is a directory listing, so later starts of the day spawn nothing.
 */
export function scheduleDailyBackup(opts: {
  dataDir: string;
  /** The database key (handle.key): the worker opens the encrypted file with it. */
  key: Buffer;
  /** False for a damaged file opened read-only: its damage is never copied as a backup. */
  enabled: boolean;
  now: () => Date;
  delayMs: number;
  /** Resolves when the worklist is up (its first page served): the delay counts from then. */
  after?: Promise<void>;
  log?: (line: string) => void;
}): DailyBackupRunner {
  const now = opts.now();
  let progress: DailyBackupProgress = { state: opts.enabled && dailyBackupDue(opts.dataDir, now) ? 'waiting' : 'not_due', percent: 0 };
  let timer: NodeJS.Timeout | null = null;

  const run = () =>
    new Promise<void>((resolve) => {
      timer = null;
      progress = { state: 'copying', percent: 0 };
      opts.log?.('daily backup: started');
      let worker: Worker;
      try {
        const entry = workerEntry();
        worker = new Worker(entry.file, {
          workerData: { file: databaseFile(opts.dataDir), dataDir: opts.dataDir, now: now.toISOString(), key: opts.key },
          ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
        });
      } catch (e) {
        progress = { state: 'failed', percent: 0 };
        opts.log?.(`daily backup: could not start (${e instanceof Error ? e.message : 'unknown'})`);
        return resolve();
      }
      worker.on('message', (m: { type: 'progress'; phase: 'copying'; percent: number } | { type: 'done'; verified: boolean }) => {
        if (m.type === 'progress') progress = { state: m.phase, percent: m.percent };
        else progress = m.verified ? { state: 'done', percent: 100 } : { state: 'failed', percent: 100 };
      });
      worker.on('error', () => (progress = { state: 'failed', percent: progress.percent }));
      worker.on('exit', () => {
        if (progress.state !== 'done') progress = { state: 'failed', percent: progress.percent };
        opts.log?.(`daily backup: ${progress.state}`);
        resolve();
      });
    });

  let cancel = () => {};
  let cancelled = false;
  const done =
    progress.state !== 'waiting'
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          cancel = () => {
            cancelled = true;
            resolve();
          };
          void (opts.after ?? Promise.resolve()).then(() => {
            if (cancelled) return;
            timer = setTimeout(() => void run().then(resolve), opts.delayMs);
            timer.unref?.(); // a script that never closes the core may exit; the app's own handles keep it alive
          });
        });
  return {
    progress: () => progress,
    settled: () => done,
    stop: () => {
      if (progress.state === 'waiting') {
        if (timer) clearTimeout(timer);
        timer = null;
        cancel();
      }
      return done;
    },
  };
}
