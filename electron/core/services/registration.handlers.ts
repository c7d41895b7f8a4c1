import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createRegistrationService } from './registration.service';

/** The record-system registration list (issue #13): each method bound to the service function of the same name. */
export function registrationHandlers({ ctx }: HandlerDeps): AreaHandlers<'registration'> {
  const s = createRegistrationService(ctx);
  return {
    'registration.list': () => s.list(),
    'registration.markDone': (input) => s.markDone(input),
    'registration.undo': (input) => s.undo(input),
    'registration.exportCsv': () => s.exportCsv(),
  };
}
