import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createRetentionService } from './retention.service';

/** The retention area's contract methods, each bound to the service function of the same name. */
export function retentionHandlers({ ctx }: HandlerDeps): AreaHandlers<'retention'> {
  const s = createRetentionService(ctx);
  return {
    'retention.preview': (input) => s.preview(input),
    'retention.delete': (input) => s.delete(input),
  };
}
