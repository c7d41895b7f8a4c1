import { useEffect } from 'react';
import { useUi } from '../../stores/ui';
import { SCREENS } from './screens';
import { PRELOAD_FALLBACK_MS, shortcutDialogsPreloaded } from './preload-dialogs';

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
  // Their dialogs' code is loaded ahead of the first press (preload-dialogs.ts); the worklist asks sooner.
  useEffect(() => {
    const timer = setTimeout(shortcutDialogsPreloaded, PRELOAD_FALLBACK_MS);
    return () => clearTimeout(timer);
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
