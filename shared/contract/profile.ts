import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, writes, query } from './method';
import { optionalText, phone, requiredText } from './fields';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
// Not 'app': app.info's needsProfile is read again when the first-run steps are done. 'worklist': the names beside
// logins in the caseload's people (the log is always refreshed).
const write = writes(['referrer', 'breach', 'worklist']);

/** The unit's part of the profile, shared by everyone in the unit: the letterhead. */
export const unitProfileSchema = lazySchema(() =>
  z.object({
    unitName: requiredText('Enhet', 160),
    unitPhone: phone.refine((s) => s !== '', { message: 'Telefonnummer må fylles ut' }),
    /** Postal address of the unit, one line per line of the letterhead. */
    unitAddress: optionalText(300, { multiline: true }).default(''),
  }),
);
export type UnitProfile = z.output<typeof unitProfileSchema>;

/** A person's own part, kept per login: their name (signs letters, "Utført av", the log) and an optional direct phone. */
export const myProfileSchema = lazySchema(() =>
  z.object({
    name: requiredText('Navn', 120),
    phone: phone.default(''),
  }),
);
export type MyProfile = z.output<typeof myProfileSchema>;

/** Both parts at once, as the first start of a local store asks for them: the person's own name and the unit. */
export const profileSchema = lazySchema(() => z.object({ coordinatorName: requiredText('Navn', 120), ...unitProfileSchema.shape }));
export type Profile = z.output<typeof profileSchema>;

export const profileViewSchema = lazySchema(() =>
  z.object({
    /** null before the unit's letterhead is set up. */
    unit: unitProfileSchema.nullable(),
    /** null before this person has given their name. */
    me: myProfileSchema.nullable(),
    /** This person's login: the database login on the team store, the OS user on the local store. */
    login: z.string(),
    /** Whether this login may change the unit's part (the local store; on the team store IT sets it up). */
    unitEditable: z.boolean(),
  }),
);
export type ProfileView = z.output<typeof profileViewSchema>;

export const profileContract = {
  'profile.get': method(
    () => z.object({}).optional(),
    () => profileViewSchema,
    query(),
  ),
  /** The person's own name and the unit's letterhead together (the first start of a local store). */
  'profile.save': method(
    () => profileSchema,
    () => profileSchema,
    write(),
  ),
  /** The person's own part only: their name and direct phone (their own row on the team store). */
  'profile.saveMine': method(
    () => myProfileSchema,
    () => myProfileSchema,
    write(),
  ),
  /** The unit's part only (refused on the team store, where IT sets the letterhead up). */
  'profile.saveUnit': method(
    () => unitProfileSchema,
    () => unitProfileSchema,
    write(),
  ),
};
