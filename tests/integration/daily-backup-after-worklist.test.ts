import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../fixtures/core';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose().catch(() => {});
});

describe('the daily backup at start', () => {
  it('waits for the worklist: it begins only after the first worklist page has been served', async () => {
    const c = await makeCore(); // the app's default: no explicit delay
    cores.push(c);
    expect((await c.ok('backups.dailyProgress', {})).state).toBe('waiting');
    // Longer than the 2 s delay: without a worklist page it has still not begun.
    await new Promise((r) => setTimeout(r, 2500));
    expect((await c.ok('backups.dailyProgress', {})).state).toBe('waiting');
    await c.ok('worklist.list', {});
    await c.dailyBackup.settled();
    expect(await c.ok('backups.dailyProgress', {})).toEqual({ state: 'done', percent: 100 });
  });

  it('a close before the worklist was shown cancels it cleanly', async () => {
    const c = await makeCore();
    cores.push(c);
    await c.close();
    await c.dailyBackup.settled();
    expect(c.dailyBackup.progress().state).toBe('waiting');
  });
});
