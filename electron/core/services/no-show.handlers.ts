import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createNoShowService } from './no-show.service';

/** The noShow area's contract methods, each bound to the service function of the same name. */
export function noShowHandlers({ ctx }: HandlerDeps): AreaHandlers<'noShow'> {
  const s = createNoShowService(ctx);
  return {
    'noShow.getPolicy': () => s.getPolicy(),
    'noShow.savePolicy': (p) => s.savePolicy(p),
    'noShow.list': (q) => s.list(q),
    'noShow.listForPatient': ({ patientId }) => s.listForPatient(patientId),
    'noShow.get': ({ id }) => s.get(id),
    'noShow.recordAttempt': (input) => s.recordAttempt(input),
    'noShow.close': (input) => s.close(input),
    'noShow.escalate': (input) => s.escalate(input),
    'noShow.listEscalated': (q) => s.listEscalated(q),
    'noShow.recordAnswer': (input) => s.recordAnswer(input),
    'noShow.recordPostponed': ({ caseId, version }) => s.recordPostponed(caseId, version),
    'noShow.createLetter': (input) => s.createLetter(input),
    'noShow.getLetter': ({ id }) => s.getLetter(id),
    'noShow.markPrinted': ({ letterIds }) => s.markPrinted(letterIds),
    'noShow.listDueLetters': () => s.listDueLetters(),
    'noShow.getBatchDocument': ({ letterIds }) => s.getBatchDocument(letterIds),
    'noShow.listTemplates': () => s.listTemplates(),
    'noShow.saveTemplate': (input) => s.saveTemplate(input),
    'noShow.resetTemplate': ({ id }) => s.resetTemplate(id),
  };
}
