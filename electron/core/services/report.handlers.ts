import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createReportService } from './report.service';

/** The unit leader's tertial report: on screen, printed, and as CSV. */
export function reportHandlers({ ctx }: HandlerDeps): AreaHandlers<'report'> {
  const s = createReportService(ctx);
  return {
    'report.tertial': (input) => s.tertial(input),
    'report.print': (input) => s.print(input),
    'report.exportCsv': (input) => s.exportCsv(input),
  };
}
