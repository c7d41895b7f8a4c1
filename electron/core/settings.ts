import { sql, type Kysely, type Transaction } from 'kysely';
import { isPostgres } from './db/dialect';
import { compiledQueries } from './db/compiled-queries';
import { z } from 'zod';
import { PATIENT_PRINT_PRIVACY, type MeetingKind } from '../../shared/domain/meetings';
import { CONTACT_CHANNELS } from '../../shared/domain/no-show-policy';
import type { Database } from './db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The one typed accessor for app_setting (small key/value settings of the data directory). Every key is declared
 * here with its type as a zod codec between the stored text and the value; callers never parse or cast.
 * A stored value that does not decode (edited by hand, written by a bug) reads as unset: the caller's default.
 */

/** '1' / '0'. */
const flag = z.codec(z.enum(['0', '1']), z.boolean(), { decode: (s) => s === '1', encode: (b) => (b ? '1' : '0') });

/** A whole number at least `min`, stored as decimal text. */
const intAtLeast = (min: number) => z.codec(z.string().regex(/^-?\d+$/), z.number().int().min(min), { decode: (s) => Number(s), encode: (n) => String(n) });

/** A value stored as JSON text. */
function json<T extends z.ZodType>(schema: T) {
  return z.codec(z.string(), schema, {
    decode: (s, ctx) => {
      try {
        return JSON.parse(s);
      } catch {
        ctx.issues.push({ code: 'invalid_format', format: 'json', input: s, message: 'Ugyldig JSON' });
        return z.NEVER;
      }
    },
    encode: (v) => JSON.stringify(v),
  });
}

const SETTINGS = {
  /** Demo mode of this data directory, fixed when it was first opened. */
  demo: flag,
  /** Saturdays count as working days (DOMAIN.md §5; default Monday–Friday). */
  'clock.countSaturdays': flag,
  /** scrypt hash of the lock PIN; unset until one is chosen. */
  'lock.pinHash': z.string().min(1),
  'lock.idleSeconds': intAtLeast(5),
  /** Lock state across restarts, JSON {locked, failures, blockedUntilMs}; read by newLockState (unreadable = locked). */
  'lock.state': z.string(),
  'backup.keep': intAtLeast(1),
  'retention.months': intAtLeast(1),
  'noShow.coordinatorPhone': z.string(),
  /** The unit's no-show policy; fields not stored take the shipped defaults (resolvePolicy). */
  'noShow.policy': json(
    z
      .object({
        attemptsRequired: z.number().int(),
        channels: z.array(z.enum(CONTACT_CHANNELS)),
        daysToFirstContact: z.number().int(),
        letterToPatient: z.boolean(),
        letterToReferrer: z.boolean(),
        letterToMunicipalCoordinator: z.boolean(),
      })
      .partial(),
  ),
  'meetings.printPrivacy': z.enum(PATIENT_PRINT_PRIVACY),
  /** The municipality dataset loaded after the shipped one. */
  'municipalities.dataset': json(z.object({ classification: z.string(), validFrom: z.string(), source: z.string(), count: z.number().int() })),
} as const;

/** A unit's agenda template per meeting kind, JSON list of items. */
const MEETING_TEMPLATE = json(z.array(z.string()));
export type MeetingTemplateKey = `meetings.template.${MeetingKind}`;
export const meetingTemplateKey = (kind: MeetingKind): MeetingTemplateKey => `meetings.template.${kind}`;

type FixedKey = keyof typeof SETTINGS;
export type SettingKey = FixedKey | MeetingTemplateKey;
export type SettingValue<K extends SettingKey> = K extends FixedKey ? z.output<(typeof SETTINGS)[K]> : z.output<typeof MEETING_TEMPLATE>;

function codec<K extends SettingKey>(key: K): z.ZodType<SettingValue<K>, string> {
  const schema = key.startsWith('meetings.template.') ? MEETING_TEMPLATE : SETTINGS[key as FixedKey];
  return schema as unknown as z.ZodType<SettingValue<K>, string>;
}

/**
 * A person's own settings, not the unit's: kept in person_setting under the person's login (the database login on
 * the team store, where row-level security keeps each to their own rows; '' for the local store's one person).
 */
const PERSONAL_KEYS: ReadonlySet<SettingKey> = new Set<SettingKey>(['lock.pinHash', 'lock.state', 'lock.idleSeconds']);
export const personLogin = (db: Db) => (isPostgres(db) ? sql<string>`current_user` : sql<string>`''`);

const settingQueries = compiledQueries();

/** The setting's value, or null when it is not set or its stored text does not decode. */
export async function readSetting<K extends SettingKey>(db: Db, key: K): Promise<SettingValue<K> | null> {
  // Compiled once per store (compiled-queries.ts): every worklist page reads a setting (the calendar of the
  // care-deadline flags), and building the query each time cost more than reading it.
  const personal = PERSONAL_KEYS.has(key);
  const [row] = await settingQueries.rows(db, personal ? 'person_setting' : 'app_setting', { key }, (v) =>
    personal
      ? db
          .selectFrom('person_setting')
          .select('value')
          .where('login', '=', personLogin(db))
          .where('key', '=', v.key as string)
      : db
          .selectFrom('app_setting')
          .select('value')
          .where('key', '=', v.key as string),
  );
  if (!row) return null;
  const decoded = z.safeDecode(codec(key), row.value);
  return decoded.success ? decoded.data : null;
}

/** Stores a value (checked against the key's type: an invalid value throws and nothing is written). */
export async function writeSetting<K extends SettingKey>(db: Db, key: K, value: SettingValue<K>): Promise<void> {
  const text = z.encode(codec(key), value);
  if (PERSONAL_KEYS.has(key)) {
    await db
      .insertInto('person_setting')
      .values({ login: personLogin(db), key, value: text })
      .onConflict((oc) => oc.columns(['login', 'key']).doUpdateSet({ value: text }))
      .execute();
    return;
  }
  await db
    .insertInto('app_setting')
    .values({ key, value: text })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: text }))
    .execute();
}

/** Removes a setting so the shipped default applies again. */
export async function deleteSetting(db: Db, key: SettingKey): Promise<void> {
  if (PERSONAL_KEYS.has(key)) {
    await db.deleteFrom('person_setting').where('login', '=', personLogin(db)).where('key', '=', key).execute();
    return;
  }
  await db.deleteFrom('app_setting').where('key', '=', key).execute();
}
