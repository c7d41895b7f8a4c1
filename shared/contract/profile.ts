import { z } from './zod-nb';
import { method, mutation, query } from './method';
import { optionalText, phone, requiredText } from './fields';

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
  'profile.save': method(profileSchema, profileSchema, mutation()),
};
