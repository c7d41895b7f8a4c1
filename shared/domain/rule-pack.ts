/**
 * The national rule pack AS DATA (DOMAIN.md §3–4): events, clinical-decision outcomes and versioned
 * pathway times per pathway type and setting. A migration loads `NATIONAL_RULE_PACK` into SQLite;
 * a health trust can add `origin: 'local'` versions on top. Nothing here is a hard-coded rule in logic.
 *
 * Pathway times are advisory and in calendar days unless `unit` says otherwise; the binding legal
 * deadlines (10 working days to assess, the individual care deadline) live in deadlines.ts.
 */
import type { IsoDate } from './iso-date';
import { PATHWAY_TYPES, SETTING_IDS, type PathwayTypeId, type SettingId } from './pathway-types';

export type EventType =
  | 'start'
  | 'first_attendance'
  | 'clinical_decision'
  | 'evaluation'
  | 'patient_postponed'
  | 'end'
  | 'own_clinician'
  // TSB only: end of detoxification and start of the treatment that follows it.
  | 'detox_end'
  | 'follow_on_treatment';

export type DecisionOutcome = 'CU' | 'CP' | 'CT' | 'CS' | 'CK' | 'CA' | 'CI';
export type Confidence = 'confirmed' | 'local' | 'unconfirmed';
export type TimeUnit = 'calendar' | 'working';
/** Severity variant of a time (eating disorders: severe 7 days, less severe 28 days). */
export type Severity = 'severe' | 'less_severe';
export type ClockStart = 'referral_received' | 'referral_assessed';

export interface EventDefinition {
  type: EventType;
  label: string;
  /** Appended to the pathway code (D11 + 'L' = D11L); clinical decisions append the outcome instead. */
  codeSuffix: string | null;
  codeConfidence: Confidence;
  /** null = unlimited. */
  maxPerPathway: number | null;
  requiresOutcome: boolean;
}

export interface OutcomeDefinition {
  code: DecisionOutcome;
  label: string;
  /** What follows the decision: a second decision, treatment here (evaluations), or ending the pathway. */
  next: 'extended_assessment' | 'treatment' | 'end';
}

export interface PathwayDefinition {
  pathwayType: PathwayTypeId;
  code: string | null;
  events: EventDefinition[];
  outcomes: OutcomeDefinition[];
}

export interface PathwayTime {
  id: string;
  pathwayType: PathwayTypeId;
  setting: SettingId;
  fromEvent: EventType;
  toEvent: EventType;
  days: number;
  unit: TimeUnit;
  confidence: Confidence;
  source: string;
  note: string | null;
  variant?: Severity;
  /**
   * A repeating time (evaluation → evaluation) applies only while its due date is within this many
   * calendar days of the clinical decision (TSB: the first year). null/absent = no limit.
   */
  repeatWithinDays?: number | null;
}

export interface RuleVersion {
  id: string;
  pathwayType: PathwayTypeId;
  validFrom: IsoDate;
  /** Last day in force (inclusive); null/absent = open-ended. */
  validTo?: IsoDate | null;
  /** Which referral date the pathway clock ("start") runs from. */
  clockStart: ClockStart;
  origin: 'national' | 'local';
  source: string;
  /** Whether validFrom (the switch date) is sourced; the 2024 start-rule switch is not (issue #13). */
  validFromConfidence?: Confidence;
  validFromNote?: string | null;
  times: PathwayTime[];
}

export interface RulePack {
  pathways: PathwayDefinition[];
  versions: RuleVersion[];
}

