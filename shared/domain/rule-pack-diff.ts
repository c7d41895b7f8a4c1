/**
 * What an imported national rule pack changes (issue #13 §2), against the national version each pathway has now:
 * pathway times added, changed or removed, the clock start, and codes. Pure; shown before anything is applied.
 */
import { pathwayTypeLabel, settingLabel, type PathwayTypeId } from './pathway-types';
import { eventLabel, type EventType, type PathwayTime, type RuleVersion } from './rule-pack';

export type Change = 'added' | 'changed' | 'removed';

type TimeLike = Pick<PathwayTime, 'setting' | 'fromEvent' | 'toEvent' | 'days' | 'unit' | 'confidence'> & {
  variant?: PathwayTime['variant'] | null;
  repeatWithinDays?: number | null;
};

/** What the diff reads of a pack file (shared/contract/rule-pack-file.ts). */
export interface PackForDiff {
  validFrom: string;
  pathways: {
    pathwayType: PathwayTypeId;
    clockStart: 'referral_received' | 'referral_assessed';
    codes?: { pathway?: string | null; events?: Partial<Record<EventType, string | null>> };
    times: TimeLike[];
  }[];
}

export interface TimeChange {
  change: Change;
  label: string;
  before: string | null;
  after: string | null;
}

export interface CodeChange {
  change: Change;
  label: string;
  before: string | null;
  after: string | null;
}

export interface PathwayDiff {
  pathwayType: PathwayTypeId;
  label: string;
  /** The national version the pack replaces for new pathways; null when the pathway has none yet. */
  replaces: { id: string; validFrom: string } | null;
  clockStart: { before: string | null; after: string } | null;
  times: TimeChange[];
  unchanged: number;
  codes: CodeChange[];
}

export interface CurrentCodes {
  pathwayType: PathwayTypeId;
  code: string | null;
  events: { type: EventType; codeSuffix: string | null }[];
}

const CLOCK_LABELS = { referral_received: 'fra mottatt henvisning', referral_assessed: 'fra vurdert henvisning' } as const;
const CONFIDENCE_LABELS = { confirmed: 'bekreftet', local: 'lokal', unconfirmed: 'ubekreftet' } as const;
const VARIANT_LABELS = { severe: 'alvorlig', less_severe: 'mindre alvorlig' } as const;

const keyOf = (t: TimeLike) => `${t.setting}/${t.fromEvent}-${t.toEvent}/${t.variant ?? ''}`;
const labelOf = (t: TimeLike) =>
  `${settingLabel(t.setting)}: ${eventLabel(t.fromEvent)} → ${eventLabel(t.toEvent)}${t.variant ? ` (${VARIANT_LABELS[t.variant]})` : ''}`;
const valueOf = (t: TimeLike) =>
  `${t.days} ${t.unit === 'working' ? 'virkedager' : 'kalenderdager'}${t.repeatWithinDays ? `, gjentas det første ${t.repeatWithinDays === 365 ? 'året' : `${t.repeatWithinDays} dager`}` : ''} (${CONFIDENCE_LABELS[t.confidence]})`;

/** The latest national version of a pathway starting before `before` (what new pathways get until the pack applies). */
export function currentNational(versions: readonly RuleVersion[], pathwayType: PathwayTypeId, before: string): RuleVersion | null {
  return versions
    .filter((v) => v.origin === 'national' && v.pathwayType === pathwayType && v.validFrom < before)
    .reduce<RuleVersion | null>((best, v) => (best === null || v.validFrom > best.validFrom ? v : best), null);
}

export function diffRulePack(pack: PackForDiff, versions: readonly RuleVersion[], codes: readonly CurrentCodes[]): PathwayDiff[] {
  return pack.pathways.map((p) => {
    const current = currentNational(versions, p.pathwayType, pack.validFrom);
    const before = new Map((current?.times ?? []).map((t) => [keyOf(t), t]));
    const after = new Map(p.times.map((t) => [keyOf(t), t]));
    const times: TimeChange[] = [];
    let unchanged = 0;
    for (const [key, t] of after) {
      const old = before.get(key);
      if (!old) times.push({ change: 'added', label: labelOf(t), before: null, after: valueOf(t) });
      else if (valueOf(old) !== valueOf(t)) times.push({ change: 'changed', label: labelOf(t), before: valueOf(old), after: valueOf(t) });
      else unchanged++;
    }
    for (const [key, t] of before) if (!after.has(key)) times.push({ change: 'removed', label: labelOf(t), before: valueOf(t), after: null });
    const clockBefore = current ? CLOCK_LABELS[current.clockStart] : null;
    const clockAfter = CLOCK_LABELS[p.clockStart];
    return {
      pathwayType: p.pathwayType,
      label: pathwayTypeLabel(p.pathwayType),
      replaces: current ? { id: current.id, validFrom: current.validFrom } : null,
      clockStart: clockBefore === clockAfter ? null : { before: clockBefore, after: clockAfter },
      times,
      unchanged,
      codes: codeChanges(p, codes.find((c) => c.pathwayType === p.pathwayType) ?? null),
    };
  });
}

function codeChanges(p: PackForDiff['pathways'][number], current: CurrentCodes | null): CodeChange[] {
  const out: CodeChange[] = [];
  if (!p.codes) return out;
  const diff = (label: string, before: string | null, after: string | null) => {
    if (before === after) return;
    out.push({ change: before === null ? 'added' : after === null ? 'removed' : 'changed', label, before, after });
  };
  if (p.codes.pathway !== undefined) diff('Forløpskode', current?.code ?? null, p.codes.pathway ?? null);
  for (const [type, suffix] of Object.entries(p.codes.events ?? {}) as [EventType, string | null][]) {
    diff(`Kode for ${eventLabel(type).toLowerCase()}`, current?.events.find((e) => e.type === type)?.codeSuffix ?? null, suffix);
  }
  return out;
}

/** True when a pack changes nothing against what is in force. */
export function isEmptyDiff(diffs: readonly PathwayDiff[]): boolean {
  return diffs.every((d) => d.times.length === 0 && d.codes.length === 0 && d.clockStart === null);
}
