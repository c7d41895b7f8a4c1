import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createPathwaysService } from './pathways.service';

/** The pathways area's contract methods, each bound to the service function of the same name. */
export function pathwaysHandlers({ ctx }: HandlerDeps): AreaHandlers<'pathways'> {
  const s = createPathwaysService(ctx);
  return {
    'pathways.getForPatient': ({ patientId }) => s.getForPatient(patientId),
    'pathways.getExplanation': ({ pathwayId }) => s.getExplanation(pathwayId),
    'pathways.assess': (input) => s.assess(input),
    'pathways.recordEvent': (input) => s.recordEvent(input),
    'pathways.correctEvent': (input) => s.correctEvent(input),
    'pathways.recordBreachReason': (input) => s.recordBreachReason(input),
    'pathways.moveRuleVersion': (input) => s.moveRuleVersion(input),
    'pathways.getSummary': ({ patientId }) => s.getSummary(patientId),
  };
}
