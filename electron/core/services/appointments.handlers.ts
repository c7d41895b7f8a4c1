import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createAppointmentsService } from './appointments.service';

/** The appointments area's contract methods, each bound to the service function of the same name. */
export function appointmentsHandlers({ ctx }: HandlerDeps): AreaHandlers<'appointments'> {
  const s = createAppointmentsService(ctx);
  return {
    'appointments.list': ({ patientId }) => s.list(patientId),
    'appointments.book': (input) => s.book(input),
    'appointments.update': (input) => s.update(input),
    'appointments.setStatus': ({ id, status, version }) => s.setStatus(id, status, version),
    'appointments.undoNoShow': ({ id, reason, version }) => s.undoNoShow(id, reason, version),
  };
}
