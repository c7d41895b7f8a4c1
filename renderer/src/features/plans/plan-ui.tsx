import type { RpcError } from '../../../../shared/contract';

/** Field issues by path, for showing each error next to its field. */
export function fieldErrors(error: RpcError, strip?: RegExp): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues ?? []) out[strip ? i.path.replace(strip, '') : i.path] ??= i.message;
  return out;
}
