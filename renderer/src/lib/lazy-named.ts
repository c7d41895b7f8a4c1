import { lazy, type ComponentType } from 'react';

/**
 * A named export loaded on first use. Only the worklist is in the start-up bundle; every other screen is its
 * own chunk, so the coordinator's first view parses less JavaScript.
 */
// `any` as in React's own lazy(): the props type comes from the loaded component.
export function lazyNamed<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
