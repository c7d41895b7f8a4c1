import { z } from './zod-nb';
import { method, query } from './method';

export const appContract = {
  'app.info': method(
    z.object({}).optional(),
    z.object({
      version: z.string(),
      transport: z.enum(['electron', 'browser']),
      demo: z.boolean(),
      needsProfile: z.boolean(),
    }),
    query('none', { whileLocked: true }),
  ),
};
