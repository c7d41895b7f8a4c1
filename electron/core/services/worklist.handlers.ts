import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createCaseloadService } from './caseload.service';
import { createWorklistService } from './worklist.service';
import { createWorklistKeysService } from './worklist-keys.service';

/** The worklist area's contract methods, each bound to the service function of the same name. */
export function worklistHandlers({ ctx }: HandlerDeps): AreaHandlers<'worklist'> {
  const s = createWorklistService(ctx);
  const caseload = createCaseloadService(ctx);
  const keys = createWorklistKeysService(ctx);
  return {
    'worklist.list': (q) => s.list(q),
    'worklist.logSearch': () => s.logSearch(),
    'worklist.searchKeys': (q) => keys.searchKeys(q),
    'worklist.people': () => caseload.people(),
    'worklist.reassign': (input) => caseload.reassign(input),
  };
}
