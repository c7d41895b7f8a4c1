import type { z } from 'zod';

/**
 * A schema built the first time anything reads it, not when its module is evaluated. Building the whole
 * contract's zod schemas (about 1,600 of them) cost the core's start 80–100 ms of module evaluation before the
 * first call could be answered (issue #14: start → worklist ≤ 800 ms); a call builds only the schemas it parses.
 *
 * The value IS the schema, not a stand-in for it: on first use the built schema's constructor runs again on
 * this value with the built definition (how zod itself clones a schema), so the closures zod keeps on an
 * instance refer to this very value. Identity-keyed work (z.toJSONSchema's seen-map, registries) and
 * `instanceof`, parse, refine and embedding in other schemas behave exactly as with an eagerly built schema.
 * A Proxy is the only way for a value to notice its first use: every trap first makes sure the schema is
 * built, then acts on the (now real) target.
 */
export function lazySchema<T extends z.ZodType>(build: () => T): T {
  const target = {} as T;
  let state: 'new' | 'building' | 'built' = 'new';
  const ready = () => {
    if (state !== 'new') return;
    state = 'building';
    const built = build();
    const constr = built._zod.constr as unknown as { prototype: object; call(self: T, def: unknown): void };
    // The prototype first: zod installs a schema kind's members on the prototype it finds on the instance.
    Object.setPrototypeOf(target, constr.prototype);
    constr.call(self, built._zod.def);
    state = 'built';
  };
  const self: T = new Proxy(target, {
    get: (t, key, receiver) => (ready(), Reflect.get(t, key, receiver)),
    set: (t, key, value, receiver) => (ready(), Reflect.set(t, key, value, receiver)),
    has: (t, key) => (ready(), Reflect.has(t, key)),
    ownKeys: (t) => (ready(), Reflect.ownKeys(t)),
    getOwnPropertyDescriptor: (t, key) => (ready(), Reflect.getOwnPropertyDescriptor(t, key)),
    defineProperty: (t, key, d) => (ready(), Reflect.defineProperty(t, key, d)),
    deleteProperty: (t, key) => (ready(), Reflect.deleteProperty(t, key)),
    getPrototypeOf: (t) => (ready(), Reflect.getPrototypeOf(t)),
  });
  return self;
}
