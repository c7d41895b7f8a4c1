import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { CalendarOptions } from '../../../shared/domain/calendar';
import { todayInOslo } from '../../../shared/domain/time';
import { deriveClock, type ClockDerivation } from '../../../shared/domain/pathway-clock';
import type { PathwayEvent, PathwayFacts } from '../../../shared/domain/pathway-facts';
import type { PathwayTypeId, SettingId } from '../../../shared/domain/pathway-types';
import { ruleVersionFor, type DecisionOutcome, type EventType, type PathwayTime, type RuleVersion, type Severity } from '../../../shared/domain/rule-pack';
import type { Database, PathwayTable, RuleTimeTable, RuleVersionTable } from '../db/schema';
import { readSetting } from '../settings';
import { columnExists } from '../db/dialect';
import { compiledQueries } from '../db/compiled-queries';
import { fixed } from '../db/replan';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * A recompute of one pathway (every event write) reads its row, its events and its rule version: those three
 * statements are built and compiled once per store (compiled-queries.ts), from the same builders the general
 * case runs.
 */
const oneQueries = compiledQueries();

/** app_setting key: '1' when Saturdays count as working days (DOMAIN.md §5; default Monday–Friday). */
export const COUNT_SATURDAYS_KEY = 'clock.countSaturdays' as const;

export async function calendarOptions(db: Db): Promise<CalendarOptions> {
  return { countSaturdays: (await readSetting(db, COUNT_SATURDAYS_KEY)) ?? false };
}

export function toRuleTime(row: Selectable<RuleTimeTable>, pathwayType: string): PathwayTime {
  return {
    id: row.id,
    pathwayType: pathwayType as PathwayTypeId,
    setting: row.setting as SettingId,
    fromEvent: row.from_event as EventType,
    toEvent: row.to_event as EventType,
    days: row.days,
    unit: row.unit,
    confidence: row.confidence,
    source: row.source,
    note: row.note,
    ...(row.variant ? { variant: row.variant as Severity } : {}),
    repeatWithinDays: row.repeat_within_days ?? null,
  };
}

/** One time of a rule version as a rule_time row (toRuleTime's inverse): its id names the version, setting, events and variant. */
export function ruleTimeRow(
  versionId: string,
  t: {
    setting: string;
    fromEvent: string;
    toEvent: string;
    days: number;
    unit: 'calendar' | 'working';
    note: string | null;
    variant?: string | null;
    repeatWithinDays?: number | null;
  },
  confidence: RuleTimeTable['confidence'],
  source: string,
) {
  return {
    id: `${versionId}/${t.setting}/${t.fromEvent}-${t.toEvent}${t.variant ? `/${t.variant}` : ''}`,
    rule_version_id: versionId,
    setting: t.setting,
    from_event: t.fromEvent,
    to_event: t.toEvent,
    days: t.days,
    unit: t.unit,
    confidence,
    source,
    note: t.note,
    variant: t.variant,
    repeat_within_days: t.repeatWithinDays,
  };
}

export function toRuleVersion(row: Selectable<RuleVersionTable>, times: Selectable<RuleTimeTable>[]): RuleVersion {
  return {
    id: row.id,
    pathwayType: row.pathway_type as PathwayTypeId,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    clockStart: row.clock_start,
    origin: row.origin,
    source: row.source,
    validFromConfidence: row.valid_from_confidence ?? 'confirmed',
    validFromNote: row.valid_from_note ?? null,
    times: times.map((t) => toRuleTime(t, row.pathway_type)),
  };
}

/** Every rule version from the database (withdrawn ones only on request: running pathways may still name them). */
export async function loadRuleVersions(db: Db, opts: { includeWithdrawn?: boolean } = {}): Promise<RuleVersion[]> {
  const sets = await loadRuleVersionSets(db);
  return opts.includeWithdrawn ? sets.all : sets.assignable;
}

/**
 * Every rule version (withdrawn ones too) and those a new pathway can be given (not withdrawn), from one read
 * of each table: a recompute needs both, on every event write.
 */
export async function loadRuleVersionSets(db: Db): Promise<{ all: RuleVersion[]; assignable: RuleVersion[] }> {
  const versions = await db.selectFrom('rule_version').selectAll().orderBy('pathway_type').orderBy('valid_from').execute();
  const times = await db.selectFrom('rule_time').selectAll().orderBy('id').execute();
  const all = withTimes(versions, times);
  return { all, assignable: all.filter((_, i) => (versions[i]!.withdrawn_at ?? null) === null) };
}

