import { describe, expect, it, vi } from 'vitest';

// Every zod builder call (z.object, z.string, …) counted, so the test can tell when schemas are built.
const built = vi.hoisted(() => ({ calls: 0 }));
vi.mock('zod', async (importOriginal) => {
  const zod = await importOriginal<typeof import('zod')>();
  const counting = new Proxy(zod.z, {
    get(target, key) {
      const value = Reflect.get(target, key);
      // Builders only: not z.config, nor the classes (z.ZodObject …) that instanceof needs as they are.
      if (typeof value !== 'function' || key === 'config' || /^[A-Z]/.test(String(key))) return value;
      return (...args: unknown[]) => {
        built.calls += 1;
        return (value as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
  return { ...zod, z: counting };
});

describe('the contract builds its schemas on first use', () => {
  it('importing the contract builds no schema; a method builds its own when its input is read', async () => {
    const { contract, methodFacts, isMethodName } = await import('../../shared/contract');
    // The facts and the method names are read without building anything (the renderer's start and the lock gate).
    expect(isMethodName('worklist.list')).toBe(true);
    expect(methodFacts('worklist.list').kind).toBe('query');
    expect(built.calls).toBe(0);
    const input = contract['worklist.list'].input;
    expect(input.parse({})).toEqual({ limit: 50, scope: 'mine' });
    const afterOne = built.calls;
    expect(afterOne).toBeGreaterThan(0);
    // Built once: the same schema on every read, nothing built again; the other methods still unbuilt.
    expect(contract['worklist.list'].input).toBe(input);
    expect(input.parse({ search: 'ha' })).toEqual({ limit: 50, scope: 'mine', search: 'ha' });
    expect(built.calls).toBe(afterOne);
  });
});

describe('lazySchema', () => {
  it('builds on the first read, once', async () => {
    const { lazySchema } = await import('../../shared/contract/lazy-schema');
    const { z } = await import('../../shared/contract/zod-nb');
    const make = () => z.object({ name: z.string().min(1, 'Skriv navn') });
    const build = vi.fn<typeof make>(make);
    const schema = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    expect(schema.parse({ name: 'Kari' })).toEqual({ name: 'Kari' });
    expect(schema.safeParse({ name: '' }).error?.issues[0]?.message).toBe('Skriv navn');
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('behaves as the schema it builds: instanceof, shape, refinements, embedded in another schema', async () => {
    const { lazySchema } = await import('../../shared/contract/lazy-schema');
    const { z } = await import('../../shared/contract/zod-nb');
    const eager = z.object({ from: z.string(), to: z.string() });
    const lazy = lazySchema(() => z.object({ from: z.string(), to: z.string() }));
    expect(lazy).toBeInstanceOf(z.ZodObject);
    expect(Object.keys(lazy.shape)).toEqual(['from', 'to']);
    // What the forms do with the contract's schemas (AssessDialog, TransferDialog): refine the lazy one.
    const ordered = lazy.superRefine((v, ctx) => {
      if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Til-dato før fra-dato' });
    });
    expect(ordered.safeParse({ from: '2026-02-01', to: '2026-01-01' }).error?.issues).toEqual([
      expect.objectContaining({ path: ['to'], message: 'Til-dato før fra-dato' }),
    ]);
    // The same Norwegian errors as the eager schema, also from inside another schema.
    const wrong = { period: { from: 1 } };
    const fromLazy = z.object({ period: lazy }).safeParse(wrong).error?.issues;
    const fromEager = z.object({ period: eager }).safeParse(wrong).error?.issues;
    expect(fromLazy).toEqual(fromEager);
    expect(fromLazy?.length).toBe(2);
    expect(lazy.optional().parse(undefined)).toBeUndefined();
    // Identity-keyed work sees one schema: zod's closures on the instance refer to the lazy value itself.
    const piped = lazySchema(() => z.string().transform((s) => s.trim()));
    expect(z.toJSONSchema(z.object({ period: lazy, text: piped }), { io: 'input' })).toEqual(
      z.toJSONSchema(z.object({ period: eager, text: z.string().transform((s) => s.trim()) }), { io: 'input' }),
    );
    expect(Object.hasOwn(Object.prototype, 'superRefine')).toBe(false);
  });
});
