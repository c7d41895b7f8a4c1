import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createPatientsService } from './patients.service';

/** The patients area's contract methods, each bound to the service function of the same name. */
export function patientsHandlers({ ctx }: HandlerDeps): AreaHandlers<'patients'> {
  const s = createPatientsService(ctx);
  return {
    'patients.get': ({ id }) => s.get(id),
    'patients.revealNationalId': ({ id }) => s.revealNationalId(id),
    'patients.update': (input) => s.update(input),
    'patients.search': (q) => s.search(q),
  };
}
