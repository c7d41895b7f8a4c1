import { describe, expect, it } from 'vitest';
import { OSLO_ZONE } from '../../shared/domain/time';
import { WARM_ZONE, warmTimeZoneData } from '../../electron/server/warm-up';

// Issue #14 (start): the browser-mode server loads ICU's zone data while the browser starts the page, so the
// core's modules (shared/domain/time.ts builds an Intl.DateTimeFormat for Oslo) do not pay for it.
describe('the time zone warm-up', () => {
  it('warms the zone the app computes its dates in', () => {
    expect(WARM_ZONE).toBe(OSLO_ZONE);
  });

  it('loads the zone data without an error', () => {
    expect(warmTimeZoneData()).toBeUndefined();
  });
});
