import type { RpcError } from '../../../../shared/contract/envelope';

/** Field errors of a failed call, keyed by the field's path (first message per field). */
export function issuesByField(error: RpcError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues ?? []) out[issue.path] ??= issue.message;
  return out;
}
