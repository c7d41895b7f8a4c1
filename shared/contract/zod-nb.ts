import { z } from 'zod';
import no from 'zod/v4/locales/no.js';

// Norwegian fallback messages for every schema; field schemas add their own where a better text exists.
// The `no` locale names types, never submitted values. Imported alone: `z.locales` would pull in every language.
z.config(no());

export { z };
