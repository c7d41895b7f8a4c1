import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, writes, query } from './method';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
// Locking or unlocking changes what every view may show.
const write = writes('*');

export const pinSchema = lazySchema(() =>
  z
    .string({ error: 'Skriv inn PIN-koden' })
    .max(8, { message: 'PIN-koden må være 4–8 sifre' })
    .regex(/^\d{4,8}$/, { message: 'PIN-koden må være 4–8 sifre' }),
);

export const lockStatusSchema = lazySchema(() =>
  z.object({
    pinSet: z.boolean(),
    locked: z.boolean(),
    idleSeconds: z.number(),
    /** Seconds until another PIN attempt is accepted (0 = now). */
    retryAfterSeconds: z.number(),
  }),
);
export type LockStatus = z.infer<typeof lockStatusSchema>;

export const lockContract = {
  'lock.status': method(
    () => z.object({}).optional(),
    () => lockStatusSchema,
    query('none', { whileLocked: true }),
  ),
  /** First start: only `pin`. Changing it later: `currentPin` too. */
  'lock.setPin': method(
    () => z.object({ pin: pinSchema, currentPin: pinSchema.optional() }),
    () => lockStatusSchema,
    write(),
  ),
  'lock.unlock': method(
    () => z.object({ pin: pinSchema }),
    () => lockStatusSchema,
    write('write', { whileLocked: true }),
  ),
  'lock.lock': method(
    () => z.object({ reason: z.enum(['idle', 'manual']) }),
    () => lockStatusSchema,
    write(),
  ),
  /** The window is in use (mouse, keys): keeps the core's idle timer from locking. Changes no data. */
  'lock.activity': method(
    () => z.object({}).optional(),
    () => z.object({}),
    query(),
  ),
};
