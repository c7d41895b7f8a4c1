import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/app-core';
import { FIXED_NOW, testMasterKey } from '../fixtures/core';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A folder with no backup yet, so today's daily backup is due and scheduled at start (delay 0). */
function start(log: (line: string) => void) {
  const dataDir = mkdtempSync(join(tmpdir(), 'forlopsbenk-daily-fail-'));
  dirs.push(dataDir);
  return startCore({
    dataDir,
    masterKey: testMasterKey(dataDir),
    transport: 'browser',
    version: 'test',
    demo: true,
    clock: () => FIXED_NOW,
    dailyBackupDelayMs: 0,
    log,
  });
}

/** Lets every timer due now run: a 0 ms timer set before this one fires first (timers of one duration run in order). */
const afterDueTimers = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('daily backup and a failed start', () => {
  it('a start that succeeds runs the scheduled backup (the control: the log shows it start)', async () => {
    const lines: string[] = [];
    const core = await start((l) => lines.push(l));
    try {
      expect(lines).toContain('daily backup: waiting');
      await afterDueTimers();
      expect(lines).toContain('daily backup: started');
      await core.dailyBackup.settled();
    } finally {
      await core.close();
    }
  });

  it('a start that fails after the backup was scheduled stops the schedule: no backup runs on the closed store', async () => {
    const lines: string[] = [];
    // The log fails (say, a closed stderr) on the line written just after scheduling: start fails there.
    const failing = start((l) => {
      lines.push(l);
      if (l === 'daily backup: waiting') throw new Error('EPIPE');
    });
    await expect(failing).rejects.toThrow('EPIPE');
    await afterDueTimers();
    expect(lines).toEqual(['daily backup: waiting']);
  });
});
