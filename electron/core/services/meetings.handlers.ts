import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createMeetingsService } from './meetings.service';

/** The meetings area's contract methods, each bound to the service function of the same name. */
export function meetingsHandlers({ ctx }: HandlerDeps): AreaHandlers<'meetings'> {
  const s = createMeetingsService(ctx);
  return {
    'meetings.listWeek': ({ from, days }) => s.listWeek(from, days),
    'meetings.listForPatient': ({ patientId }) => s.listForPatient(patientId),
    'meetings.get': ({ id }) => s.get(id),
    'meetings.listConflicts': (q) => s.listConflicts(q),
    'meetings.create': (input) => s.create(input),
    'meetings.update': (input) => s.update(input),
    'meetings.cancel': ({ id, reason, version }) => s.cancel(id, reason, version),
    'meetings.saveAgenda': ({ id, items, version }) => s.saveAgenda(id, items, version),
    'meetings.listAgendaSuggestions': ({ id }) => s.listAgendaSuggestions(id),
    'meetings.getAgendaDocument': ({ id }) => s.getAgendaDocument(id),
    'meetings.getInvitationLetters': ({ id }) => s.getInvitationLetters(id),
    'meetings.getMinutesDocument': ({ id, version }) => s.getMinutesDocument(id, version),
    'meetings.saveMinutes': (input) => s.saveMinutes(input),
    'meetings.finalizeMinutes': ({ id }) => s.finalizeMinutes(id),
    'meetings.setActionItemDone': ({ actionItemId, done }) => s.setActionItemDone(actionItemId, done),
    'meetings.getIcs': ({ id }) => s.getIcs(id),
    'meetings.getSettings': () => s.getSettings(),
    'meetings.saveTemplate': ({ kind, items }) => s.saveTemplate(kind, items),
    'meetings.resetTemplate': ({ kind }) => s.resetTemplate(kind),
    'meetings.savePrintPrivacy': ({ printPrivacy }) => s.savePrintPrivacy(printPrivacy),
  };
}
