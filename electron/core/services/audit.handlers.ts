import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createAuditService } from './audit.service';

/** The audit area's contract methods, each bound to the service function of the same name. */
export function auditHandlers({ ctx }: HandlerDeps): AreaHandlers<'audit'> {
  const s = createAuditService(ctx);
  return {
    'audit.verify': () => s.verify(),
    'audit.list': (q) => s.list(q),
    'audit.exportCsv': (q) => s.exportCsv(q),
    'audit.printPatient': (q) => s.printPatient(q),
  };
}
