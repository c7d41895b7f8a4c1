import { useEffect, useRef, type RefObject } from 'react';

/**
 * Arriving on a list screen puts focus on its list, once it is there, so ↑ ↓ j k and Enter work at once (UI.md),
 * not after many Tab presses. Never takes focus from a field or dialog the person is already in.
 */
export function useArrivalFocus(list: RefObject<HTMLElement | null>, ready: boolean): void {
  const arrived = useRef(false);
  useEffect(() => {
    if (arrived.current || !ready || !list.current) return;
    arrived.current = true;
    const active = document.activeElement;
    if (active && active !== document.body && active.closest('main, dialog') && !active.closest('.nav')) return;
    list.current.focus({ preventScroll: true });
  }, [list, ready]);
}
