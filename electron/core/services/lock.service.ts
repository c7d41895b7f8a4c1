import { AppError } from '../../../shared/contract/envelope';
import { SECURITY_DEFAULTS } from '../../../shared/contract/security';
import { appendAudit } from '../audit';
import { hashPin, pinMatches } from '../pin-hash';
import { readSetting, writeSetting } from '../settings';
import { LOCK_STATE_KEY, lockStateValue, type LockState, type TrustRuntime } from '../trust-runtime';
import type { ServiceContext } from './context';
import { requireTrust } from './trust-deps';

export const PIN_KEY = 'lock.pinHash' as const;
export const IDLE_KEY = 'lock.idleSeconds' as const;
/** Attempts allowed before the wait starts; then 30 s, doubling per further miss, at most 15 minutes. */
export const FREE_ATTEMPTS = 3;

export function throttleMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(30_000 * 2 ** (failures - FREE_ATTEMPTS), 15 * 60_000);
}

export async function idleSeconds(ctx: ServiceContext): Promise<number> {
  return (await readSetting(ctx.db, IDLE_KEY)) ?? SECURITY_DEFAULTS.idleSeconds;
}

export function createLockService(ctx: ServiceContext, trustOrNone: TrustRuntime | undefined) {
  const lock = (): LockState => requireTrust(trustOrNone).lock;

  async function status() {
    const state = lock();
    const pinSet = (await readSetting(ctx.db, PIN_KEY)) !== null;
    return {
      pinSet,
      locked: state.locked,
      idleSeconds: await idleSeconds(ctx),
      retryAfterSeconds: Math.max(0, Math.ceil((state.blockedUntilMs - state.now()) / 1000)),
    };
  }

  function assertNotThrottled(path: string) {
    const state = lock();
    const wait = Math.ceil((state.blockedUntilMs - state.now()) / 1000);
    if (wait > 0) {
      const message = `For mange feil forsøk. Vent ${wait} sekunder og prøv igjen.`;
      throw new AppError('locked', message, [{ path, message }]);
    }
  }

  /** Writes the lock state (locked, failed tries, wait) with its audit entry, so a restart keeps both. */
  async function record(action: string, change: (state: LockState) => void): Promise<void> {
    const state = lock();
    const before = { locked: state.locked, failures: state.failures, blockedUntilMs: state.blockedUntilMs };
    change(state);
    try {
      await ctx.db.transaction().execute(async (trx) => {
        await writeSetting(trx, LOCK_STATE_KEY, lockStateValue(state));
        await appendAudit(trx, ctx.actor(), { action, entity: 'lock', entityId: null, patientId: null }, ctx.clock());
      });
    } catch (e) {
      // Not stored: an unlock or a cleared count must not hold in memory alone. A lock or a miss stays.
      if (!state.locked || state.failures < before.failures) Object.assign(state, before);
      throw e;
    }
  }

  /**
   * Checks a PIN against the stored hash, counting misses; the audit log gets an entry either way.
   * One check at a time (serial): a burst of parallel attempts meets the same wait as one after another.
   */
  function checkPin(pin: string, path: string, onMatch?: (state: LockState) => void): Promise<void> {
    return lock().serial(async () => {
      assertNotThrottled(path);
      const stored = await readSetting(ctx.db, PIN_KEY);
      const ok = stored !== null && (await pinMatches(pin, stored));
      if (ok) {
        await record('lock.unlock', (state) => {
          state.failures = 0;
          state.blockedUntilMs = 0;
          onMatch?.(state);
        });
        return;
      }
      await record('lock.unlockFailed', (state) => {
        state.failures++;
        state.blockedUntilMs = state.now() + throttleMs(state.failures);
      });
      const message = 'Feil PIN-kode';
      throw new AppError('invalid_input', message, [{ path, message }]);
    });
  }

  return {
    status,

    async setPin(input: { pin: string; currentPin?: string | undefined }) {
      const existing = await readSetting(ctx.db, PIN_KEY);
      if (existing !== null) {
        if (input.currentPin === undefined) {
          const message = 'Skriv inn nåværende PIN-kode';
          throw new AppError('invalid_input', message, [{ path: 'currentPin', message }]);
        }
        await checkPin(input.currentPin, 'currentPin');
      }
      const hash = await hashPin(input.pin);
      await ctx.db.transaction().execute(async (trx) => {
        await writeSetting(trx, PIN_KEY, hash);
        await appendAudit(trx, ctx.actor(), { action: 'lock.setPin', entity: 'lock', entityId: null, patientId: null }, ctx.clock());
      });
      return status();
    },

    async unlock({ pin }: { pin: string }) {
      if (!lock().locked) return status();
      await checkPin(pin, 'pin', (state) => {
        state.locked = false;
        state.lastActivityMs = state.now();
      });
      return status();
    },

    /** The window reports use (mouse, keys) so the core's idle timer does not lock under a person's hands. */
    activity() {
      const state = lock();
      state.lastActivityMs = state.now();
      return {};
    },

    /** Locks this core: until unlocked, every call but the lock's own answers 'locked'. Needs a PIN. */
    async lock(_input: { reason: 'idle' | 'manual' }) {
      if ((await readSetting(ctx.db, PIN_KEY)) === null) throw new AppError('conflict', 'Velg en PIN-kode før vinduet kan låses');
      if (!lock().locked) await record('lock.lock', (state) => (state.locked = true));
      return status();
    },
  };
}
