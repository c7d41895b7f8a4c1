import type { RpcError } from '../../../../shared/contract';
import { issuesByField } from '../../api/field-errors';

/** Field issues by path, for showing each error next to its field (api/field-errors.ts, optionally stripping a prefix). */
export function fieldErrors(error: RpcError, strip?: RegExp): Record<string, string> {
  return issuesByField(error, strip ? (p) => p.replace(strip, '') : undefined);
}
