import type { DbHandle } from './db/open';
import type { LockState } from './trust-runtime';
import { SECURITY_DEFAULTS } from '../../shared/contract/security';

/** How often the core looks at the idle time. */
export const IDLE_TICK_MS = 1000;

/**
 * The idle lock runs in the core, not only in a window: with no window open (browser mode with the tab
 * closed, a minimised desktop window that stopped its timers) the lock still falls after lock.idleSeconds
 * without use. Use = any call but the lock's own status calls (see app-core), or lock.activity, which the
 * window sends while a person moves the mouse or types.
 */
export function startIdleTimer(state: LockState, current: () => DbHandle, lock: () => Promise<unknown>): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (state.locked || busy) return;
    const sqlite = current().sqlite;
    if (!sqlite.open) return;
    const setting = (key: string) => (sqlite.prepare('select value from app_setting where key = ?').get(key) as { value: string } | undefined)?.value ?? null;
    let idleSeconds: number;
    try {
      if (setting('lock.pinHash') === null) return;
      const raw = Number(setting('lock.idleSeconds'));
      idleSeconds = Number.isInteger(raw) && raw >= 5 ? raw : SECURITY_DEFAULTS.idleSeconds;
    } catch {
      return; // the file is being swapped by a restore; look again at the next tick
    }
    if (state.now() - state.lastActivityMs < idleSeconds * 1000) return;
    busy = true;
    void lock().finally(() => (busy = false));
  }, IDLE_TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