export const DECISION_OUTCOMES: readonly OutcomeDefinition[] = [
  { code: 'CU', label: 'Behov for utvidet utredning', next: 'extended_assessment' },
  { code: 'CP', label: 'Behov for behandling i psykisk helsevern', next: 'treatment' },
  { code: 'CT', label: 'Behov for behandling i TSB', next: 'treatment' },
  { code: 'CS', label: 'Behov for behandling i annen spesialisthelsetjeneste', next: 'end' },
  { code: 'CK', label: 'Behov for oppfølging hos fastlege eller i kommunen', next: 'end' },
  { code: 'CA', label: 'Behov for oppfølging fra andre instanser (NAV, skole, barnevern m.m.)', next: 'end' },
  { code: 'CI', label: 'Ikke behov for videre behandling eller oppfølging', next: 'end' },
];
export const DECISION_OUTCOME_CODES = DECISION_OUTCOMES.map((o) => o.code);

// Code suffixes: C + outcome and L are confirmed (DOMAIN.md §4); the letters for start, first attendance,
// evaluation and end are not verified against the current code guide, so they are flagged 'unconfirmed'.
const BASE_EVENTS: readonly EventDefinition[] = [
  { type: 'start', label: 'Forløpsstart', codeSuffix: 'A', codeConfidence: 'unconfirmed', maxPerPathway: 1, requiresOutcome: false },
  { type: 'first_attendance', label: 'Første fremmøte', codeSuffix: 'F', codeConfidence: 'unconfirmed', maxPerPathway: 1, requiresOutcome: false },
  { type: 'clinical_decision', label: 'Klinisk beslutning', codeSuffix: 'C', codeConfidence: 'confirmed', maxPerPathway: 2, requiresOutcome: true },
  { type: 'evaluation', label: 'Evaluering', codeSuffix: 'E', codeConfidence: 'unconfirmed', maxPerPathway: null, requiresOutcome: false },
  { type: 'patient_postponed', label: 'Pasientutsatt (L)', codeSuffix: 'L', codeConfidence: 'confirmed', maxPerPathway: null, requiresOutcome: false },
  { type: 'end', label: 'Avslutning', codeSuffix: 'X', codeConfidence: 'unconfirmed', maxPerPathway: 1, requiresOutcome: false },
  { type: 'own_clinician', label: 'Egen behandler tildelt', codeSuffix: null, codeConfidence: 'confirmed', maxPerPathway: null, requiresOutcome: false },
];
const TSB_EVENTS: readonly EventDefinition[] = [
  { type: 'detox_end', label: 'Avrusning avsluttet', codeSuffix: null, codeConfidence: 'confirmed', maxPerPathway: null, requiresOutcome: false },
  {
    type: 'follow_on_treatment',
    label: 'Videre behandling startet',
    codeSuffix: null,
    codeConfidence: 'confirmed',
    maxPerPathway: null,
    requiresOutcome: false,
  },
];

const SRC = {
  tsb: 'Helsedirektoratet: Nasjonalt pasientforløp rusbehandling (TSB), forløpstider',
  tsb2019: 'Helsedirektoratet: Pakkeforløp tverrfaglig spesialisert rusbehandling (TSB), 2019, forløpstider',
  ed: 'Helsedirektoratet: Nasjonalt pasientforløp spiseforstyrrelser hos barn og unge, forløpstider',
  ocd: 'Helsedirektoratet: Nasjonalt pasientforløp tvangslidelser (OCD), forløpstider',
  preg: 'Helsedirektoratet: Nasjonalt pasientforløp gravide og rusmidler, forløpstider',
  psy: 'Helsedirektoratet: Nasjonalt pasientforløp psykoselidelser, forløpstider',
  d11: 'Helsedirektoratet: Nasjonalt pasientforløp psykiske lidelser – voksne (forløpstid ikke bekreftet)',
  d12: 'Helsedirektoratet: Nasjonalt pasientforløp psykiske lidelser – barn og unge (forløpstid ikke bekreftet)',
  codeGuide: 'Helsedirektoratet: Kodeveileder nasjonale pasientforløp psykisk helse og rus',
} as const;

type TimeSpec = Omit<PathwayTime, 'id' | 'pathwayType' | 'setting' | 'days' | 'unit'> & {
  /** [outpatient, inpatient] in calendar days. */
  days: readonly [number, number];
  unit?: TimeUnit;
};

