import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { Input, MethodName, Output, RpcError } from '../../../shared/contract';
import { applyServerErrors } from '../api/field-errors';
import { ContractError, useContractMutation } from '../api/query';
import { keepDraft, takeDraft } from './unsaved';

interface Options<M extends MethodName, F extends FieldValues> {
  method: M;
  /** The method's own input schema from shared/contract (e.g. `referralsContract['referrals.create'].input`). */
  schema: z.ZodType;
  defaultValues: DefaultValues<F>;
  /**
   * The form's values as the method's input. Keeps the field paths (a field named `patient.name` is the input's
   * `patient.name`), so the schema's and the server's issues land on the field of the same name.
   */
  toInput: (values: F) => Input<M>;
  /** After a successful save (the affected views refresh by themselves). */
  onSaved: (value: Output<M>, values: F) => void;
  /** A server path the form names differently (e.g. 'assessedOn' → 'date'); identity by default. */
  fieldOf?: (path: string) => string;
  /** Fields that show every message that lands on them, as sentences (e.g. a letter's body for all its paragraphs). */
  joined?: readonly string[];
  /** Rules of the form itself that the input does not carry (e.g. a PIN typed twice): errors by field name. */
  check?: (values: F) => Record<string, string>;
  /**
   * Sees a refused save first (e.g. a rule refusal the dialog shows as a list) and returns what is left for the
   * fields and the form message; the default passes the error on whole.
   */
  onRefused?: (error: RpcError) => RpcError;
  /** Keeps what was typed through an auto-lock (in memory only) under this key, and gives it back after the PIN. */
  draftKey?: string;
}

function fieldNames(values: unknown, prefix = ''): string[] {
  if (values === null || typeof values !== 'object') return prefix ? [prefix] : [];
  // A list is a field of its own (a checkbox group) and so is each entry (one date of several).
  if (Array.isArray(values)) return [prefix, ...values.flatMap((v, i) => fieldNames(v, `${prefix}.${i}`))];
  return Object.entries(values).flatMap(([k, v]) => fieldNames(v, prefix ? `${prefix}.${k}` : k));
}

/** The errors of a nested error object by dotted path (a node with a message is a field's error). */
function leafErrors(node: object, prefix = ''): [string, { type: string; message: string }][] {
  if ('message' in node && typeof node.message === 'string') {
    const type = 'type' in node && typeof node.type === 'string' ? node.type : 'schema';
    return [[prefix, { type, message: node.message }]];
  }
  return Object.entries(node).flatMap(([k, v]) => (v && typeof v === 'object' && k !== 'ref' ? leafErrors(v as object, prefix ? `${prefix}.${k}` : k) : []));
}

/** A message as a sentence (ends with . ! or ?), for messages joined on one field. */
const sentence = (m: string) => (/[.!?]$/.test(m) ? m : `${m}.`);

/** Errors by field with the messages of each `joined` field made one. */
function joinLeaves(leaves: [string, { type: string; message: string }][], joined: readonly string[]): [string, { type: string; message: string }][] {
  const out: [string, { type: string; message: string }][] = [];
  for (const [path, error] of leaves) {
    const same = joined.includes(path) ? out.find(([p]) => p === path) : undefined;
    if (same) same[1] = { ...same[1], message: `${sentence(same[1].message)} ${sentence(error.message)}` };
    else out.push([path, joined.includes(path) ? { ...error, message: sentence(error.message) } : error]);
  }
  return out;
}

/** A server error with the issues landing on each `joined` field made one issue. */
function joinIssues(error: RpcError, fieldOf: ((path: string) => string) | undefined, joined: readonly string[]): RpcError {
  if (!joined.length || !error.issues?.length) return error;
  const rename = fieldOf ?? ((p: string) => p);
  const joinedLeaves = joinLeaves(
    error.issues.map((i) => [rename(i.path), { type: 'server', message: i.message }]),
    joined,
  );
  return { ...error, issues: joinedLeaves.map(([path, e]) => ({ path, message: e.message })) };
}

