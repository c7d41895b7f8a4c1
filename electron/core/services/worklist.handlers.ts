import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createWorklistService } from './worklist.service';

/** The worklist area's contract methods, each bound to the service function of the same name. */
export function worklistHandlers({ ctx }: HandlerDeps): AreaHandlers<'worklist'> {
  const s = createWorklistService(ctx);
  return {
    'worklist.list': (q) => s.list(q),
    'worklist.logSearch': () => s.logSearch(),
  };
}