function buildTimes(versionId: string, pathwayType: PathwayTypeId, specs: readonly TimeSpec[]): PathwayTime[] {
  return specs.flatMap((spec) =>
    SETTING_IDS.map((setting, i): PathwayTime => {
      const { days, unit, variant, ...rest } = spec;
      const id = `${versionId}/${setting}/${spec.fromEvent}-${spec.toEvent}${variant ? `/${variant}` : ''}`;
      return { ...rest, id, pathwayType, setting, days: days[i] ?? days[0], unit: unit ?? 'calendar', ...(variant ? { variant } : {}) };
    }),
  );
}

const C = 'confirmed' as const;
const TSB_EVAL_NOTE = 'Hver 8. uke poliklinisk / 6. uke i døgn det første året etter klinisk beslutning; deretter ingen fast intervall';
const TSB_2024_NOTE = '2019-forløpstidene brukt; ikke kontrollert mot den reviderte teksten (2023–2024)';
export const SWITCH_DATE_NOTE = 'Datoen for overgangen til ny startregel (fra vurdert henvisning) har ingen kilde. Kontroller og endre ved behov.';
const U = 'unconfirmed' as const;

// Times per pathway, DOMAIN.md §3. Cells marked [U] without a number (psychosis after first attendance,
// D11/D12 after the clinical decision, the ADHD and TSB overdose chapters) have no value to store and are
// left out: the clock then shows no pathway time for them rather than an invented one.
const TIME_SPECS: Record<PathwayTypeId, readonly TimeSpec[]> = {
  tsb: [
    // Referral → first attendance: legal deadline only (the individual care deadline).
    { fromEvent: 'first_attendance', toEvent: 'clinical_decision', days: [21, 7], confidence: C, source: SRC.tsb, note: null },
    { fromEvent: 'clinical_decision', toEvent: 'evaluation', days: [7, 7], confidence: C, source: SRC.tsb, note: null },
    // Every 8 / 6 weeks in the first year after the clinical decision only; then no automatic interval.
    { fromEvent: 'evaluation', toEvent: 'evaluation', days: [56, 42], confidence: C, source: SRC.tsb, note: TSB_EVAL_NOTE, repeatWithinDays: 365 },
    { fromEvent: 'detox_end', toEvent: 'follow_on_treatment', days: [3, 0], confidence: C, source: SRC.tsb, note: null },
  ],
  // Eating disorders: the severity decides the first-attendance time. Both variants are stored; the clock
  // uses the one matching the recorded severity and, when none is recorded, the stricter (severe, 7 days),
  // so an unclassified referral is never given the lenient time by default.
  eating_disorder_child: [
    { fromEvent: 'start', toEvent: 'first_attendance', days: [7, 7], variant: 'severe', confidence: C, source: SRC.ed, note: 'Alvorlig tilstand' },
    {
      fromEvent: 'start',
      toEvent: 'first_attendance',
      days: [28, 28],
      variant: 'less_severe',
      confidence: C,
      source: SRC.ed,
      note: 'Mindre alvorlig tilstand',
    },
    { fromEvent: 'first_attendance', toEvent: 'clinical_decision', days: [42, 14], confidence: C, source: SRC.ed, note: null },
    { fromEvent: 'clinical_decision', toEvent: 'evaluation', days: [28, 14], confidence: C, source: SRC.ed, note: null },
    { fromEvent: 'evaluation', toEvent: 'evaluation', days: [42, 14], confidence: C, source: SRC.ed, note: null },
  ],
  ocd: [
    { fromEvent: 'start', toEvent: 'first_attendance', days: [42, 42], confidence: C, source: SRC.ocd, note: 'Fra henvisningen er mottatt av OCD-teamet' },
    { fromEvent: 'first_attendance', toEvent: 'clinical_decision', days: [56, 56], confidence: C, source: SRC.ocd, note: null },
  ],
  pregnant_substance: [
    // Inpatient is given as "3–7 days": the deadline is the outer limit (7); the note keeps the range visible.
    { fromEvent: 'first_attendance', toEvent: 'clinical_decision', days: [7, 7], confidence: C, source: SRC.preg, note: 'Døgn: 3–7 dager' },
    { fromEvent: 'clinical_decision', toEvent: 'evaluation', days: [14, 7], confidence: C, source: SRC.preg, note: null },
    { fromEvent: 'evaluation', toEvent: 'evaluation', days: [42, 42], confidence: C, source: SRC.preg, note: null },
  ],
  psychosis: [{ fromEvent: 'start', toEvent: 'first_attendance', days: [7, 7], confidence: C, source: SRC.psy, note: '«Helst innen 7 dager»' }],
  adult_mental: [{ fromEvent: 'first_attendance', toEvent: 'clinical_decision', days: [42, 42], confidence: U, source: SRC.d11, note: '«Omtrent 42 dager»' }],
  child_mental: [{ fromEvent: 'first_attendance', toEvent: 'clinical_decision', days: [42, 42], confidence: U, source: SRC.d12, note: '«Vanligvis 6 uker»' }],
};

