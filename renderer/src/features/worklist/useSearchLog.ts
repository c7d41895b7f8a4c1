import { useCallback, useEffect, useRef } from 'react';
import { call } from '../../api/client';

/** How long typing must rest before the search counts as one search (helsepersonelloven § 21 a). */
export const SEARCH_LOG_PAUSE_MS = 800;

/**
 * Logs a search once — not per keystroke — through worklist.logSearch (that a search happened, never what
 * was searched for): when typing has rested SEARCH_LOG_PAUSE_MS, or at once when a row is opened from the
 * search before that (`flush`). The same search text is logged once however often it is flushed.
 */
export function useSearchLog(search: string): () => void {
  const text = search.trim();
  const logged = useRef('');
  const log = useCallback((t: string) => {
    if (t === '' || t === logged.current) return;
    logged.current = t;
    void call('worklist.logSearch', {});
  }, []);
  useEffect(() => {
    if (text === '') {
      logged.current = '';
      return;
    }
    const timer = setTimeout(() => log(text), SEARCH_LOG_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, log]);
  return useCallback(() => log(text), [log, text]);
}
