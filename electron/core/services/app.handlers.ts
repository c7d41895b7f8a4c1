import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createProfileService } from './profile.service';

/** The app area: what the shell asks before anything else (version, transport, demo, profile missing). */
export function appHandlers({ ctx, transport, version, notices }: HandlerDeps): AreaHandlers<'app'> {
  const profile = createProfileService(ctx);
  return {
    'app.info': async () => ({ version, transport, demo: ctx.demo, needsProfile: await profile.needsProfile(), notices: [...(notices ?? [])] }),
  };
}
