import { useEffect, useId, useRef } from 'react';

/**
 * Never lose typed work: every open editor with unsaved changes registers here (kit dialogs through <FormDialog>,
 * own-state editors through useUnsaved). Leaving a screen or closing a dialog asks first; the lock keeps the
 * values of drafted forms in memory (never on disk) and gives them back after the PIN.
 */
const dirty = new Map<string, () => boolean>();

export const DISCARD_QUESTION = 'Du har endringer som ikke er lagret. Vil du forkaste dem?';

/** True when the person agrees to lose what was typed (or nothing was typed). */
export function confirmDiscard(): boolean {
  return window.confirm(DISCARD_QUESTION);
}

/** Whether anything open has unsaved changes. */
export function anyUnsaved(): boolean {
  for (const isDirty of dirty.values()) if (isDirty()) return true;
  return false;
}

/** Asks before leaving when something is unsaved; true when leaving is fine. Agreeing forgets the changes. */
export function confirmLeave(): boolean {
  if (!anyUnsaved()) return true;
  if (!confirmDiscard()) return false;
  dirty.clear();
  return true;
}

/** Registers an editor's unsaved state while mounted (`isDirty` read when someone wants to leave). */
export function useUnsaved(isDirty: boolean | (() => boolean)): void {
  const id = useId();
  const ref = useRef(isDirty);
  ref.current = isDirty;
  useEffect(() => {
    dirty.set(id, () => (typeof ref.current === 'function' ? ref.current() : ref.current));
    return () => void dirty.delete(id);
  }, [id]);
}

// ---- Lock: drafts kept in memory only ----

let locked = false;
const drafts = new Map<string, unknown>();

/** Set by the lock gate before it hides everything, so unmounting forms can keep their drafts. */
export function setLocked(value: boolean): void {
  locked = value;
}

/** While locking, a form unmounting with unsaved changes keeps its values here (in memory, never on disk). */
export function keepDraft(key: string, values: unknown): void {
  if (locked) drafts.set(key, values);
}

/** The draft kept for `key` at the last lock, taken out (given back once). */
export function takeDraft<T>(key: string): T | undefined {
  const value = drafts.get(key) as T | undefined;
  drafts.delete(key);
  return value;
}
