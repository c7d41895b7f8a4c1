import { randomBytes } from 'node:crypto';
import type pgTypes from 'pg';
import { pg } from './pg-module';
import { pgConnectionConfig } from './open-pg';

/** The one channel every desk on a team database listens to. */
export const LIVE_CHANNEL = 'forlopsbenk_changes';

/** A change another desk made: the contract area and the record's internal id. Never patient data. */
export interface LiveChange {
  area: string;
  id: string | null;
}

/**
 * The connection to the team store as this desk sees it. `offlineSince` is set the moment the listening
 * connection (or a call) loses the server; `reconnectedAt` when it came back by itself.
 */
export interface StoreConnection {
  state: 'online' | 'offline';
  offlineSince: string | null;
  reconnectedAt: string | null;
}

export interface PgLive {
  /** Tells the other desks that a write in `area` committed (after the call's transaction, best effort). */
  notify(area: string, id: string | null): Promise<void>;
  /** The connection state now. */
  connection(): StoreConnection;
  /** A call failed on a lost connection: say so at once and start reconnecting. */
  lost(): void;
  /** Settles once the first LISTEN is in place (or the first try failed): no notice is missed after it. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface PgLiveOptions {
  url: string;
  /** For notify: the core's pool (one round trip, no extra connection). */
  pool: pgTypes.Pool;
  onChange(change: LiveChange): void;
  onConnection(state: StoreConnection): void;
  clock?: () => Date;
  /** How often to try again while the server is away, and how often to check it is still there. */
  retryMs?: number;
  heartbeatMs?: number;
}

/** The payload on the channel: short keys, the sender's origin so a desk skips its own notices. */
interface Wire {
  a: string;
  i: string | null;
  o: string;
}

/**
 * LISTEN/NOTIFY for the team store: one dedicated connection listens on LIVE_CHANNEL; writes are announced
 * by the app's write path (area + record id, never content). The same connection is the heartbeat: when it
 * ends or errs the desk is offline at once, and it reconnects every `retryMs` until the server answers;
 * then the desk refreshes everything (notices sent while away are lost).
 */
export function startPgLive(opts: PgLiveOptions): PgLive {
  const origin = randomBytes(8).toString('hex');
  const clock = opts.clock ?? (() => new Date());
  const retryMs = opts.retryMs ?? 1000;
  const heartbeatMs = opts.heartbeatMs ?? 5000;
  let state: StoreConnection = { state: 'online', offlineSince: null, reconnectedAt: null };
  let client: pgTypes.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let connecting = false;

  const setState = (next: StoreConnection) => {
    state = next;
    opts.onConnection({ ...state });
  };

  const goOffline = () => {
    if (closed) return;
    const old = client;
    client = null;
    old?.removeAllListeners();
    old?.on('error', () => {});
    void old?.end().catch(() => {});
    if (state.state !== 'offline') setState({ state: 'offline', offlineSince: clock().toISOString(), reconnectedAt: null });
    scheduleRetry();
  };

  const scheduleRetry = () => {
    if (closed || retry || connecting) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, retryMs);
    retry.unref?.();
  };

  const connect = async (): Promise<void> => {
    if (closed || client || connecting) return;
    connecting = true;
    const c = new (pg().Client)({ ...pgConnectionConfig(opts.url), keepAlive: true, application_name: 'forlopsbenk-live' });
    c.on('error', goOffline);
    c.on('end', goOffline);
    try {
      await c.connect();
      c.on('notification', (msg) => {
        if (msg.channel !== LIVE_CHANNEL || !msg.payload) return;
        let wire: Partial<Wire>;
        try {
          wire = JSON.parse(msg.payload) as Partial<Wire>;
        } catch {
          return;
        }
        if (wire.o === origin || typeof wire.a !== 'string') return;
        opts.onChange({ area: wire.a, id: typeof wire.i === 'string' ? wire.i : null });
      });
      await c.query(`LISTEN ${LIVE_CHANNEL}`);
      connecting = false;
      if (closed) {
        await c.end().catch(() => {});
        return;
      }
      client = c;
      if (state.state === 'offline') {
        setState({ state: 'online', offlineSince: null, reconnectedAt: clock().toISOString() });
        // Whatever changed while away was not announced here: refresh every view.
        opts.onChange({ area: '*', id: null });
      }
    } catch {
      connecting = false;
      c.removeAllListeners();
      c.on('error', () => {});
      await c.end().catch(() => {});
      if (!closed && state.state !== 'offline') setState({ state: 'offline', offlineSince: clock().toISOString(), reconnectedAt: null });
      scheduleRetry();
    }
  };

  const beat = setInterval(() => {
    if (client && !connecting) client.query('select 1').catch(goOffline);
  }, heartbeatMs);
  beat.unref?.();
  const ready = connect();

  return {
    async notify(area, id) {
      const wire: Wire = { a: area, i: id, o: origin };
      try {
        await opts.pool.query('select pg_notify($1, $2)', [LIVE_CHANNEL, JSON.stringify(wire)]);
      } catch {
        // The write itself committed; a lost notice only delays the others until their next refresh.
      }
    },
    ready,
    connection: () => ({ ...state }),
    lost() {
      if (client) {
        // Check the listening connection: the call's failure may have been the pool's alone.
        client.query('select 1').catch(goOffline);
      } else if (state.state !== 'offline') {
        setState({ state: 'offline', offlineSince: clock().toISOString(), reconnectedAt: null });
        scheduleRetry();
      }
    },
    async close() {
      closed = true;
      clearInterval(beat);
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      c?.removeAllListeners();
      c?.on('error', () => {});
      await c?.end().catch(() => {});
    },
  };
}

/** True when a driver error means the server cannot be reached (not a refused statement). */
export function isConnectionLoss(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const code = 'code' in e ? String((e as { code: unknown }).code) : '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(code)) return true;
  // SQLSTATE class 08 (connection exception), 57P01–57P03 (shutdown, crash, cannot connect now).
  if (/^08...$/.test(code) || code === '57P01' || code === '57P02' || code === '57P03') return true;
  const message = e instanceof Error ? e.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message);
}
