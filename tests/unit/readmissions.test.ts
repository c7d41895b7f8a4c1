import { describe, expect, it } from 'vitest';
import { countReReferrals, linkPathways } from '../../shared/domain/readmissions';

describe('readmissions: successive pathways and re-referrals within 12 months', () => {
  it('links each pathway to its predecessor and marks a re-referral up to and including the same date a year after the end', () => {
    const links = linkPathways([
      { id: 3, referralReceived: '2026-12-24', closedOn: null },
      { id: 1, referralReceived: '2025-03-01', closedOn: '2025-12-24' },
    ]);
    expect(links).toEqual([
      { id: 1, previousId: null, reReferralAfterId: null, daysSinceEnd: null },
      { id: 3, previousId: 1, reReferralAfterId: 1, daysSinceEnd: 365 },
    ]);
    const late = linkPathways([
      { id: 1, referralReceived: '2025-03-01', closedOn: '2025-12-24' },
      { id: 2, referralReceived: '2026-12-28', closedOn: null },
    ]);
    expect(late[1]).toMatchObject({ previousId: 1, reReferralAfterId: null });
  });

  it('ends a 29 February window on 28 February the next year', () => {
    const base = { id: 1, referralReceived: '2023-06-01', closedOn: '2024-02-29' };
    expect(linkPathways([base, { id: 2, referralReceived: '2025-02-28', closedOn: null }])[1]!.reReferralAfterId).toBe(1);
    expect(linkPathways([base, { id: 2, referralReceived: '2025-03-01', closedOn: null }])[1]!.reReferralAfterId).toBeNull();
  });

  it('does not count a pathway received while the earlier one was still open', () => {
    const links = linkPathways([
      { id: 1, referralReceived: '2026-01-05', closedOn: '2026-06-01' },
      { id: 2, referralReceived: '2026-03-02', closedOn: null },
    ]);
    expect(links[1]).toMatchObject({ previousId: 1, reReferralAfterId: null });
  });

  it('counts re-referrals received in a period over many patients', () => {
    const a = [
      { id: 1, referralReceived: '2025-01-02', closedOn: '2025-04-01' },
      { id: 2, referralReceived: '2025-05-02', closedOn: null },
    ];
    const b = [{ id: 3, referralReceived: '2025-05-10', closedOn: null }];
    expect(countReReferrals([a, b], '2025-05-01', '2025-08-31')).toEqual({ reReferrals: 1, received: 2 });
    expect(countReReferrals([a, b], '2025-01-01', '2025-04-30')).toEqual({ reReferrals: 0, received: 1 });
  });
});
