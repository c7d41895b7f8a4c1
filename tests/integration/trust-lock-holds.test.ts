import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../fixtures/core';
import { IDLE_TICK_MS } from '../../electron/core/idle-timer';

const cores: TestCore[] = [];
async function core(opts: Parameters<typeof makeCore>[0] = {}): Promise<TestCore> {
  const c = await makeCore(opts);
  cores.push(c);
  return c;
}
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose().catch(() => undefined);
});
const tick = () => new Promise((r) => setTimeout(r, IDLE_TICK_MS * 1.6));

describe('a lock that holds', () => {
  it('the idle timer runs in the core: with no window calling, the lock falls after the idle time', async () => {
    const c = await core();
    await c.ok('lock.setPin', { pin: '4821' });
    let offset = 0;
    c.trust.lock.now = () => Date.now() + offset;
    await tick();
    expect(c.trust.lock.locked).toBe(false);
    offset = 601_000; // the default idle time (600 s) has passed with no call
    await tick();
    expect(await c.ok('lock.status', {})).toMatchObject({ locked: true });
    expect((await c.ok('lock.unlock', { pin: '4821' })).locked).toBe(false);
    // A window in use reports activity: no lock under a person's hands.
    offset += 601_000;
    await c.ok('lock.activity', {});
    await tick();
    expect(c.trust.lock.locked).toBe(false);
    // Status polls are not use.
    offset += 601_000;
    await c.ok('lock.status', {});
    await tick();
    expect(c.trust.lock.locked).toBe(true);
  });

  it('locked state, failed tries and the wait survive a close and a new start', async () => {
    const c = await core();
    await c.ok('lock.setPin', { pin: '4821' });
    await c.ok('lock.lock', { reason: 'manual' });
    for (let i = 0; i < 3; i++) await c.dispatch('lock.unlock', { pin: '0000' });
    const wait = c.trust.lock.blockedUntilMs;
    await c.close();
    const again = await core({ dataDir: c.dataDir });
    expect(again.trust.lock).toMatchObject({ locked: true, failures: 3, blockedUntilMs: wait });
    expect(await again.dispatch('lock.unlock', { pin: '4821' })).toMatchObject({
      ok: false,
      error: { code: 'locked', message: expect.stringMatching(/Vent/) },
    });
    again.trust.lock.blockedUntilMs = 0;
    expect(await again.ok('lock.unlock', { pin: '4821' })).toMatchObject({ locked: false });
    await again.close();
    const third = await core({ dataDir: c.dataDir });
    expect(third.trust.lock).toMatchObject({ locked: false, failures: 0 });
  });
});
