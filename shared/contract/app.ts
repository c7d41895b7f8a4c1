import { z } from './zod-nb';
import { method } from './method';

export const appContract = {
  'app.info': method(
    z.object({}).optional(),
    z.object({
      version: z.string(),
      transport: z.enum(['electron', 'browser']),
      demo: z.boolean(),
      needsProfile: z.boolean(),
    }),
  ),
};
