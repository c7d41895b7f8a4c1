import { z } from 'zod';

// Norwegian fallback messages for every schema; field schemas add their own where a better text exists.
// The `no` locale names types, never submitted values.
z.config(z.locales.no());

export { z };
