import { z } from './zod-nb';
import { method, writes, query } from './method';
import { optionalText, phone, requiredText } from './fields';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
// Not 'app': app.info's needsProfile is read again when the first-run steps are done.
const write = writes(['referrer', 'breach']);

export const profileSchema = z.object({
  coordinatorName: requiredText('Navn', 120),
  unitName: requiredText('Enhet', 160),
  unitPhone: phone.refine((s) => s !== '', { message: 'Telefonnummer må fylles ut' }),
  /** Postal address of the unit, one line per line of the letterhead. */
  unitAddress: optionalText(300, { multiline: true }).default(''),
});
export type Profile = z.output<typeof profileSchema>;

export const profileContract = {
  'profile.get': method(z.object({}).optional(), profileSchema.nullable(), query()),
  'profile.save': method(profileSchema, profileSchema, write()),
};
