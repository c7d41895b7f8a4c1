import type { IsoDate } from './iso-date';
import { addMonths, daysBetween } from './time';

/**
 * Readmissions (svingdørspasienter, the seed evaluation's question 6): a patient's successive pathways, and
 * which of them are re-referrals within 12 months of an earlier pathway's end.
 * Definition [L]: a pathway is a re-referral when its referral was received after an earlier pathway of the same
 * patient ended (closed) and no later than 12 calendar months after that end (same day of month; 29.02 → 28.02).
 * Any pathway type counts (PHV after TSB too). A pathway received while the earlier one was still open is
 * concurrent, not a re-referral. No national definition was found; the window is our choice, kept as a constant.
 */
export const READMISSION_WINDOW_MONTHS = 12;

export interface PathwayLite {
  id: number;
  referralReceived: IsoDate;
  /**
   * The date the pathway ended (closed), or null while it runs. A pathway that ended by a transfer inside the
   * trust did not end the patient's care: pass null (the care continued in the linked pathway).
   */
  closedOn: IsoDate | null;
  /** Set when this pathway continues another by a transfer inside the trust: a continuation, not a re-referral. */
  transferredFromId?: number | null;
}

export interface LinkedPathway {
  id: number;
  /** The pathway just before this one (by referral date). */
  previousId: number | null;
  /** The earlier ended pathway this one re-refers after, within the window. */
  reReferralAfterId: number | null;
  /** Calendar days from that earlier end to this referral. */
  daysSinceEnd: number | null;
}

/** Links each pathway to its predecessor and marks re-referrals; returned in referral order (oldest first). */
export function linkPathways(pathways: PathwayLite[], windowMonths = READMISSION_WINDOW_MONTHS): LinkedPathway[] {
  const ordered = [...pathways].sort((a, b) => (a.referralReceived === b.referralReceived ? a.id - b.id : a.referralReceived < b.referralReceived ? -1 : 1));
  return ordered.map((p, i) => {
    const continuation = p.transferredFromId != null;
    const earlierEnded = continuation
      ? undefined
      : ordered
          .slice(0, i)
          .filter((e) => e.closedOn !== null && e.closedOn <= p.referralReceived && p.referralReceived <= addMonths(e.closedOn, windowMonths))
          .sort((a, b) => ((a.closedOn ?? '') < (b.closedOn ?? '') ? 1 : -1))[0];
    return {
      id: p.id,
      previousId: i > 0 ? ordered[i - 1]!.id : null,
      reReferralAfterId: earlierEnded?.id ?? null,
      daysSinceEnd: earlierEnded?.closedOn ? daysBetween(earlierEnded.closedOn, p.referralReceived) : null,
    };
  });
}

/**
 * How many pathways received in [from, to] are re-referrals (the overview's indicator), over many patients.
 * Continuations after an internal transfer are not referrals: counted in neither figure.
 */
export function countReReferrals(
  byPatient: PathwayLite[][],
  from: IsoDate,
  to: IsoDate,
  windowMonths = READMISSION_WINDOW_MONTHS,
): { reReferrals: number; received: number } {
  let reReferrals = 0;
  let received = 0;
  for (const pathways of byPatient) {
    const received_ = new Map(pathways.map((p) => [p.id, p.referralReceived]));
    const continuations = new Set(pathways.filter((p) => p.transferredFromId != null).map((p) => p.id));
    for (const link of linkPathways(pathways, windowMonths)) {
      const date = received_.get(link.id)!;
      if (date < from || date > to || continuations.has(link.id)) continue;
      received += 1;
      if (link.reReferralAfterId !== null) reReferrals += 1;
    }
  }
  return { reReferrals, received };
}
