import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { useScreenKeys } from '../meetings/keys';

/**
 * `n` means "new" of the current screen (UI.md): the screen (or the patient page's open tab) names its new thing
 * here, `n` opens it, and `?` lists it. A screen without one leaves `n` to the app-wide "Ny henvisning".
 */
interface NewActionState {
  /** What `n` opens here (e.g. "Nytt møte"); null when the screen has no new thing of its own. */
  label: string | null;
  /** Set by a list screen that opens a row with its new thing (openWithNew); taken by the first screen to register. */
  pending: boolean;
}
export const useNewActionState = create<NewActionState>(() => ({ label: null, pending: false }));

/** Registers this screen's "new": `n` runs `run` (not while typing or in a dialog); `?` shows `label`. */
export function useNewAction(label: string, run: () => void, enabled = true): void {
  const runRef = useRef(run);
  runRef.current = run;
  useScreenKeys({ n: () => runRef.current() }, enabled);
  useEffect(() => {
    if (!enabled) return;
    const { pending } = useNewActionState.getState();
    useNewActionState.setState({ label, pending: false });
    if (pending) runRef.current();
    return () => {
      if (useNewActionState.getState().label === label) useNewActionState.setState({ label: null });
    };
  }, [label, enabled]);
}

/** Goes somewhere (a row of a list) and opens the "new" of the screen that arrives, e.g. a case's contact attempt. */
export function openWithNew(go: () => void): void {
  go();
  useNewActionState.setState({ pending: true });
}