function withTimes(versions: Selectable<RuleVersionTable>[], times: Selectable<RuleTimeTable>[]): RuleVersion[] {
  const byVersion = new Map<string, Selectable<RuleTimeTable>[]>();
  for (const t of times) byVersion.set(t.rule_version_id, [...(byVersion.get(t.rule_version_id) ?? []), t]);
  return versions.map((v) => toRuleVersion(v, byVersion.get(v.id) ?? []));
}

/**
 * The named rule versions (withdrawn ones too), by id; a name with no version is absent. An event write
 * recomputes one pathway, which needs only its own version: reading every version and time (and mapping them)
 * was a fifth of the write's statement time.
 */
async function ruleVersionsById(db: Db, ids: readonly string[]): Promise<Map<string, RuleVersion>> {
  if (ids.length === 0) return new Map();
  const versionsQuery = (named: readonly string[]) => db.selectFrom('rule_version').selectAll().where('id', 'in', named);
  const timesQuery = (named: readonly string[]) => db.selectFrom('rule_time').selectAll().where('rule_version_id', 'in', named).orderBy('id');
  const one = ids.length === 1 ? { id: ids[0] } : null;
  const versions = one ? await oneQueries.rows(db, 'ruleVersion.one', one, (v) => versionsQuery([v.id as string])) : await versionsQuery(ids).execute();
  if (versions.length === 0) return new Map();
  const times = one ? await oneQueries.rows(db, 'ruleTimes.one', one, (v) => timesQuery([v.id as string])) : await timesQuery(ids).execute();
  return new Map(withTimes(versions, times).map((v) => [v.id, v]));
}

/**
 * Whether the pathway table has the decision columns (migration 0102). Remembered per database once true
 * (columns are never dropped): only migration 0011, which runs before 0102, ever sees false.
 */
const hasDecisionColumns = new WeakSet<object>();
async function decisionColumns(db: Db): Promise<boolean> {
  const adapter = db.getExecutor().adapter;
  if (hasDecisionColumns.has(adapter)) return true;
  const present = await columnExists(db, 'pathway', 'decision_due');
  if (present) hasDecisionColumns.add(adapter);
  return present;
}

type ClockPathwayRow = Pick<
  Selectable<PathwayTable>,
  'id' | 'pathway_type' | 'setting' | 'referral_received' | 'referral_assessed' | 'care_deadline' | 'severity' | 'rule_version_id' | 'status'
> &
  Partial<Pick<Selectable<PathwayTable>, 'rights_decision' | 'intake'>> & { birth_date: string | null };

export interface EventRow {
  type: string;
  date: string;
  outcome: string | null;
  until: string | null;
}

export function toPathwayEvent(e: EventRow): PathwayEvent {
  return { type: e.type as EventType, date: e.date, outcome: (e.outcome as DecisionOutcome | null) ?? null, until: e.until };
}

export function factsFor(
  row: ClockPathwayRow,
  events: readonly EventRow[],
  version: RuleVersion | null,
  calendar: CalendarOptions,
  today: string,
): PathwayFacts {
  return {
    pathwayType: row.pathway_type as PathwayTypeId,
    setting: row.setting as SettingId,
    referralReceived: row.referral_received,
    referralAssessed: row.referral_assessed,
    careDeadline: row.care_deadline,
    severity: (row.severity as Severity | null) ?? null,
    patientBirthDate: row.birth_date,
    rightsDecision: row.rights_decision ?? null,
    intake: row.intake ?? 'referral',
    events: events.map(toPathwayEvent),
    ruleVersion: version,
    calendarOptions: calendar,
    today,
  };
}

/** The stored columns for one derivation (snake_case, as the row). */
export function clockColumns(d: ClockDerivation['derived']) {
  return {
    due_sort: d.dueSort,
    next_due_date: d.nextDueDate,
    next_action_key: d.nextActionKey,
    next_action_label: d.nextActionLabel,
    next_action_kind: d.nextActionKind,
    dq_flags: d.dataQualityFlags,
    open_postponed: d.openPostponed ? 1 : 0,
    assessment_due: d.assessmentDue,
    care_start_due: d.careStartDue,
    first_attendance_on: d.firstAttendanceOn,
    first_eval_due: d.firstEvaluationDue,
    first_eval_on: d.firstEvaluationOn,
    decision_due: d.decisionDue,
    decision_on: d.decisionOn,
  };
}

