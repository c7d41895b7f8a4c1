import type { z } from 'zod';

/**
 * A schema built the first time anything reads it, not when its module is evaluated. Building the whole
 * contract's zod schemas (about 1,600 of them) cost the core's start 80–100 ms of module evaluation, before
 * the first call could be answered (issue #14: start → worklist ≤ 800 ms); a call builds only the schemas it
 * parses. The value behaves as the schema itself: every read, call and `instanceof` goes to the built one,
 * so callers (the dispatcher, forms, services, other schemas that embed it) cannot tell the difference.
 *
 * Methods read through the proxy run with `this` = the proxy, whose reads reach the built schema; getters run
 * on the built schema itself (zod's lazily defined properties cache themselves on their object).
 */
export function lazySchema<T extends z.ZodType>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build());
  // The target is an empty stand-in: every trap answers for the built schema. A property reported
  // non-configurable must exist on the target, so descriptors are reported configurable.
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      return d && { ...d, configurable: true };
    },
    defineProperty: (_, key, d) => Reflect.defineProperty(real(), key, d),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
