import { appendAudit } from '../audit';
import type { AreaHandlers, HandlerDeps } from './area-handlers';

const LOCAL_ONLY = { state: 'online', offlineSince: null, reconnectedAt: null } as const;

/** Which store is in use (status bar, Innstillinger) and the desktop app's choice for the next start. */
export function storeHandlers({ ctx, store }: HandlerDeps): AreaHandlers<'store'> {
  const logged = async () => {
    await ctx.db
      .transaction()
      .execute((trx) => appendAudit(trx, ctx.actor(), { action: 'settings.save', entity: 'setting', entityId: null, patientId: null }, ctx.clock()));
  };
  return {
    'store.status': () => store?.status() ?? { kind: 'sqlite', server: null, login: null, connection: { ...LOCAL_ONLY }, configurable: false, saved: null },
    'store.useTeam': async (settings) => {
      if (!store) throw new Error('no store runtime');
      const out = store.useTeam(settings);
      await logged();
      return out;
    },
    'store.useLocal': async () => {
      if (!store) throw new Error('no store runtime');
      store.useLocal();
      await logged();
      return null;
    },
  };
}
