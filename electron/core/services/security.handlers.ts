import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createSecurityService } from './security.service';

/** The security area's contract methods, each bound to the service function of the same name. */
export function securityHandlers({ ctx }: HandlerDeps): AreaHandlers<'security'> {
  const s = createSecurityService(ctx);
  return {
    'security.getSettings': () => s.getSettings(),
    'security.saveSettings': (input) => s.saveSettings(input),
  };
}