function withoutDecision<T extends { decision_due: unknown; decision_on: unknown }>(cols: T, keep: boolean): Partial<T> {
  if (keep) return cols;
  const { decision_due: _due, decision_on: _on, ...rest } = cols;
  return rest as Partial<T>;
}

/**
 * The columns whose value differs from the stored row, or null when none does. A recompute writes only these:
 * SQLite rewrites every index holding a column named in an UPDATE's SET even when its value is the same (five
 * worklist indexes hold due_sort), so setting unchanged columns cost five B-tree pages per event write in the
 * WAL. A value that compares unequal only by type (a driver's representation) is written, never skipped.
 */
function changedColumns<T extends Record<string, unknown>>(row: Record<string, unknown>, next: T): Partial<T> | null {
  const out: Partial<T> = {};
  let any = false;
  for (const k of Object.keys(next) as (keyof T & string)[]) {
    const v = next[k];
    // undefined: the builder leaves such a column out of the SET as well.
    if (v !== undefined && (!(k in row) || row[k] !== v)) {
      out[k] = v;
      any = true;
    }
  }
  return any ? out : null;
}

/** What the clock needs about one pathway, read inside the caller's transaction. */
export async function loadClock(
  db: Db,
  pathwayId: number,
  now: Date,
): Promise<{ row: ClockPathwayRow & Selectable<PathwayTable>; facts: PathwayFacts; derivation: ClockDerivation; version: RuleVersion | null } | null> {
  const row = await db
    .selectFrom('pathway')
    .innerJoin('patient', 'patient.id', 'pathway.patient_id')
    .selectAll('pathway')
    .select('patient.birth_date')
    .where('pathway.id', '=', pathwayId)
    .executeTakeFirst();
  if (!row) return null;
  const events = await db
    .selectFrom('pathway_event')
    .select(['type', 'date', 'outcome', 'until'])
    .where('pathway_id', '=', pathwayId)
    .where('status', '=', fixed('active'))
    .orderBy('date')
    .orderBy('id')
    .execute();
  const versions = await loadRuleVersions(db, { includeWithdrawn: true });
  const version = versions.find((v) => v.id === row.rule_version_id) ?? null;
  const facts = factsFor(row, events, version, await calendarOptions(db), todayInOslo(now));
  return { row, facts, derivation: deriveClock(facts), version };
}

/**
 * One pathway's active events in the order the recompute reads them (date, then id), when the caller has them
 * already: an event write read them to validate the new event and knows where the new one goes, so reading
 * them again in the same transaction would only repeat that read.
 */
export interface ActiveEvents {
  pathwayId: number;
  events: readonly EventRow[];
}

/** The active events of these pathways (date, then id), by pathway: read, unless the caller knows them already. */
async function activeEventsOf(db: Db, pathwayIds: number[], known: ActiveEvents | undefined): Promise<Map<number, EventRow[]>> {
  if (known && pathwayIds.length === 1 && pathwayIds[0] === known.pathwayId) return new Map([[known.pathwayId, [...known.events]]]);
  const query = (ids: readonly number[]) =>
    db
      .selectFrom('pathway_event')
      .select(['pathway_id', 'type', 'date', 'outcome', 'until'])
      .where('pathway_id', 'in', ids)
      .where('status', '=', fixed('active'))
      .orderBy('pathway_id')
      .orderBy('date')
      .orderBy('id');
  const events =
    pathwayIds.length === 1
      ? await oneQueries.rows(db, 'events.one', { id: pathwayIds[0] }, (v) => query([v.id as number]))
      : await query(pathwayIds).execute();
  const eventsOf = new Map<number, EventRow[]>();
  for (const e of events) eventsOf.set(e.pathway_id, [...(eventsOf.get(e.pathway_id) ?? []), e]);
  return eventsOf;
}

/** Up to this many pathways, a recompute reads only the rule versions they name (see ruleVersionsById). */
const FEW = 20;

/**
 * Recomputes the stored clock of the given pathways (or all) inside the caller's transaction: assigns the rule
 * version in force when the pathway started if it has none (running pathways keep theirs), then writes the
 * derived columns. Call after every write that changes a pathway's facts.
 */
