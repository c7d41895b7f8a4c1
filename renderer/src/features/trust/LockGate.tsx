import { BodyLong, Button, Heading, TextField } from '@navikt/ds-react';
import { Suspense, useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { LockStatus } from '../../../../shared/contract/lock';
import { call, onLockedCall } from '../../api/client';
import { contractKey, queryClient, useContractQuery } from '../../api/query';
import { formatDateTime } from '../../../../shared/domain/time';
import { lazyNamed } from '../../lib/lazy-named';
import { create } from 'zustand';
import './trust.css';
import { firstMessage } from '../../api/field-errors';
import { setLocked } from '../../forms/unsaved';

const ACTIVITY = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

// Only a first start (no PIN yet) shows it: its form kit is not part of every start.
const SetPinForm = lazyNamed(() => import('./SetPinForm'), 'SetPinForm');

/** Whether the window shows patient data now (known, PIN set, not locked): shared with <WhenUnlocked>. */
const useOpen = create<{ open: boolean; set: (open: boolean) => void }>((set) => ({ open: false, set: (open) => set({ open }) }));

/** Renders its children only while the window is unlocked (dialogs outside the gate's subtree). */
export function WhenUnlocked({ children }: { children: ReactNode }) {
  return useOpen((s) => s.open) ? <>{children}</> : null;
}

/** Lets other parts (the status bar's "Lås nå") lock the window. */
const lockRequests = new Set<() => void>();
export function requestLock(): void {
  for (const l of lockRequests) l();
}

/** The lock state as the core just answered it (lock, unlock), without waiting for a refetch. */
function setStatus(status: LockStatus): void {
  setLocked(status.locked);
  queryClient.setQueryData(contractKey('lock.status', {}), status);
  // Locked: nothing read while unlocked stays in this window's memory either.
  if (status.locked) queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'lock.status' });
}

/**
 * Auto-lock: after the configured idle time the core is locked and everything inside this gate is
 * unmounted — no patient name, list or form stays on screen or in the DOM — until the PIN is entered.
 * Without a PIN yet (first start), asks for one before showing anything.
 */
export function LockGate({ children }: { children: ReactNode }) {
  // Refreshed by any change in the lock area (e.g. the idle time was changed in Innstillinger) and on focus.
  const query = useContractQuery('lock.status', {});
  const status: LockStatus | null = query.data ?? null;
  const lastActivity = useRef(Date.now());
  const { refetch } = query;
  const refresh = useCallback(() => void refetch(), [refetch]);

  const lock = useCallback(async (reason: 'idle' | 'manual') => {
    const res = await call('lock.lock', { reason });
    if (res.ok) setStatus(res.value);
  }, []);

  useEffect(() => {
    const offLocked = onLockedCall(() => refresh()); // the core's own idle timer locked it
    const onFocus = () => refresh();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    const manual = () => void lock('manual');
    lockRequests.add(manual);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
      lockRequests.delete(manual);
      offLocked();
    };
  }, [refresh, lock]);

  const armed = status !== null && status.pinSet && !status.locked;
  const setOpen = useOpen((s) => s.set);
  useEffect(() => setOpen(armed), [armed, setOpen]);
  const idleMs = (status?.idleSeconds ?? 600) * 1000;
  useEffect(() => {
    if (!armed) return;
    lastActivity.current = Date.now();
    // The core has its own idle timer (it locks with no window open); tell it the window is in use.
    let reported = Date.now();
    const touch = () => {
      lastActivity.current = Date.now();
      if (lastActivity.current - reported >= Math.min(15_000, idleMs / 3)) {
        reported = lastActivity.current;
        void call('lock.activity', {});
      }
    };
    for (const e of ACTIVITY) window.addEventListener(e, touch, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current >= idleMs) void lock('idle');
    }, 1000);
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [armed, idleMs, lock]);

  // Before the children unmount (commit runs after this render): open forms keep their drafts in memory.
  setLocked(status?.locked === true);
  if (!status) return null;
  if (!status.pinSet) {
    return (
      <main className="empty" style={{ textAlign: 'left' }}>
        <Heading level="1" size="medium" spacing>
          Velg PIN-kode
        </Heading>
        <BodyLong spacing>Vinduet låses når det ikke har vært brukt på en stund. Da skjules alle pasientopplysninger til PIN-koden er skrevet inn.</BodyLong>
        <Suspense fallback={null}>
          <SetPinForm onDone={refresh} />
        </Suspense>
      </main>
    );
  }
  if (status.locked) return <LockScreen status={status} onUnlocked={setStatus} />;
  return <>{children}</>;
}

function LockScreen({ status, onUnlocked }: { status: LockStatus; onUnlocked: (s: LockStatus) => void }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | undefined>(
    status.retryAfterSeconds > 0 ? `For mange feil forsøk. Vent ${status.retryAfterSeconds} sekunder og prøv igjen.` : undefined,
  );
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await call('lock.unlock', { pin });
    setPin('');
    if (res.ok) return onUnlocked(res.value);
    setError(firstMessage(res.error));
    input.current?.focus();
  }

  return (
    <main className="lock-screen" aria-labelledby="lock-title">
      <form onSubmit={submit} noValidate aria-label="Lås opp" className="lock-card">
        <Heading level="1" size="medium" id="lock-title" spacing>
          Forløpsbenk er låst
        </Heading>
        <BodyLong spacing>Vinduet ble låst fordi det ikke har vært brukt på en stund. Skriv inn PIN-koden din for å fortsette.</BodyLong>
        <TextField
          ref={input}
          size="small"
          label="PIN-kode"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
          error={error}
        />
        <div style={{ marginTop: 12 }}>
          <Button size="small" type="submit">
            Lås opp
          </Button>
        </div>
      </form>
    </main>
  );
}

/** Status bar: when the last verified backup was taken, and a button to lock now. */
export function TrustStatus() {
  const last = useContractQuery('backups.status', {}).data?.lastVerifiedAt;
  const team = useContractQuery('store.status', {}).data?.kind === 'postgres';
  return (
    <>
      <span data-testid="backup-status">
        {team
          ? 'Sikkerhetskopier tas på serveren'
          : last === undefined
            ? ''
            : last === null
              ? 'Ingen kontrollert sikkerhetskopi ennå'
              : `Sist kontrollerte sikkerhetskopi: ${formatDateTime(last)}`}
      </span>
      <button type="button" className="statusbar-button" onClick={requestLock}>
        Lås nå
      </button>
    </>
  );
}
