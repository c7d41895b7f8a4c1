import { type Compilable, type CompiledQuery, createQueryId, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

interface Template {
  compiled: CompiledQuery;
  /** Per parameter position: the name of the value that goes there, or null for a constant of the query. */
  slots: (string | null)[];
}

const SENTINEL = '\u0000slot:';

/**
 * Kysely builds and compiles a query afresh on every call: for the worklist's page and counts that was more
 * time than the dispatcher, zod and the row mapping together. A template is built and compiled once per
 * query shape (which clauses are there) and dialect, with a marker value in place of each named value;
 * later calls of the same shape fill the values into the compiled parameters. The SQL that runs is exactly
 * what the builder produced for that shape — only the parameter values differ.
 *
 * `shape` must name everything that changes the SQL text (which filters are present, how many search words);
 * `values` everything that only changes parameters (a shape may leave some unused). A value the builder would
 * inline rather than bind is refused when the template is made (an error, never a silently stale query).
 */
export function compiledQueries() {
  const byDialect = new WeakMap<object, Map<string, Template>>();

  function template(db: Db, shape: string, names: string[], build: (v: Record<string, unknown>) => Compilable<unknown>): Template {
    const adapter = db.getExecutor().adapter;
    let cache = byDialect.get(adapter);
    if (!cache) byDialect.set(adapter, (cache = new Map()));
    let t = cache.get(shape);
    if (t) return t;
    const compiled = build(Object.fromEntries(names.map((n) => [n, `${SENTINEL}${n}`]))).compile();
    // Built again with other markers: a value the builder inlined into the SQL text would change it.
    const again = build(Object.fromEntries(names.map((n) => [n, `${SENTINEL}${n}:again`]))).compile();
    if (again.sql !== compiled.sql) throw new Error(`compiledQueries: a value of "${shape}" is not bound as a parameter`);
    const slots = compiled.parameters.map((p) => (typeof p === 'string' && p.startsWith(SENTINEL) ? p.slice(SENTINEL.length) : null));
    t = { compiled, slots };
    cache.set(shape, t);
    return t;
  }

  return {
    /** Runs the query of this shape with these values; `build` runs only the first time a shape is seen. */
    async rows<R>(db: Db, shape: string, values: Record<string, unknown>, build: (v: Record<string, unknown>) => Compilable<R>): Promise<R[]> {
      const t = template(db, shape, Object.keys(values), build);
      const parameters = t.slots.map((slot, i) => (slot === null ? t.compiled.parameters[i] : values[slot]));
      const query: CompiledQuery<R> = { ...(t.compiled as CompiledQuery<R>), parameters, queryId: createQueryId() };
      return (await db.executeQuery(query)).rows;
    },
  };
}
