/**
 * Evaluations from what happens anyway (issue #13 §2; DOMAIN.md §4 and §7: "evaluation points are first and
 * foremost linked to collaboration meetings"). A held evaluation meeting or an attended evaluation appointment
 * PROPOSES the evaluation event, dated by the meeting or appointment; the coordinator confirms it with one click
 * or dismisses it. Nothing is recorded silently. [L] — the proposing is our design; the code guide only says the
 * evaluation is registered when it takes place.
 */
import type { IsoDate } from './iso-date';

export interface ProposalSource {
  kind: 'meeting' | 'appointment';
  id: number;
  date: IsoDate;
  /** An appointment's pathway; null for a meeting (patient level): every pathway of the patient is considered. */
  pathwayId: number | null;
  label: string;
}

export interface ProposalPathway {
  id: number;
  /** Active events only. */
  events: readonly { type: string; date: IsoDate }[];
}

export interface Proposal {
  pathwayId: number;
  sourceKind: ProposalSource['kind'];
  sourceId: number;
  date: IsoDate;
  label: string;
}

export const proposalKey = (p: { pathwayId: number; sourceKind: string; sourceId: number }): string => `${p.pathwayId}:${p.sourceKind}:${p.sourceId}`;

/**
 * Which evaluations to propose: for each source and each pathway it may belong to, when that pathway has a
 * clinical decision on or before the date (evaluations follow the decision), had not ended before it, has no
 * evaluation recorded on that date already, and the proposal was not confirmed or dismissed before.
 */
export function proposeEvaluations(
  pathways: readonly ProposalPathway[],
  sources: readonly ProposalSource[],
  decided: ReadonlySet<string>,
  today: IsoDate,
): Proposal[] {
  const out: Proposal[] = [];
  for (const s of sources) {
    if (s.date > today) continue;
    for (const p of pathways) {
      if (s.pathwayId !== null && s.pathwayId !== p.id) continue;
      const decided_ = p.events.some((e) => e.type === 'clinical_decision' && e.date <= s.date);
      const endedBefore = p.events.some((e) => e.type === 'end' && e.date < s.date);
      const already = p.events.some((e) => e.type === 'evaluation' && e.date === s.date);
      const proposal = { pathwayId: p.id, sourceKind: s.kind, sourceId: s.id, date: s.date, label: s.label };
      if (decided_ && !endedBefore && !already && !decided.has(proposalKey(proposal))) out.push(proposal);
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.pathwayId - b.pathwayId));
}
