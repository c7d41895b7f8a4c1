import { useRef } from 'react';

/**
 * React keys for the rows on screen that keep a row's elements when it stays and reuse them when it leaves: a row
 * still shown keeps its key (its elements only move), a newly shown row takes a key freed by a row that left (its
 * elements get the new text), and only what is left over is created. A keystroke that narrows the search moves
 * most rows and rewrites few; a new result rewrites the rows in place — never ~40 rows removed and created.
 */
export function recycledKeys(ids: readonly number[], previous: ReadonlyMap<number, number>, nextKey: () => number): Map<number, number> {
  const keys = new Map<number, number>();
  const kept = new Set<number>();
  for (const id of ids) {
    const key = previous.get(id);
    if (key !== undefined) {
      keys.set(id, key);
      kept.add(key);
    }
  }
  const free: number[] = [];
  for (const key of previous.values()) if (!kept.has(key)) free.push(key);
  for (const id of ids) if (!keys.has(id)) keys.set(id, free.pop() ?? nextKey());
  return keys;
}

/** recycledKeys across renders: the keys of the last render are the next one's `previous`. */
export function useRecycledKeys(ids: readonly number[]): ReadonlyMap<number, number> {
  const last = useRef<Map<number, number>>(new Map());
  const counter = useRef(0);
  const keys = recycledKeys(ids, last.current, () => counter.current++);
  last.current = keys;
  return keys;
}
