import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, query, writes } from './method';
import { id, isoDate, optionalText } from './fields';
import { PATHWAY_TYPE_IDS, SETTING_IDS } from '../domain/pathway-types';
import { TRANSFER_KINDS } from '../domain/transfers';

/**
 * A transfer (issue #13 §2): the pathway ends as transferred; inside the trust a linked pathway opens with no new
 * legal assessment deadline (its time runs from the receiving team's receipt); to another trust it only ends here.
 */
export const transferInputSchema = lazySchema(() =>
  z.object({
    pathwayId: id,
    kind: z.enum(TRANSFER_KINDS, { error: 'Velg hvor pasienten overføres' }),
    transferredOn: isoDate('Overført'),
    receivedOn: isoDate('Mottatt av ny enhet').nullable().default(null),
    newPathwayType: z.enum(PATHWAY_TYPE_IDS, { error: 'Velg forløpet pasienten overføres til' }).nullable().default(null),
    newSetting: z.enum(SETTING_IDS, { error: 'Velg poliklinikk eller døgn' }).nullable().default(null),
    receivingTrust: optionalText(120).default(''),
    note: optionalText(500).default(''),
  }),
);
export type TransferInput = z.input<typeof transferInputSchema>;

/** A transfer ends one pathway and opens another: everything a pathway write touches. */
const transfer = writes(['pathways', 'worklist', 'overview', 'patients', 'registration', 'breach', 'referrer', 'pathwayCare', 'readmissions', 'evaluations']);
/** A confirmed evaluation is a pathway event; the treatment plan is a pathway fact. */
const evaluate = writes(['pathways', 'worklist', 'overview', 'registration']);

export const PROPOSAL_SOURCES = ['meeting', 'appointment'] as const;

export const evaluationProposalSchema = lazySchema(() =>
  z.object({
    pathwayId: z.number(),
    sourceKind: z.enum(PROPOSAL_SOURCES),
    sourceId: z.number(),
    /** The meeting's or appointment's date: the evaluation is dated by it. */
    date: z.string(),
    /** "Samarbeidsmøte (evaluering) holdt" / "Evalueringstime, møtt". */
    label: z.string(),
  }),
);
export type EvaluationProposal = z.infer<typeof evaluationProposalSchema>;

const proposalRef = lazySchema(() => z.object({ pathwayId: id, sourceKind: z.enum(PROPOSAL_SOURCES, { error: 'Ugyldig kilde' }), sourceId: id }));

export const transfersContract = {
  /** Ends the pathway as transferred and, inside the trust, opens the linked pathway (logged). */
  'transfers.create': method(
    () => transferInputSchema,
    () => z.object({ pathwayId: z.number(), newPathwayId: z.number().nullable() }),
    transfer(),
  ),
};

export const evaluationsContract = {
  /** Evaluations proposed by what happened anyway: held evaluation meetings and attended evaluation appointments. */
  'evaluations.proposals': method(
    () => z.object({ patientId: id }),
    () => z.object({ proposals: z.array(evaluationProposalSchema) }),
    query(),
  ),
  /** Records the evaluation event dated by the meeting or appointment (one click). */
  'evaluations.confirm': method(
    () => proposalRef,
    () => z.object({ eventId: z.number() }),
    evaluate(),
  ),
  /** "Not an evaluation": the proposal is not shown again. */
  'evaluations.dismiss': method(
    () => proposalRef,
    () => z.object({ pathwayId: z.number() }),
    evaluate(),
  ),
  /** "Behandlingsplan utarbeidet med pasient": the date (null clears it); who recorded it is the signed-in user. */
  'evaluations.recordTreatmentPlan': method(
    () => z.object({ pathwayId: id, date: isoDate('Dato').nullable() }),
    () => z.object({ pathwayId: z.number() }),
    evaluate(),
  ),
};
