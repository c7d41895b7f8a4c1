import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createProfileService } from './profile.service';

/** The profile area's contract methods, each bound to the service function of the same name. */
export function profileHandlers({ ctx }: HandlerDeps): AreaHandlers<'profile'> {
  const s = createProfileService(ctx);
  return {
    'profile.get': () => s.get(),
    'profile.save': (p) => s.save(p),
    'profile.saveMine': (p) => s.saveMine(p),
    'profile.saveUnit': (p) => s.saveUnit(p),
  };
}
