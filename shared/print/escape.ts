/** Every value placed in printed HTML goes through here: free text can never become markup. */
export function esc(value: string | number | null | undefined): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Multi-line free text as escaped lines joined by <br>. */
export function escLines(value: string | null | undefined): string {
  return String(value ?? '')
    .split(/\r?\n/)
    .map(esc)
    .join('<br>');
}
