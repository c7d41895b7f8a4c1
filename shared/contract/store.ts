import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, query, writes } from './method';

/** A store choice takes effect at the next start: nothing on screen is stale but the store views themselves. */
const write = writes([]);

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1', '[::1]'];

/** True for a server on this machine (where TLS may be left off). */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.includes(host.trim().toLowerCase());
}

const pgName = (label: string) =>
  z
    .string({ error: `${label} må fylles ut` })
    .trim()
    .min(1, { message: `${label} må fylles ut` })
    .max(63, { message: `${label} kan ha høyst 63 tegn` })
    .regex(/^[A-Za-z0-9_.-]+$/, { message: `${label} kan bare ha bokstaver a–z, tall, punktum, bindestrek og understrek` });

/**
 * The team store as the desktop app connects to it: the server, the database and the person's own login.
 * TLS with verification of the server's certificate is required unless the server is on this machine.
 */
export const teamStoreSettingsSchema = lazySchema(() =>
  z
    .object({
      host: z
        .string({ error: 'Server må fylles ut' })
        .trim()
        .min(1, { message: 'Server må fylles ut' })
        .max(253, { message: 'Servernavnet kan ha høyst 253 tegn' })
        .regex(/^(\[[0-9A-Fa-f:]+\]|[A-Za-z0-9.-]+|[0-9A-Fa-f:]+)$/, { message: 'Servernavnet kan bare ha bokstaver a–z, tall, punktum og bindestrek' }),
      port: z
        .number({ error: 'Port må være et tall' })
        .int({ message: 'Port må være et heltall' })
        .min(1, { message: 'Port må være mellom 1 og 65535' })
        .max(65535, { message: 'Port må være mellom 1 og 65535' }),
      database: pgName('Database'),
      user: pgName('Brukernavn'),
      /** Empty keeps the saved password. Kept with the operating system's key store, never in a plain file. */
      password: z.string().max(1000, { message: 'Passordet kan ha høyst 1000 tegn' }).default(''),
      /** Encrypted connection with the server's certificate checked. */
      tls: z.boolean(),
    })
    .superRefine((v, ctx) => {
      if (!v.tls && !isLoopbackHost(v.host)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tls'],
          message: 'Kryptert forbindelse (TLS) med kontroll av serverens sertifikat er påkrevd når serveren ikke er på denne maskinen.',
        });
      }
    }),
);
export type TeamStoreSettings = z.output<typeof teamStoreSettingsSchema>;

const savedSettingsSchema = lazySchema(() =>
  z.object({
    host: z.string(),
    port: z.number(),
    database: z.string(),
    user: z.string(),
    tls: z.boolean(),
    passwordSaved: z.boolean(),
  }),
);

export const storeContract = {
  /** Which store this session uses and, on the team store, whether the server answers (the status bar). */
  'store.status': method(
    () => z.object({}).optional(),
    () =>
      z.object({
        kind: z.enum(['sqlite', 'postgres']),
        /** "server:port/database", never a password. */
        server: z.string().nullable(),
        login: z.string().nullable(),
        connection: z.object({ state: z.enum(['online', 'offline']), offlineSince: z.string().nullable(), reconnectedAt: z.string().nullable() }),
        /** The desktop app keeps its choice here; browser mode takes it from --store / FORLOPSBENK_STORE. */
        configurable: z.boolean(),
        /** The desktop app's saved choice for the next start (null: the local file). */
        saved: savedSettingsSchema.nullable(),
      }),
    query('none', { whileLocked: true }),
  ),
  /** Desktop: use the team store from the next start. The password goes to the OS key store (safeStorage). */
  'store.useTeam': method(
    () => teamStoreSettingsSchema,
    () => savedSettingsSchema,
    write(),
  ),
  /** Desktop: use the local file from the next start (the saved password is removed). */
  'store.useLocal': method(
    () => z.object({}).optional(),
    () => z.null(),
    write(),
  ),
};
