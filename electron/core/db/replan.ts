import { sql, type RawBuilder } from 'kysely';

/**
 * SQLite (3.53, built with STAT4) reads some bound values while it plans a statement, and then prepares the
 * statement again every time they are bound, which better-sqlite3 does on every run: a bound LIMIT or OFFSET,
 * and a bound value matched against a partial index's WHERE (`status = 'open'`). For the worklist's page that
 * doubled the cost of the run (0.41 ms against 0.19 ms at 50k). So a query's constants (a status, a subquery's
 * LIMIT 1) are written as literals (`fixed`), and a page's LIMIT and OFFSET as an expression the planner does not
 * fold (`pageBound`): the same SQL for every page, planned once. PostgreSQL takes both as they are.
 */
export function fixed<T extends string | number>(value: T): RawBuilder<T> {
  return sql.lit(value);
}

export function pageBound(n: number): RawBuilder<number> {
  return sql<number>`${n} + 0`;
}
