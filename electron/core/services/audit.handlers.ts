import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createAuditService } from './audit.service';

/** The audit area's contract methods, each bound to the service function of the same name. */
export function auditHandlers({ ctx, trust }: HandlerDeps): AreaHandlers<'audit'> {
  const s = createAuditService(ctx, trust);
  return {
    'audit.verify': async (input) => s.verify(input?.full === true),
    'audit.list': (q) => s.list(q),
    'audit.listImported': (q) => s.listImported(q),
    'audit.verifyImported': () => s.verifyImported(),
    'audit.exportCsv': (q) => s.exportCsv(q),
    'audit.printPatient': (q) => s.printPatient(q),
  };
}
