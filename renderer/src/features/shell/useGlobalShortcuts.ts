import { useEffect } from 'react';
import { useUi } from '../../stores/ui';
import { SCREENS } from './screens';

/** Whether a key goes to a field the person types in (then no shortcut, and Esc only leaves the field). */
export function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/** App-wide keys: `?` help, `n` new referral, `g`+letter to switch screen (never while typing or in a dialog); Ctrl+Enter saves. */
export function useGlobalShortcuts(): void {
  // The dialogs these keys open are loaded once the start is over (the first idle moment), not on the first press:
  // loaded then, the dialog came only when its code had arrived, and a first `n` pressed while the worklist was
  // still loading seemed to do nothing. The start itself still loads the worklist only (App.tsx's lazy dialogs).
  useEffect(() => {
    const idle = requestIdleCallback(
      () => {
        void import('../referral/NewReferralDialog');
        void import('./ShortcutsDialog');
      },
      { timeout: 3000 },
    );
    return () => cancelIdleCallback(idle);
  }, []);
  useEffect(() => {
    let pendingG = false;
    // Capture phase, before any screen's Esc (back) handler: Esc in a field outside a dialog only leaves the
    // field — it never leaves the page, closes an editor or clears a search.
    const onEsc = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !typing(e.target) || (e.target as HTMLElement).closest('dialog')) return;
      e.stopImmediatePropagation();
      e.preventDefault();
      (e.target as HTMLElement).blur();
    };
    window.addEventListener('keydown', onEsc, true);
    // Ctrl+Enter (⌘+Enter) saves the form the focus is in, from any field: Enter alone opens a select's list or
    // adds a line in a text area, so without it a keyboard person has to Tab to the save button.
    const onSave = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || !(e.target instanceof HTMLElement)) return;
      const form = e.target.closest('form');
      if (!form) return;
      e.preventDefault();
      form.requestSubmit();
    };
    window.addEventListener('keydown', onSave);
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || document.querySelector('dialog[open]')) return;
      const ui = useUi.getState();
      if (pendingG) {
        pendingG = false;
        const screen = SCREENS.find((s) => s.key === e.key);
        if (screen) {
          e.preventDefault();
          ui.navigated({ screen: screen.id });
        }
        return;
      }
      if (e.key === 'g') pendingG = true;
      else if (e.key === '?') ui.shortcutsToggled(true);
      else if (e.key === 'n') {
        e.preventDefault();
        ui.newReferralToggled(true);
      } else return;
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keydown', onEsc, true);
      window.removeEventListener('keydown', onSave);
    };
  }, []);
}
