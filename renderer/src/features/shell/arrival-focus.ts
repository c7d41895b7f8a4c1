import { useEffect, useRef, type RefObject } from 'react';

/**
 * Arriving on a list screen puts focus on its list, once it is there, so ↑ ↓ j k and Enter work at once (UI.md),
 * not after many Tab presses. Never takes focus from a field or dialog the person is already in.
 */
export function useArrivalFocus(list: RefObject<HTMLElement | null> | (() => HTMLElement | null), ready: boolean): void {
  const arrived = useRef(false);
  useEffect(() => {
    const element = typeof list === 'function' ? list() : list.current;
    if (arrived.current || !ready || !element) return;
    arrived.current = true;
    const active = document.activeElement;
    if (active && active !== document.body && active.closest('main, dialog') && !active.closest('.nav')) return;
    element.focus({ preventScroll: true });
  }, [list, ready]);
}
