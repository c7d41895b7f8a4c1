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

const broadcast = typeof BroadcastChannel === 'function' ? new BroadcastChannel('forlopsbenk.changed') : null;
if (broadcast) broadcast.onmessage = (e: MessageEvent) => notifyChanged(areaOf(e.data));
window.forlopsbenk?.on('data.changed', (payload) => notifyChanged(areaOf(payload)));
