import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { LockState } from './trust-runtime';
import { readSetting } from './settings';
import { SECURITY_DEFAULTS } from '../../shared/contract/security';

/** How often the core looks at the idle time. */
export const IDLE_TICK_MS = 1000;

/**
 * The idle lock runs in the core, not only in a window: with no window open (browser mode with the tab
 * closed, a minimised desktop window that stopped its timers) the lock still falls after lock.idleSeconds
 * without use. Use = any call but the lock's own status calls (see app-core), or lock.activity, which the
 * window sends while a person moves the mouse or types. The settings are read through the store's
 * connection, so it works the same on the local file and the team store.
 */
export function startIdleTimer(state: LockState, current: () => Kysely<Database>, lock: () => Promise<unknown>): () => void {
  let busy = false;
  const tick = async () => {
    let idleSeconds: number;
    try {
      const db = current();
      if ((await readSetting(db, 'lock.pinHash')) === null) return;
      idleSeconds = (await readSetting(db, 'lock.idleSeconds')) ?? SECURITY_DEFAULTS.idleSeconds;
    } catch {
      return; // the file is being swapped by a restore; look again at the next tick
    }
    if (state.locked || state.now() - state.lastActivityMs < idleSeconds * 1000) return;
    await lock();
  };
  const timer = setInterval(() => {
    if (state.locked || busy) return;
    busy = true;
    void tick().finally(() => (busy = false));
  }, IDLE_TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
