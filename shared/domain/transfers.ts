/**
 * Transfers between pathways and units (issue #13 §2): a pathway ends as *transferred* and, inside the trust, a
 * linked new pathway opens. Pure rules and their sources; the service writes both pathways in one transaction.
 *
 * Inside the trust the receiving team gets no new legal assessment deadline: the patient's right was granted by
 * the sending team, and only the pathway time runs, from the receiving team's receipt (intake 'internal_transfer',
 * shared/domain/pathway-facts.ts clockStart). To another health trust the pathway is only ended here: the
 * receiving trust registers its own start when it has assessed the re-referral.
 */
import type { IsoDate } from './iso-date';
import { ageAt } from './pathway-facts';
import type { PathwayTypeId } from './pathway-types';

export const TRANSFER_KINDS = ['d12_to_d11', 'phv_to_tsb', 'tsb_to_phv', 'ocd_team', 'psychosis_team', 'other_trust'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export type Confidence = 'confirmed' | 'local' | 'unconfirmed';

export interface TransferRule {
  kind: TransferKind;
  label: string;
  /** Pathway types a transfer of this kind may leave. */
  from: readonly PathwayTypeId[];
  /** Pathway types it may open here; empty = no new pathway here (another trust). */
  to: readonly PathwayTypeId[];
  /** Whether the receiving unit makes a new rights assessment (with the legal 10-working-day deadline). */
  newAssessment: boolean;
  confidence: Confidence;
  source: string;
}

const PHV: readonly PathwayTypeId[] = ['adult_mental', 'child_mental', 'eating_disorder_child', 'ocd', 'psychosis'];
const TSB: readonly PathwayTypeId[] = ['tsb', 'pregnant_substance'];

const CODE_GUIDE_START =
  'Helsedirektoratet, Kodeveileder – nasjonale pasientforløp for psykisk helse og rus, «Nasjonalt pasientforløp – start og type forløp»: ' +
  'ved overføring fra ett helseforetak (hf1) til et annet (hf2) registreres start ved hf2 når viderehenvisningen er vurdert';
const REVIEW = 'Domenegjennomgangen i sak #13: allerede vurdert av avsendende enhet; ikke bekreftet i offentlig kilde';

/** The transfer kinds, with the rule each follows and where it comes from. */
export const TRANSFER_RULES: readonly TransferRule[] = [
  {
    kind: 'd12_to_d11',
    label: 'Fra barn og unge (D12) til voksne (D11) ved 18 år',
    from: ['child_mental'],
    to: ['adult_mental'],
    newAssessment: false,
    confidence: 'unconfirmed',
    source: REVIEW,
  },
  { kind: 'phv_to_tsb', label: 'Fra psykisk helsevern til TSB', from: PHV, to: TSB, newAssessment: false, confidence: 'unconfirmed', source: REVIEW },
  {
    kind: 'tsb_to_phv',
    label: 'Fra TSB til psykisk helsevern',
    from: TSB,
    to: ['adult_mental', 'child_mental'],
    newAssessment: false,
    confidence: 'unconfirmed',
    source: REVIEW,
  },
  {
    kind: 'ocd_team',
    label: 'Til OCD-team',
    from: ['adult_mental', 'child_mental'],
    to: ['ocd'],
    newAssessment: false,
    confidence: 'confirmed',
    source: 'Helsedirektoratet, pakkeforløp tvangslidelser (OCD), forløpstider: regnes fra henvisning mottatt av OCD-teamet (DOMAIN.md §3)',
  },
  {
    kind: 'psychosis_team',
    label: 'Til psykoseteam',
    from: ['adult_mental', 'child_mental', 'tsb'],
    to: ['psychosis'],
    newAssessment: false,
    confidence: 'unconfirmed',
    source: REVIEW,
  },
  {
    kind: 'other_trust',
    label: 'Til et annet helseforetak',
    from: [...PHV, ...TSB],
    to: [],
    newAssessment: true,
    confidence: 'confirmed',
    source: CODE_GUIDE_START,
  },
];

/** D12 → D11 is proposed from this age (years, on the transfer date). */
export const ADULT_AGE = 18;

export function transferRule(kind: TransferKind): TransferRule {
  return TRANSFER_RULES.find((r) => r.kind === kind)!;
}

/** The kinds a pathway of this type can be transferred by. */
export function transferKindsFor(pathwayType: PathwayTypeId): TransferRule[] {
  return TRANSFER_RULES.filter((r) => r.from.includes(pathwayType));
}

/** The end reason each transfer gives the pathway it leaves (end_reason codes, migrations/…_0320). */
export function endReasonOf(kind: TransferKind): 'transferred_other_trust' | 'transferred_internal' {
  return kind === 'other_trust' ? 'transferred_other_trust' : 'transferred_internal';
}

export interface TransferFacts {
  kind: TransferKind;
  pathwayType: PathwayTypeId;
  status: 'open' | 'own_clinician' | 'ended';
  referralReceived: IsoDate;
  /** Latest active event date on the pathway it leaves: the end cannot come before it. */
  lastEventDate: IsoDate | null;
  birthDate: IsoDate | null;
  /** The date the pathway ends here (the transfer was sent). */
  transferredOn: IsoDate;
  /** Inside the trust: the date the receiving team received the transfer (its pathway time runs from here). */
  receivedOn: IsoDate | null;
  newPathwayType: PathwayTypeId | null;
  receivingTrust: string;
  today: IsoDate;
}

export interface TransferIssue {
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Field checks of a transfer (errors block, warnings are shown). Messages never echo input. */
export function transferIssues(f: TransferFacts): TransferIssue[] {
  const out: TransferIssue[] = [];
  const error = (path: string, message: string) => void out.push({ path, message, severity: 'error' });
  const rule = transferRule(f.kind);
  if (f.status === 'ended') error('kind', 'Forløpet er allerede avsluttet.');
  // (A pathway with its own clinician can be transferred: D12 → D11 at 18 often happens then.)
  if (!rule.from.includes(f.pathwayType)) error('kind', 'Denne overføringen gjelder ikke denne forløpstypen.');
  if (f.transferredOn > f.today) error('transferredOn', 'Datoen kan ikke være fram i tid.');
  else if (f.transferredOn < f.referralReceived) error('transferredOn', 'Overføringen kan ikke være før henvisningen ble mottatt.');
  else if (f.lastEventDate && f.transferredOn < f.lastEventDate) error('transferredOn', 'Overføringen kan ikke være før siste registrerte hendelse.');
  if (f.kind === 'other_trust') {
    if (f.receivingTrust.trim() === '') error('receivingTrust', 'Oppgi hvilket helseforetak som overtar');
    if (f.newPathwayType !== null) error('newPathwayType', 'Ved overføring til et annet helseforetak åpnes ikke noe nytt forløp her');
    if (f.receivedOn !== null) error('receivedOn', 'Mottaksdatoen registreres av helseforetaket som overtar');
  } else {
    if (f.newPathwayType === null || !rule.to.includes(f.newPathwayType)) error('newPathwayType', 'Velg forløpet pasienten overføres til');
    if (f.receivedOn === null) error('receivedOn', 'Oppgi når mottakende enhet fikk overføringen');
    else if (f.receivedOn > f.today) error('receivedOn', 'Datoen kan ikke være fram i tid.');
    else if (f.receivedOn < f.transferredOn) error('receivedOn', 'Mottakende enhet kan ikke ha fått overføringen før den ble sendt.');
  }
  if (f.kind === 'd12_to_d11' && f.birthDate && ageAt(f.birthDate, f.transferredOn) < ADULT_AGE) {
    out.push({
      path: 'transferredOn',
      severity: 'warning',
      message: `Pasienten er under ${ADULT_AGE} år på overføringsdatoen. Overføring fra D12 til D11 skjer vanligvis ved ${ADULT_AGE} år.`,
    });
  }
  return out;
}

/** The date a patient turns 18 (29 February birthdays: 1 March in common years), for proposing D12 → D11. */
export function adultOn(birthDate: IsoDate): IsoDate {
  const year = Number(birthDate.slice(0, 4)) + ADULT_AGE;
  const md = birthDate.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return md === '02-29' && !leap ? `${year}-03-01` : `${year}-${md}`;
}
