import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createContactsService, createMunicipalitiesService } from './contacts.service';

/** The municipalities area's contract methods, each bound to the service function of the same name. */
export function municipalitiesHandlers({ ctx }: HandlerDeps): AreaHandlers<'municipalities'> {
  const s = createMunicipalitiesService(ctx);
  return {
    'municipalities.list': () => s.list(),
    'municipalities.load': ({ json }) => s.load(json),
  };
}

/** The contacts area's contract methods, each bound to the service function of the same name. */
export function contactsHandlers({ ctx }: HandlerDeps): AreaHandlers<'contacts'> {
  const s = createContactsService(ctx);
  return {
    'contacts.list': (q) => s.list(q),
    'contacts.get': ({ id }) => s.get(id),
    'contacts.save': (input) => s.save(input),
    'contacts.delete': ({ id }) => s.delete(id),
    'contacts.importCsv': ({ text }) => s.importCsv(text),
    'contacts.getCsv': () => s.getCsv(),
    'contacts.listForPatient': ({ patientId }) => s.listForPatient(patientId),
  };
}
