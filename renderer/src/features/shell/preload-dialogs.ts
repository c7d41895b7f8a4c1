/**
 * The dialogs the app-wide keys open (`n` Ny henvisning, `?` Hurtigtaster) are lazy chunks (App.tsx): loaded on
 * the first press, the dialog came only when its code had arrived, and a first `n` right after start seemed to do
 * nothing. Loaded here ahead of the press, once the start is over: after the worklist's first rows are painted
 * (not in an idle moment while the start waits for its data, which would put the parse inside the start), or
 * after a few seconds on a start that opens another screen. Once per window.
 */
let asked = false;

export function shortcutDialogsPreloaded(): void {
  if (asked) return;
  asked = true;
  requestIdleCallback(
    () => {
      void import('../referral/NewReferralDialog');
      void import('./ShortcutsDialog');
    },
    { timeout: 2000 },
  );
}

/** A start that does not open the worklist. */
export const PRELOAD_FALLBACK_MS = 4000;
