import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createOverviewService } from './overview.service';

/** The overview area's contract methods, each bound to the service function of the same name. */
export function overviewHandlers({ ctx }: HandlerDeps): AreaHandlers<'overview'> {
  const s = createOverviewService(ctx);
  return {
    'overview.get': (input) => s.get(input),
    'overview.listPatients': (input) => s.listPatients(input),
  };
}
