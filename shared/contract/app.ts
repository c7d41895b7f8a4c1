import { z } from './zod-nb';
import { method, query } from './method';

export const appContract = {
  'app.info': method(
    () => z.object({}).optional(),
    () =>
      z.object({
        version: z.string(),
        transport: z.enum(['electron', 'browser']),
        demo: z.boolean(),
        needsProfile: z.boolean(),
        /** Storage notices for this session (Norwegian): encrypted on upgrade, opened read-only after a failed check. */
        notices: z.array(z.string()),
      }),
    query('none', { whileLocked: true }),
  ),
};