/**
 * D11/D12: the 2019 texts are not verified here; their times reuse today's table, downgraded to
 * 'unconfirmed'. TSB is the other way round (issue #13): the table's TSB times ARE the 2019 pathway's
 * published times, so the 2019 TSB version is confirmed and the 2024 one is not (see as2024).
 */
function as2019(times: PathwayTime[], pathwayType: PathwayTypeId): PathwayTime[] {
  if (pathwayType === 'tsb') {
    return times.map((t) => ({
      ...t,
      confidence: C,
      source: SRC.tsb2019,
      note: t.fromEvent === 'evaluation' && t.toEvent === 'evaluation' ? TSB_EVAL_NOTE : null,
    }));
  }
  return times.map((t) => ({
    ...t,
    confidence: U,
    note: [t.note, 'Dagens forløpstid brukt for 2019-versjonen; ikke kontrollert mot 2019-teksten'].filter(Boolean).join('. '),
  }));
}

function as2024(times: PathwayTime[], pathwayType: PathwayTypeId): PathwayTime[] {
  return pathwayType === 'tsb' ? times.map((t) => ({ ...t, confidence: U, note: TSB_2024_NOTE })) : times;
}

function nationalVersions(pathwayType: PathwayTypeId): RuleVersion[] {
  const code = PATHWAY_TYPES.find((p) => p.id === pathwayType)?.code ?? null;
  if (code === null) {
    // Pathways without their own code keep the 2019 rule: the clock runs from the referral received.
    const id = `national-2019-${pathwayType}`;
    return [
      {
        id,
        pathwayType,
        validFrom: '2019-01-01',
        clockStart: 'referral_received',
        origin: 'national',
        source: SRC.codeGuide,
        times: buildTimes(id, pathwayType, TIME_SPECS[pathwayType]),
      },
    ];
  }
  // D01/D11/D12: the 2019 pathways started on the referral received; the current code guide starts on the
  // completed referral assessment (right to necessary care granted).
  const id2019 = `national-2019-${pathwayType}`;
  const id2024 = `national-2024-${pathwayType}`;
  return [
    {
      id: id2019,
      pathwayType,
      validFrom: '2019-01-01',
      clockStart: 'referral_received',
      origin: 'national',
      source: pathwayType === 'tsb' ? SRC.tsb2019 : `${SRC.codeGuide} (2019)`,
      times: as2019(buildTimes(id2019, pathwayType, TIME_SPECS[pathwayType]), pathwayType),
    },
    // The switch date has no source (issue #13): unconfirmed, editable as data.
    {
      id: id2024,
      pathwayType,
      validFrom: '2024-01-01',
      clockStart: 'referral_assessed',
      origin: 'national',
      source: SRC.codeGuide,
      validFromConfidence: U,
      validFromNote: SWITCH_DATE_NOTE,
      times: as2024(buildTimes(id2024, pathwayType, TIME_SPECS[pathwayType]), pathwayType),
    },
  ];
}

