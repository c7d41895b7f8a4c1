import type { Envelope, Input, MethodName, Output } from '../../../shared/contract';
import { isQueryMethod, methodArea } from './method-kind';

interface Bridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  on(channel: string, listener: (payload: unknown) => void): () => void;
}
declare global {
  interface Window {
    forlopsbenk?: Bridge;
  }
}

const TOKEN_KEY = 'forlopsbenk.token';

/** Browser mode: the per-run token arrives in the URL fragment once; keep it for this tab only. */
function browserToken(): string {
  const match = /token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}
const token = window.forlopsbenk ? '' : browserToken();

/** Told the area a write changed; `undefined` when unknown (refresh everything). */
export type ChangeListener = (area: string | undefined) => void;
const listeners = new Set<ChangeListener>();

/** Calls one contract method over whichever transport this window has. Never throws. */
export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Envelope<Output<M>>> {
  try {
    let envelope: Envelope<Output<M>>;
    if (window.forlopsbenk) {
      envelope = (await window.forlopsbenk.invoke(method, input)) as Envelope<Output<M>>;
    } else {
      const res = await fetch('/rpc', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ method, input }),
      });
      if (res.status === 401) return { ok: false, error: { code: 'internal', message: 'Økten er utløpt. Åpne lenken fra terminalen på nytt.' } };
      if (!res.ok) return { ok: false, error: { code: 'internal', message: 'Forbindelsen til Forløpsbenk feilet.' } };
      envelope = (await res.json()) as Envelope<Output<M>>;
    }
    // A successful write tells the views it affects to refresh (the contract's `invalidates` facts), here and in other windows.
    if (envelope.ok && !isQueryMethod(method)) {
      notifyChanged(methodArea(method));
      broadcast?.postMessage({ area: methodArea(method) });
    }
    // The core locked on its own (its idle timer): let the lock gate look again.
    if (!envelope.ok && envelope.error.code === 'locked') for (const l of lockedListeners) l();
    return envelope;
  } catch {
    return { ok: false, error: { code: 'internal', message: 'Forbindelsen til Forløpsbenk feilet.' } };
  }
}

const lockedListeners = new Set<() => void>();

/** Subscribe to "a call was refused because the core is locked" (the lock gate re-reads its status). */
export function onLockedCall(listener: () => void): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

/**
 * Subscribe to "data changed": after a write in this window, a write in another tab of this browser session
 * (BroadcastChannel), or a change pushed by main on the `data.changed` channel (payload `{ area?: string }`).
 */
export function onChanged(listener: ChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notifyChanged(area: string | undefined): void {
  for (const l of listeners) l(area);
}

function areaOf(payload: unknown): string | undefined {
  const area = (payload as { area?: unknown } | null)?.area;
  return typeof area === 'string' ? area : undefined;
}

/** The team store's connection as the core sees it (pushed on `store.changed`). */
export interface StoreConnection {
  state: 'online' | 'offline';
  offlineSince: string | null;
  reconnectedAt: string | null;
}
const storeListeners = new Set<(c: StoreConnection) => void>();

/** Subscribe to the team store's connection changing (lost, back). */
export function onStoreConnection(listener: (c: StoreConnection) => void): () => void {
  storeListeners.add(listener);
  return () => storeListeners.delete(listener);
}

function pushed(channel: string, payload: unknown): void {
  if (channel === 'data.changed') notifyChanged(areaOf(payload));
  const connection = (payload as { connection?: StoreConnection } | null)?.connection;
  if (channel === 'store.changed' && connection) for (const l of storeListeners) l(connection);
}

/**
 * Browser mode: the core's pushes arrive on GET /events (server-sent events read through fetch, so the token
 * travels in the header). A dropped stream is opened again after a second; then everything refreshes.
 */
async function streamEvents(): Promise<void> {
  let first = true;
  for (;;) {
    try {
      const res = await fetch('/events', { headers: { Authorization: `Bearer ${token}` } });
      if (res.status === 401) return;
      if (res.ok && res.body) {
        if (!first) notifyChanged(undefined);
        first = false;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            for (const line of block.split('\n')) {
              if (!line.startsWith('data: ')) continue;
              try {
                const { channel, ...payload } = JSON.parse(line.slice(6)) as { channel: string };
                pushed(channel, payload);
              } catch {
                // A malformed line is skipped; the next push carries on.
              }
            }
            end = buffer.indexOf('\n\n');
          }
        }
      }
    } catch {
      // The local server is gone (closed tab's server, restart): try again shortly.
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const broadcast = typeof BroadcastChannel === 'function' ? new BroadcastChannel('forlopsbenk.changed') : null;
if (broadcast) broadcast.onmessage = (e: MessageEvent) => notifyChanged(areaOf(e.data));
if (window.forlopsbenk) {
  window.forlopsbenk.on('data.changed', (payload) => pushed('data.changed', payload));
  window.forlopsbenk.on('store.changed', (payload) => pushed('store.changed', payload));
} else if (typeof fetch === 'function' && token) {
  void streamEvents();
}
