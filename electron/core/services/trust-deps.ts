import { AppError } from '../../../shared/contract/envelope';
import type { TrustRuntime } from '../trust-runtime';

/** Backups, restore and the lock need the running core; handler maps built without one (benchmarks) refuse them. */
export function requireTrust(trust: TrustRuntime | undefined): TrustRuntime {
  if (!trust) throw new AppError('internal', 'Ikke tilgjengelig her');
  return trust;
}
