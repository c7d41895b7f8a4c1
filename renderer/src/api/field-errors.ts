import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { RpcError } from '../../../shared/contract';

/**
 * Field issues by field, the first message per field. `rename` maps a server path onto the form's field name
 * (e.g. 'assessedOn' → 'date'); by default the path is used as it is. `fallbackField`: a form with one main field
 * shows an error that names no field there.
 */
export function issuesByField(error: RpcError, rename: (path: string) => string = (p) => p, fallbackField?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues ?? []) out[rename(issue.path)] ??= issue.message;
  if (fallbackField && Object.keys(out).length === 0) out[fallbackField] = error.message;
  return out;
}

/** The message for the form as a whole: the error's own message when it names no field, else null. */
export function formMessage(error: RpcError): string | null {
  return error.issues?.length ? null : error.message;
}

/** The one message to show when a form has a single field or no fields: the first issue, else the error. */
export function firstMessage(error: RpcError): string {
  return error.issues?.[0]?.message ?? error.message;
}

/**
 * Puts a server error onto a react-hook-form form: each issue on its field (all at once), and returns the message
 * for the form as a whole (null when every issue found a field). Issues for paths the form does not have go
 * to the form message so nothing is lost.
 */
export function applyServerErrors<T extends FieldValues>(
  error: RpcError,
  setError: UseFormSetError<T>,
  fields: readonly string[],
  rename: (path: string) => string = (p) => p,
): string | null {
  const byField = issuesByField(error, rename);
  const unplaced: string[] = [];
  let first = true;
  for (const [field, message] of Object.entries(byField)) {
    if (!fields.includes(field)) {
      unplaced.push(message);
      continue;
    }
    setError(field as Path<T>, { type: 'server', message }, { shouldFocus: first });
    first = false;
  }
  if (unplaced.length) return unplaced.join(' ');
  return formMessage(error);
}