export async function recomputePathwayClocks(
  db: Db,
  which: { pathwayIds: number[]; activeEvents?: ActiveEvents } | { all: true } | { openOnly: true },
  now: Date,
): Promise<number> {
  const ids = 'pathwayIds' in which ? which.pathwayIds : null;
  if (ids !== null && ids.length === 0) return 0;
  // Every version up front for a recompute of many pathways; for a few (an event write: one), only the versions
  // their rows name, and every version only when a row needs one assigned (none yet, or one that is gone).
  let sets = ids === null || ids.length > FEW ? await loadRuleVersionSets(db) : null;
  let allById = sets ? new Map(sets.all.map((v) => [v.id, v])) : null;
  const calendar = await calendarOptions(db);
  const today = todayInOslo(now);

  // This also runs inside migration 0011, before 0102 adds the decision columns: write them only when present.
  const hasDecision = await decisionColumns(db);
  const CHUNK = 500;
  let done = 0;
  // Page through the pathways by id so memory stays flat on large databases.
  const page = (afterId: number, pageIds: readonly number[] | null) => {
    let q = db
      .selectFrom('pathway')
      .leftJoin('patient', 'patient.id', 'pathway.patient_id')
      // selectAll: this also runs inside migration 0011, before later migrations add columns (rights, intake).
      .selectAll('pathway')
      .select('patient.birth_date')
      .orderBy('pathway.id')
      // A literal, not a bound parameter: SQLite re-prepares a statement whose LIMIT is rebound (about 0.1 ms
      // here, more than the read), and this runs on every event write.
      .limit(sql.lit(CHUNK));
    // No lower bound on the first page: a bound `id > ?` (like a bound LIMIT) makes this SQLite build (STAT4)
    // re-prepare the statement on every run — 0.09 ms of 0.1 for the one page an event write reads.
    if (afterId > 0) q = q.where('pathway.id', '>', afterId);
    if (pageIds !== null) q = q.where('pathway.id', 'in', pageIds);
    if ('openOnly' in which) q = q.where('pathway.status', '=', fixed('open'));
    return q;
  };
  for (let afterId = 0; ; ) {
    const rows =
      ids?.length === 1 && afterId === 0
        ? await oneQueries.rows(db, 'pathway.one', { id: ids[0] }, (v) => page(0, [v.id as number]))
        : await page(afterId, ids).execute();
    if (rows.length === 0) break;
    afterId = rows[rows.length - 1]!.id;
    const eventsOf = await activeEventsOf(
      db,
      rows.map((r) => r.id),
      'activeEvents' in which ? which.activeEvents : undefined,
    );
    let byId = allById ?? (await ruleVersionsById(db, [...new Set(rows.flatMap((r) => (r.rule_version_id === null ? [] : [r.rule_version_id])))]));
    if (!sets && rows.some((r) => r.rule_version_id === null || !byId.has(r.rule_version_id))) {
      sets = await loadRuleVersionSets(db);
      byId = allById = new Map(sets.all.map((v) => [v.id, v]));
    }
    // Without the sets, every row named a version that exists: none is assigned one.
    const assignable = sets?.assignable ?? [];
    for (const row of rows) {
      let versionId = row.rule_version_id;
      if (versionId === null || !byId.has(versionId)) {
        versionId = ruleVersionFor(assignable, row.pathway_type as PathwayTypeId, row.referral_received)?.id ?? null;
      }
      const facts = factsFor(row, eventsOf.get(row.id) ?? [], versionId ? (byId.get(versionId) ?? null) : null, calendar, today);
      const { derived } = deriveClock(facts);
      // No right / not a pathway case: the referral left the worklist on its assessment date.
      const noPathway = row.rights_decision === 'no_right' || row.rights_decision === 'not_pathway';
      const closed = noPathway
        ? row.referral_assessed
        : ((eventsOf.get(row.id) ?? [])
            .filter((e) => e.type === 'end' || e.type === 'own_clinician')
            .map((e) => e.date)
            .sort()[0] ?? null);
      const changed = changedColumns(row, { rule_version_id: versionId, ...withoutDecision(clockColumns(derived), hasDecision), closed_on: closed });
      if (changed) await db.updateTable('pathway').set(changed).where('id', '=', row.id).execute();
      done++;
    }
    if (rows.length < CHUNK) break;
  }
  return done;
}
