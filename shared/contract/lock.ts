import { z } from './zod-nb';
import { method, mutation, query } from './method';

export const pinSchema = z
  .string({ error: 'Skriv inn PIN-koden' })
  .max(8, { message: 'PIN-koden må være 4–8 sifre' })
  .regex(/^\d{4,8}$/, { message: 'PIN-koden må være 4–8 sifre' });

export const lockStatusSchema = z.object({
  pinSet: z.boolean(),
  locked: z.boolean(),
  idleSeconds: z.number(),
  /** Seconds until another PIN attempt is accepted (0 = now). */
  retryAfterSeconds: z.number(),
});
export type LockStatus = z.infer<typeof lockStatusSchema>;

export const lockContract = {
  'lock.status': method(z.object({}).optional(), lockStatusSchema, query('none', { whileLocked: true })),
  /** First start: only `pin`. Changing it later: `currentPin` too. */
  'lock.setPin': method(z.object({ pin: pinSchema, currentPin: pinSchema.optional() }), lockStatusSchema, mutation()),
  'lock.unlock': method(z.object({ pin: pinSchema }), lockStatusSchema, mutation('write', { whileLocked: true })),
  'lock.lock': method(z.object({ reason: z.enum(['idle', 'manual']) }), lockStatusSchema, mutation()),
  /** The window is in use (mouse, keys): keeps the core's idle timer from locking. Changes no data. */
  'lock.activity': method(z.object({}).optional(), z.object({}), query()),
};
