import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createPlansService } from './plans.service';

/** The plans area's contract methods, each bound to the service function of the same name. */
export function plansHandlers({ ctx }: HandlerDeps): AreaHandlers<'plans'> {
  const s = createPlansService(ctx);
  return {
    'plans.get': ({ patientId }) => s.get(patientId),
    'plans.save': (input) => s.save(input),
    'plans.saveParticipant': (input) => s.saveParticipant(input),
    'plans.removeParticipant': (input) => s.removeParticipant(input),
    'plans.saveConsent': (input) => s.saveConsent(input),
    'plans.saveGoal': (input) => s.saveGoal(input),
    'plans.removeGoal': (input) => s.removeGoal(input),
    'plans.saveItem': (input) => s.saveItem(input),
    'plans.removeItem': (input) => s.removeItem(input),
    'plans.saveMeasure': (input) => s.saveMeasure(input),
    'plans.removeMeasure': (input) => s.removeMeasure(input),
    'plans.changeMeasureStatus': (input) => s.changeMeasureStatus(input),
    'plans.addProgressNote': (input) => s.addProgressNote(input),
    'plans.finishRevision': (input) => s.finishRevision(input),
    'plans.getVersion': (input) => s.getVersion(input),
    'plans.getPrint': (input) => s.getPrint(input),
    'plans.list': (q) => s.list(q),
    'plans.measureFromAction': (input) => s.measureFromAction(input),
  };
}
