import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createReferralsService } from './referrals.service';

/** The referrals area's contract methods, each bound to the service function of the same name. */
export function referralsHandlers({ ctx }: HandlerDeps): AreaHandlers<'referrals'> {
  const s = createReferralsService(ctx);
  return {
    'referrals.create': (input) => s.create(input),
    'referrals.compare': ({ patient }) => s.compare(patient),
  };
}
