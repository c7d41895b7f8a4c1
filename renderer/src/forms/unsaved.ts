import { useEffect, useId, useRef } from 'react';
import { create } from 'zustand';

/**
 * Never lose typed work: every open editor with unsaved changes registers here (kit dialogs through <FormDialog>,
 * own-state editors through useUnsaved). Leaving a screen or closing a dialog asks first; the lock keeps the
 * values of drafted forms in memory (never on disk) and gives them back after the PIN.
 */
const dirty = new Map<string, () => boolean>();

/** The one open question "Forkaste endringene?" (shown by <DiscardDialog>), answered once. */
interface DiscardState {
  asking: boolean;
  answer: (discard: boolean) => void;
}
export const useDiscardQuestion = create<DiscardState>(() => ({ asking: false, answer: () => {} }));

/**
 * Asks in the app (never the browser's own confirm) whether to throw away what was typed: true for "Forkast",
 * false for "Fortsett å redigere" or Esc. A second ask while one is open gets the same answer.
 */
let pending: Promise<boolean> | null = null;
export function askDiscard(): Promise<boolean> {
  pending ??= new Promise<boolean>((resolve) => {
    let answered = false;
    // Opened after the key or click that asked has finished: an Esc that asked must not also answer.
    setTimeout(() => answered || useDiscardQuestion.setState({ asking: true }), 0);
    useDiscardQuestion.setState({
      answer: (discard) => {
        if (answered) return; // the modal's own close event after a button answered
        answered = true;
        pending = null;
        useDiscardQuestion.setState({ asking: false, answer: () => {} });
        resolve(discard);
      },
    });
  });
  return pending;
}

/** Whether anything open has unsaved changes. */
export function anyUnsaved(): boolean {
  for (const isDirty of dirty.values()) if (isDirty()) return true;
  return false;
}

/**
 * Leaving a screen: `leave` runs at once when nothing is unsaved, else after the person chose "Forkast" (which
 * forgets the changes); keeping on editing leaves everything as it was.
 */
export function leaveIfAgreed(leave: () => void): void {
  if (!anyUnsaved()) return leave();
  void askDiscard().then((discard) => {
    if (!discard) return;
    dirty.clear();
    leave();
  });
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
