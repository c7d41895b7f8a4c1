import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, referral, type TestCore } from '../fixtures/core';
import { throttleMs } from '../../electron/core/services/lock.service';

describe('auto-lock and PIN', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = await makeCore();
  });
  afterEach(() => core.dispose());

  it('stores the PIN only as a salted scrypt hash', async () => {
    expect(await core.ok('lock.status', {})).toMatchObject({ pinSet: false, locked: false, idleSeconds: 600 });
    await core.ok('lock.setPin', { pin: '482915' });
    const stored = (core.handle.sqlite.prepare("select value from person_setting where key = 'lock.pinHash'").get() as { value: string }).value;
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored).not.toContain('482915');
    await core.ok('lock.setPin', { pin: '482915', currentPin: '482915' });
    const again = (core.handle.sqlite.prepare("select value from person_setting where key = 'lock.pinHash'").get() as { value: string }).value;
    expect(again).not.toBe(stored); // a fresh salt every time
  });

  it('while locked, every method but the lock and app info answers "locked"; the right PIN unlocks', async () => {
    const { patientId } = await core.ok('referrals.create', referral());
    expect(await core.dispatch('lock.lock', { reason: 'idle' })).toMatchObject({ ok: false, error: { code: 'conflict' } }); // no PIN yet
    await core.ok('lock.setPin', { pin: '1234' });
    await core.ok('lock.lock', { reason: 'idle' });
    for (const [method, input] of [
      ['patients.get', { id: patientId }],
      ['worklist.list', {}],
      ['audit.list', {}],
      ['backups.create', {}],
      ['profile.get', {}],
    ] as const) {
      expect(await core.dispatch(method, input)).toEqual({ ok: false, error: { code: 'locked', message: 'Forløpsbenk er låst. Lås opp med PIN-koden.' } });
    }
    expect(await core.ok('lock.status', {})).toMatchObject({ locked: true, pinSet: true });
    expect((await core.dispatch('app.info', {})).ok).toBe(true);
    expect(await core.dispatch('lock.unlock', { pin: '9999' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'pin', message: 'Feil PIN-kode' }] },
    });
    expect(await core.ok('lock.unlock', { pin: '1234' })).toMatchObject({ locked: false });
    expect((await core.dispatch('worklist.list', {})).ok).toBe(true);
    const actions = (await core.ok('audit.list', {})).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['lock.lock', 'lock.unlockFailed', 'lock.unlock', 'lock.setPin']));
  });

  it('throttles guessing: after three misses even the right PIN must wait', async () => {
    await core.ok('lock.setPin', { pin: '1234' });
    await core.ok('lock.lock', { reason: 'manual' });
    for (let i = 0; i < 3; i++) expect((await core.dispatch('lock.unlock', { pin: '0000' })).ok).toBe(false);
    const blocked = await core.dispatch('lock.unlock', { pin: '1234' });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringMatching(/Vent \d+ sekunder/) } });
    expect((await core.ok('lock.status', {})).retryAfterSeconds).toBeGreaterThan(0);
    expect((await core.ok('lock.status', {})).locked).toBe(true);
    core.trust.lock.blockedUntilMs = 0; // the wait has passed
    expect(await core.ok('lock.unlock', { pin: '1234' })).toMatchObject({ locked: false, retryAfterSeconds: 0 });
    expect([throttleMs(2), throttleMs(3), throttleMs(4), throttleMs(20)]).toEqual([0, 30_000, 60_000, 900_000]);
  });

  it('changing the PIN needs the current one', async () => {
    await core.ok('lock.setPin', { pin: '1234' });
    expect(await core.dispatch('lock.setPin', { pin: '5678' })).toMatchObject({ ok: false, error: { issues: [{ path: 'currentPin' }] } });
    expect(await core.dispatch('lock.setPin', { pin: '5678', currentPin: '1111' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'currentPin', message: 'Feil PIN-kode' }] },
    });
    await core.ok('lock.setPin', { pin: '5678', currentPin: '1234' });
    await core.ok('lock.lock', { reason: 'manual' });
    expect(await core.ok('lock.unlock', { pin: '5678' })).toMatchObject({ locked: false });
  });

  it('idle time, backup count and retention are settings with Norwegian errors', async () => {
    expect(await core.ok('security.getSettings', {})).toEqual({ idleSeconds: 600, backupKeep: 10, retentionMonths: 24 });
    await core.ok('security.saveSettings', { idleSeconds: 60, backupKeep: 5, retentionMonths: 12 });
    expect(await core.ok('lock.status', {})).toMatchObject({ idleSeconds: 60 });
    const bad = await core.dispatch('security.saveSettings', { idleSeconds: 60, backupKeep: 0, retentionMonths: 12 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'backupKeep', message: 'Behold minst én sikkerhetskopi' }] } });
  });
});
