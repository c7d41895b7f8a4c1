import type { z } from 'zod';

/**
 * What an audited read records. The service supplies only the ids (which record, which patient); the action
 * and entity come from here, so the audit viewer's vocabulary is declared once, beside the method.
 * - open: a person looked at one record (patient page, a case, a letter, a plan, a meeting)
 * - search: a free-text search over patients (recorded only when search text was given)
 * - print / export: a document or file left the app (recorded per document)
 * - reveal: a masked value was shown in full
 */
export interface ReadAudit {
  read: 'open' | 'search' | 'print' | 'export' | 'reveal';
  action: string;
  entity: string;
}

/**
 * - 'none': nothing is recorded
 * - 'write': the service records its own entries inside the write's transaction (the action can depend on
 *   the outcome, e.g. contact.create vs contact.update), so change and entry land together or not at all
 * - a ReadAudit: a query that leaves one declared entry per record read (see ReadAudit)
 */
export type AuditFact = 'none' | 'write' | ReadAudit;

/** The facts every method declares; the renderer client, the lock gate and the audit derive from them. */
export interface MethodFacts {
  /** A query changes nothing the user can see elsewhere; a mutation makes loaded views of its area stale. */
  kind: 'query' | 'mutation';
  /** Answered while the window is locked (it shows no patient data). */
  whileLocked: boolean;
  /** Answered even while a restore swaps the database (it touches no database). */
  whileRestoring: boolean;
  audit: AuditFact;
  /**
   * The read areas a successful call makes stale besides its own area and the audit log (every write is
   * logged): the renderer refreshes exactly those views. '*' is everything (the database was replaced or
   * locked). Empty for queries.
   */
  invalidates: Invalidates;
}

export type Invalidates = readonly string[] | '*';

/** Every write is written to the audit log, so the log's views are stale after any write. */
export const ALWAYS_INVALIDATED: readonly string[] = ['audit'];

export interface MethodSpec<I extends z.ZodType, O extends z.ZodType, F extends MethodFacts = MethodFacts> {
  readonly input: I;
  readonly output: O;
  facts: F;
}

/**
 * One method: its input and output schemas are given as functions and built the first time the method is
 * called (or its schema read), not when the contract is imported (lazy-schema.ts says why); the facts are plain
 * data, read without building anything.
 */
export function method<I extends z.ZodType, O extends z.ZodType, const F extends MethodFacts>(input: () => I, output: () => O, facts: F): MethodSpec<I, O, F> {
  let i: I | undefined;
  let o: O | undefined;
  return {
    get input() {
      return (i ??= input());
    },
    get output() {
      return (o ??= output());
    },
    facts,
  };
}

/** A read. `audit` defaults to none; pass a ReadAudit when the read is recorded. */
export function query<const A extends 'none' | ReadAudit = 'none'>(audit?: A, opts: { whileLocked?: boolean; whileRestoring?: boolean } = {}) {
  return {
    kind: 'query',
    whileLocked: opts.whileLocked ?? false,
    whileRestoring: opts.whileRestoring ?? false,
    audit: (audit ?? 'none') as A,
    invalidates: [] as const,
  } as const;
}

/**
 * The changes of one area, declared with what they make stale beyond the area itself (see
 * MethodFacts.invalidates): `const write = writes(['worklist', 'overview'])`, then `write()` per method.
 * A change records its own audit entries inside its transaction unless `audit` says 'none'.
 */
export function writes<const I extends Invalidates>(invalidates: I) {
  return <const A extends 'none' | 'write' = 'write'>(audit?: A, opts: { whileLocked?: boolean } = {}) =>
    ({ kind: 'mutation', whileLocked: opts.whileLocked ?? false, whileRestoring: false, audit: (audit ?? 'write') as A, invalidates }) as const;
}

export const opened = <const A extends string, const E extends string>(action: A, entity: E) => ({ read: 'open', action, entity }) as const;
export const searched = <const A extends string, const E extends string>(action: A, entity: E) => ({ read: 'search', action, entity }) as const;
export const printed = <const A extends string, const E extends string>(action: A, entity: E) => ({ read: 'print', action, entity }) as const;
export const exported = <const A extends string, const E extends string>(action: A, entity: E) => ({ read: 'export', action, entity }) as const;
export const revealed = <const A extends string, const E extends string>(action: A, entity: E) => ({ read: 'reveal', action, entity }) as const;