/** Puts `error` at a dotted path of a nested error object, unless that field already has one (first message wins). */
function setOnce(target: Record<string, unknown>, path: string, error: { type: string; message: string }): void {
  const keys = path ? path.split('.') : ['root'];
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next !== undefined && (typeof next !== 'object' || next === null || 'message' in next)) return; // a parent already holds an error
    node = (node[key] ??= {}) as Record<string, unknown>;
  }
  node[keys.at(-1)!] ??= error;
}

/**
 * A form for one contract method: react-hook-form checked by the contract's own zod schema before sending (every
 * error at once, next to its field), the server's answer through the one mapping in api/field-errors.ts.
 * Render it with <FormDialog> (or a plain <form onSubmit={form.onSubmit}>).
 */
export function useContractForm<M extends MethodName, F extends FieldValues>(opts: Options<M, F>) {
  const { method, schema, defaultValues, toInput, onSaved, fieldOf, draftKey, onRefused, check: own, joined = [] } = opts;
  const mutation = useContractMutation(method);
  const [formError, setFormError] = useState<string | null>(null);
  const check = zodResolver(schema as never) as unknown as Resolver<FieldValues>;
  const form = useForm<F>({
    defaultValues,
    shouldFocusError: false, // the dialog focuses the first wrong field in screen order (FormDialog)
    // The contract's own schema (zod resolver) over the input the form would send; each issue on its field, all at once.
    resolver: (async (values: F, context: unknown, options: never) => {
      const result = await check(toInput(values) as FieldValues, context, options);
      const mine = Object.entries(own?.(values) ?? {});
      if (Object.keys(result.errors).length === 0 && mine.length === 0) return { values, errors: {} };
      const errors: Record<string, unknown> = {};
      const rename = fieldOf ?? ((p: string) => p);
      for (const [path, error] of joinLeaves(
        leafErrors(result.errors).map(([p, e]) => [rename(p), e]),
        joined,
      ))
        setOnce(errors, path, error);
      for (const [path, message] of mine) setOnce(errors, path, { type: 'form', message });
      return { values: {}, errors };
    }) as unknown as Resolver<F>,
  });

  /** Whether the values differ from the start values now (not after the next render, as formState.isDirty). */
  const hasChanges = () => JSON.stringify(form.getValues()) !== JSON.stringify(form.control._defaultValues);

  // Lock: a form unmounted by the lock keeps its draft in memory; mounted again, it takes it back (still unsaved).
  const [draftRestored, setDraftRestored] = useState(0);
  const latest = useRef({ hasChanges, getValues: form.getValues });
  latest.current = { hasChanges, getValues: form.getValues };
  useEffect(() => {
    if (!draftKey) return;
    const draft = takeDraft<F>(draftKey);
    if (draft) {
      form.reset(draft, { keepDefaultValues: true });
      setDraftRestored((n) => n + 1);
    }
    return () => {
      if (latest.current.hasChanges()) keepDraft(draftKey, latest.current.getValues());
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per mount
  }, [draftKey]);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const value = await mutation.mutateAsync(toInput(values));
      onSaved(value, values);
    } catch (e) {
      const refused: RpcError = e instanceof ContractError ? e : { code: 'internal', message: 'Forbindelsen til Forløpsbenk feilet.' };
      const error = joinIssues(onRefused ? onRefused(refused) : refused, fieldOf, joined);
      if (!error.issues?.length && !error.message) return;
      setFormError(applyServerErrors(error, form.setError, fieldNames(form.getValues()), fieldOf));
    }
  });

  /** Back to the start values (or new ones), errors cleared: for a dialog opened again. */
  const reset = (values?: DefaultValues<F>) => {
    setFormError(null);
    form.reset(values ?? defaultValues);
  };

  /** Clears every error, the form's own message too (a dialog closed after a refused save). */
  const clearErrors = () => {
    setFormError(null);
    form.clearErrors();
  };

  return { ...form, onSubmit, formError, saving: form.formState.isSubmitting, reset, clearErrors, hasChanges, draftRestored };
}

export type ContractForm<F extends FieldValues> = ReturnType<typeof useContractForm<MethodName, F>>;
