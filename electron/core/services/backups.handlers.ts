import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createBackupsService } from './backups.service';

/** The backups area's contract methods, each bound to the service function of the same name. */
export function backupsHandlers({ ctx, trust }: HandlerDeps): AreaHandlers<'backups'> {
  const s = createBackupsService(ctx, trust);
  return {
    'backups.status': () => s.status(),
    'backups.create': () => s.create(),
    'backups.restore': ({ fileName }) => s.restore(fileName),
    'backups.restoreProgress': () => s.restoreProgress(),
    'backups.dailyProgress': () => s.dailyProgress(),
  };
}
