import type { Envelope, Input, MethodName, Output } from '../../../shared/contract';
import { isQueryMethod } from './method-kind';

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

const listeners = new Map<string, Set<() => void>>();

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
    // A successful write (a mutation in the contract's facts) tells the loaded views to refresh.
    if (envelope.ok && !isQueryMethod(method)) notifyChanged();
    // The core locked on its own (its idle timer): let the lock gate look again.
    if (!envelope.ok && envelope.error.code === 'locked') for (const l of listeners.get('locked') ?? []) l();
    return envelope;
  } catch {
    return { ok: false, error: { code: 'internal', message: 'Forbindelsen til Forløpsbenk feilet.' } };
  }
}

/** Subscribe to "a call was refused because the core is locked" (the lock gate re-reads its status). */
export function onLockedCall(listener: () => void): () => void {
  const set = listeners.get('locked') ?? new Set();
  set.add(listener);
  listeners.set('locked', set);
  return () => set.delete(listener);
}

/** Subscribe to "data changed": refresh after any write, from this window or pushed by main. */
export function onChanged(listener: () => void): () => void {
  const set = listeners.get('changed') ?? new Set();
  set.add(listener);
  listeners.set('changed', set);
  return () => set.delete(listener);
}

function notifyChanged(): void {
  for (const l of listeners.get('changed') ?? []) l();
}