export const NATIONAL_RULE_PACK: RulePack = {
  pathways: PATHWAY_TYPES.map((p) => ({
    pathwayType: p.id,
    code: p.code,
    events: p.id === 'tsb' ? [...BASE_EVENTS, ...TSB_EVENTS] : [...BASE_EVENTS],
    outcomes: [...DECISION_OUTCOMES],
  })),
  versions: PATHWAY_TYPES.flatMap((p) => nationalVersions(p.id)),
};

export function pathwayDefinition(pathwayType: PathwayTypeId, pack: RulePack = NATIONAL_RULE_PACK): PathwayDefinition | null {
  return pack.pathways.find((p) => p.pathwayType === pathwayType) ?? null;
}

export function eventLabel(type: EventType): string {
  return [...BASE_EVENTS, ...TSB_EVENTS].find((e) => e.type === type)?.label ?? type;
}

export function outcomeDefinition(code: DecisionOutcome): OutcomeDefinition | null {
  return DECISION_OUTCOMES.find((o) => o.code === code) ?? null;
}

/**
 * The version in force on `date` (use the referral-received date: it is known before the version decides
 * whether the clock runs from receipt or assessment). A local version wins over national ones from its
 * validFrom until its validTo; among versions of the same origin the latest validFrom wins.
 */
export function ruleVersionFor(versions: readonly RuleVersion[], pathwayType: PathwayTypeId, date: IsoDate): RuleVersion | null {
  const inForce = versions.filter((v) => v.pathwayType === pathwayType && v.validFrom <= date && (v.validTo == null || date <= v.validTo));
  const latest = (origin: RuleVersion['origin']): RuleVersion | null =>
    inForce.filter((v) => v.origin === origin).reduce<RuleVersion | null>((best, v) => (best === null || v.validFrom > best.validFrom ? v : best), null);
  return latest('local') ?? latest('national');
}

/**
 * The times that apply to one setting. Where a time exists in severity variants, the one matching
 * `severity` is used; without a severity the stricter (fewest days) is used.
 */
export function timesFor(version: RuleVersion, setting: SettingId, severity?: Severity | null): PathwayTime[] {
  const groups = new Map<string, PathwayTime[]>();
  for (const t of version.times) {
    if (t.setting !== setting) continue;
    const key = `${t.fromEvent}>${t.toEvent}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.values()].map((group) => {
    const matching = group.find((t) => severity != null && t.variant === severity);
    return matching ?? group.reduce((a, b) => (b.days < a.days ? b : a));
  });
}

export interface EventCode {
  code: string;
  confidence: Confidence;
}

/**
 * The procedure code for systems without a pathway module: pathway code + event letter, or pathway code +
 * outcome for a clinical decision (D11 + CP = `D11CP`). null for pathways without a code, events without a
 * code, and a clinical decision without an outcome.
 */
export function eventCodeDetails(pathwayType: PathwayTypeId, eventType: EventType, outcome?: DecisionOutcome | null): EventCode | null {
  const pathway = pathwayDefinition(pathwayType);
  if (!pathway || pathway.code === null) return null;
  const def = pathway.events.find((e) => e.type === eventType);
  if (!def || def.codeSuffix === null) return null;
  if (eventType === 'clinical_decision') {
    return outcome ? { code: `${pathway.code}${outcome}`, confidence: def.codeConfidence } : null;
  }
  return { code: `${pathway.code}${def.codeSuffix}`, confidence: def.codeConfidence };
}

export function eventCode(pathwayType: PathwayTypeId, eventType: EventType, outcome?: DecisionOutcome | null): string | null {
  return eventCodeDetails(pathwayType, eventType, outcome)?.code ?? null;
}
