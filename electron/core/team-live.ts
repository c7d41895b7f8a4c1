import { contract, isMethodName, methodArea } from '../../shared/contract';
import type { Dispatch } from './dispatch';
import { startPgLive, type PgLive, type StoreConnection } from './db/pg-live';
import type { PgHandle } from './db/open-pg';

/**
 * What a core pushes to its windows: another desk changed data in an area (no `area` = refresh all), or the
 * team store's connection changed. Electron forwards these on IPC channels of the same names; browser mode
 * streams them on /events. Never patient data: an area name, an internal record id, a connection state.
 */
export type CoreEvent = { channel: 'data.changed'; area?: string; id?: string | null } | { channel: 'store.changed'; connection: StoreConnection };

export interface CoreEvents {
  on(listener: (event: CoreEvent) => void): () => void;
}

export interface EventHub extends CoreEvents {
  emit(event: CoreEvent): void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<(event: CoreEvent) => void>();
  return {
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const l of listeners) {
        try {
          l(event);
        } catch {
          // A window that went away must not stop the others.
        }
      }
    },
  };
}

/** The internal id of the record a write touched, when the answer or the input names one. */
function recordId(value: unknown, input: unknown): string | null {
  for (const v of [value, input]) {
    const id = (v as { id?: unknown } | null)?.id;
    if (typeof id === 'number' || (typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id))) return String(id);
  }
  return null;
}

export interface TeamLive {
  events: EventHub;
  /** Settles once this desk listens (a core returned after it misses no other desk's write). */
  ready: Promise<void>;
  connection(): StoreConnection;
  /** The dispatcher with the team's live behaviour: announce committed writes, notice a lost server. */
  wrap(dispatch: Dispatch): Dispatch;
  close(): Promise<void>;
}

/** Live updates and the connection state for a core on the team store (LISTEN/NOTIFY, see db/pg-live.ts). */
export function startTeamLive(handle: PgHandle, url: string, opts: { retryMs?: number } = {}): TeamLive {
  const events = createEventHub();
  const live: PgLive = startPgLive({
    url,
    pool: handle.pool,
    retryMs: opts.retryMs,
    onChange: (c) => events.emit(c.area === '*' ? { channel: 'data.changed' } : { channel: 'data.changed', area: c.area, id: c.id }),
    onConnection: (connection) => events.emit({ channel: 'store.changed', connection }),
  });
  return {
    events,
    ready: live.ready,
    connection: () => live.connection(),
    wrap: (dispatch) => async (method, input) => {
      const res = await dispatch(method, input);
      if (res.ok && isMethodName(method) && contract[method].facts.kind === 'mutation') {
        await live.notify(methodArea(method), recordId(res.value, input));
      } else if (!res.ok && res.error.code === 'unavailable') {
        live.lost();
      }
      return res;
    },
    close: () => live.close(),
  };
}

/** The local file's side: one desk, nothing to hear, always connected; the dispatcher as it is. */
export const LOCAL_LIVE: Omit<TeamLive, 'close'> = {
  events: createEventHub(),
  ready: Promise.resolve(),
  connection: () => ({ state: 'online', offlineSince: null, reconnectedAt: null }),
  wrap: (dispatch) => dispatch,
};
