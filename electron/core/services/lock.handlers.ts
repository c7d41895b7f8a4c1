import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createLockService } from './lock.service';

/** The lock area's contract methods, each bound to the service function of the same name. */
export function lockHandlers({ ctx, trust }: HandlerDeps): AreaHandlers<'lock'> {
  const s = createLockService(ctx, trust);
  return {
    'lock.status': () => s.status(),
    'lock.setPin': (input) => s.setPin(input),
    'lock.unlock': (input) => s.unlock(input),
    'lock.lock': (input) => s.lock(input),
    'lock.activity': async () => s.activity(),
  };
}
