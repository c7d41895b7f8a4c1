import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { worklistQuerySchema, WorklistCounts, WorklistGroup, WorklistRow } from '../../../shared/contract/worklist';
import { maskNationalId } from '../../../shared/domain/national-id';
import { prefixUpperBound } from '../../../shared/domain/search-words';
import { searchTerms } from '../../../shared/domain/search-match';
import { todayInOslo } from '../../../shared/domain/time';
import { DUE_SOON_DAYS, soonUntil } from '../../../shared/domain/due';
import { NO_DUE_SORT, storedDueState } from '../../../shared/domain/pathway-clock';
import type { PathwayTypeId, SettingId } from '../../../shared/domain/pathway-types';
import { auditRead } from '../audit-read';
import { countIf, isPostgres } from '../db/dialect';
import { compiledQueries } from '../db/compiled-queries';
import type { Database } from '../db/schema';
import type { ServiceContext } from './context';
import { careDeadlineFlagsOf } from './breach.service';

type WorklistQuery = z.output<typeof worklistQuerySchema>;

/** How a national id is keyed in open_search_word (migration 0200): no typed name word starts with char(1). */
const NATIONAL_ID_KEY = '\u0001';

/** What changes the worklist's SQL text: which filters are there, how many search words (each one subquery). */
interface ListShape {
  pathwayType: boolean;
  setting: boolean;
  mine: boolean;
  words: number;
  /** How many pathway ids the list is limited to (a power of two, padded; 0: no limit). */
  ids: number;
  group: WorklistGroup | null;
}

/** What only changes its parameters: w0/u0… are each search word's index range. */
interface ListValues {
  today: string;
  soon: string;
  pathwayType?: string;
  setting?: string;
  osUser?: string;
  [word: `${'w' | 'u'}${number}`]: string;
  [id: `i${number}`]: number;
}

interface PageValues extends ListValues {
  limit: number;
  offset: number;
}

const queries = compiledQueries();

/**
 * The worklist reads only stored columns: the pathway's derived clock (due_sort, next action, data-quality
 * count — kept on every write, see pathway-clock.ts) and the patient's flag columns. The page is one query
 * on the partial index pathway_worklist (due_sort, id) where status = 'open' (pathway_worklist_type /
 * _setting with a filter). The unfiltered group counts sum open_due_count (per due date, kept by triggers,
 * migration 0450): a few hundred rows, not every open pathway. With a filter they are range counts on the
 * same index — four COUNTs over due_sort ranges, no expression per open pathway. A search reads open_search_word: the words of patients with an
 * open pathway only (migration 0200), so its cost follows the open caseload, not years of closed history.
 * Only the state (overdue / soon / on time / none) is computed here, from the stored date and today.
 */
export function createWorklistService(ctx: ServiceContext) {
  /**
   * Open pathways matching the filters, on the pathway table alone: the counts never touch patient rows.
   * A search is index ranges on open_search_word: a national-id prefix (char(1) || digits), or each typed
   * word as the beginning of a word of the name — never a scan of every open pathway's patient.
   * Built from the query's shape and named values (compiled once per shape, see compiled-queries.ts).
   */
  function baseQuery(s: ListShape, v: ListValues) {
    let query = ctx.db.selectFrom('pathway').where('pathway.status', '=', 'open');
    if (s.pathwayType) query = query.where('pathway.pathway_type', '=', v.pathwayType!);
    if (s.setting) query = query.where('pathway.setting', '=', v.setting!);
    // Mine: on the team store the pathways whose responsible is this login, and those nobody is named for yet
    // ('': seeded, or moved from a local store), so none falls between two chairs; on the local store everything
    // is the one person's (no filter: its worklist keeps its index plans).
    if (s.mine) query = query.where('pathway.responsible', 'in', [v.osUser!, '']);
    if (s.ids > 0)
      query = query.where(
        'pathway.id',
        'in',
        Array.from({ length: s.ids }, (_, k) => v[`i${k}`]!),
      );
    for (let i = 0; i < s.words; i++) {
      query = query.where('pathway.patient_id', 'in', (eb) =>
        eb.selectFrom('open_search_word').select('open_search_word.patient_id').where('word', '>=', v[`w${i}`]!).where('word', '<', v[`u${i}`]!),
      );
    }
    return query;
  }

  /**
   * Per-group counts: the whole caseload from open_due_count (one row per open due date); with a filter, four
   * range counts on the due-date index; with a search, one pass over the hits.
   */
  function countsQuery(s: ListShape, v: ListValues) {
    const { today, soon } = v;
    if (s.words > 0) {
      return baseQuery(s, v).select([
        countIf(sql`pathway.due_sort < ${today}`).as('overdue'),
        countIf(sql`pathway.due_sort >= ${today} and pathway.due_sort <= ${soon}`).as('soon'),
        countIf(sql`pathway.due_sort > ${soon} and pathway.due_sort < ${NO_DUE_SORT}`).as('later'),
        countIf(sql`pathway.due_sort = ${NO_DUE_SORT}`).as('none'),
      ]);
    }
    if (!s.pathwayType && !s.setting && !s.mine && s.ids === 0) {
      // The whole open caseload: one scan of open_due_count (a row per open due date, kept by triggers).
      const sumIf = (cond: ReturnType<typeof sql>) => sql<number>`coalesce(sum(case when ${cond} then open_due_count.n end), 0)`;
      return ctx.db
        .selectFrom('open_due_count')
        .select([
          sumIf(sql`open_due_count.due_sort < ${today}`).as('overdue'),
          sumIf(sql`open_due_count.due_sort >= ${today} and open_due_count.due_sort <= ${soon}`).as('soon'),
          sumIf(sql`open_due_count.due_sort > ${soon} and open_due_count.due_sort < ${NO_DUE_SORT}`).as('later'),
          sumIf(sql`open_due_count.due_sort = ${NO_DUE_SORT}`).as('none'),
        ]);
    }
    const n = sql<number>`count(*)`.as('n');
    return ctx.db.selectNoFrom([
      baseQuery(s, v).where('pathway.due_sort', '<', today).select(n).as('overdue'),
      baseQuery(s, v).where('pathway.due_sort', '>=', today).where('pathway.due_sort', '<=', soon).select(n).as('soon'),
      baseQuery(s, v).where('pathway.due_sort', '>', soon).where('pathway.due_sort', '<', NO_DUE_SORT).select(n).as('later'),
      baseQuery(s, v).where('pathway.due_sort', '=', NO_DUE_SORT).select(n).as('none'),
    ]);
  }

  /**
   * The page: a one-letter search matches a thousand open patients, so with a search the page's ids are picked
   * on the pathway table first and patient and breach rows joined for those only. Without a search the index
   * order already stops at the page.
   */
  function pageQuery(s: ListShape, v: PageValues) {
    let filtered = baseQuery(s, v);
    if (s.group === 'overdue') filtered = filtered.where('pathway.due_sort', '<', v.today);
    else if (s.group === 'soon') filtered = filtered.where('pathway.due_sort', '>=', v.today).where('pathway.due_sort', '<=', v.soon);
    else if (s.group === 'later') filtered = filtered.where('pathway.due_sort', '>', v.soon).where('pathway.due_sort', '<', NO_DUE_SORT);
    else if (s.group === 'none') filtered = filtered.where('pathway.due_sort', '=', NO_DUE_SORT);
    const searching = s.words > 0;
    const pageOf = searching
      ? ctx.db
          .selectFrom('pathway')
          .where(
            'pathway.id',
            'in',
            filtered.select('pathway.id').orderBy('pathway.due_sort', 'asc').orderBy('pathway.id', 'asc').limit(v.limit).offset(v.offset),
          )
      : filtered;
    const page = withRow(pageOf).orderBy('pathway.due_sort', 'asc').orderBy('pathway.id', 'asc').limit(v.limit);
    return searching ? page.offset(0) : page.offset(v.offset);
  }

  type PageRow = Awaited<ReturnType<ReturnType<typeof pageQuery>['execute']>>[number];

  /** A page row: the pathway with its patient, its breach reason for the current step, its latest postponement. */
  function withRow(pathways: ReturnType<typeof baseQuery>) {
    return pathways
      .innerJoin('patient', 'patient.id', 'pathway.patient_id')
      .leftJoin('pathway_breach', (join) =>
        join.onRef('pathway_breach.pathway_id', '=', 'pathway.id').onRef('pathway_breach.deadline_key', '=', 'pathway.next_action_key'),
      )
      .select([
        'pathway.id as pathway_id',
        'patient.id as patient_id',
        'patient.name',
        'patient.national_id',
        'patient.synthetic',
        'patient.open_no_shows',
        'patient.next_meeting_date',
        'patient.plan_attention_date',
        'pathway.pathway_type',
        'pathway.setting',
        'pathway.referral_received',
        'pathway.next_action_key',
        'pathway.next_action_label',
        'pathway.next_due_date',
        'pathway.dq_flags',
        'pathway.responsible',
        'pathway.care_deadline',
        'pathway.first_attendance_on',
        'pathway_breach.id as breach_id',
        (eb) =>
          eb
            .selectFrom('pathway_event')
            .select((e) => e.fn.max('pathway_event.date').as('d'))
            .whereRef('pathway_event.pathway_id', '=', 'pathway.id')
            .where('pathway_event.type', '=', 'patient_postponed')
            .where('pathway_event.status', '=', 'active')
            .as('postponed_from'),
      ]);
  }

  /** Where the page of a group is cut from: its due_sort range (no group: all open pathways). */
  function inGroup<Q extends { where: (...a: never[]) => unknown }>(group: WorklistGroup | null, column: string, v: ListValues, q: Q): Q {
    const w = q as unknown as { where: (c: string, op: string, x: string) => typeof w };
    if (group === 'overdue') return w.where(column, '<', v.today) as unknown as Q;
    if (group === 'soon') return w.where(column, '>=', v.today).where(column, '<=', v.soon) as unknown as Q;
    if (group === 'later') return w.where(column, '>', v.soon).where(column, '<', NO_DUE_SORT) as unknown as Q;
    if (group === 'none') return w.where(column, '=', NO_DUE_SORT) as unknown as Q;
    return q;
  }

  /**
   * A search in one statement: the hits (the matching patients' open pathways, from open_search_word and the
   * partial index pathway_open_patient_due) are found once, as a CTE used twice — the four group counts over
   * them and the page's ids cut from them — and the page's rows joined for those ids only. Counts come on
   * every row; with an empty page one row carries the counts and no pathway (a left join).
   */
  function searchQuery(s: ListShape, v: PageValues) {
    const { today, soon } = v;
    const db = ctx.db as unknown as Kysely<
      Database & { hits: { id: number; due_sort: string }; counts: Record<'overdue' | 'soon' | 'later' | 'none', number> }
    >;
    return db
      .with(
        (cte) => cte('hits').materialized(),
        () => baseQuery(s, v).select(['pathway.id', 'pathway.due_sort']) as never,
      )
      .with('counts', (w) =>
        w
          .selectFrom('hits')
          .select([
            countIf(sql`hits.due_sort < ${today}`).as('overdue'),
            countIf(sql`hits.due_sort >= ${today} and hits.due_sort <= ${soon}`).as('soon'),
            countIf(sql`hits.due_sort > ${soon} and hits.due_sort < ${NO_DUE_SORT}`).as('later'),
            countIf(sql`hits.due_sort = ${NO_DUE_SORT}`).as('none'),
          ]),
      )
      .selectFrom('counts')
      .leftJoin(
        (eb) =>
          withRow(
            (eb as unknown as typeof db)
              .selectFrom('pathway')
              .where('pathway.id', 'in', (sub) =>
                inGroup(s.group, 'hits.due_sort', v, sub.selectFrom('hits').select('hits.id'))
                  .orderBy('hits.due_sort', 'asc')
                  .orderBy('hits.id', 'asc')
                  .limit(v.limit)
                  .offset(v.offset),
              ) as unknown as ReturnType<typeof baseQuery>,
          )
            .select('pathway.due_sort')
            .as('p'),
        (join) => join.onTrue(),
      )
      .selectAll('counts')
      .selectAll('p')
      .orderBy('p.due_sort', 'asc')
      .orderBy('p.pathway_id', 'asc');
  }

  return {
    /** Searches are logged (helsepersonelloven § 21 a): that a search happened, never what was searched for. */
    async logSearch(): Promise<null> {
      await ctx.db.transaction().execute((trx) => auditRead(trx, ctx.actor(), 'worklist.logSearch', { entityId: null, patientId: null }, ctx.clock()));
      return null;
    },

    async list(q: WorklistQuery): Promise<{ rows: WorklistRow[]; total: number; counts: WorklistCounts; today: string }> {
      const today = todayInOslo(ctx.clock());
      const soon = soonUntil(today, DUE_SOON_DAYS.pathway);
      const terms = searchTerms(q.search ?? '');
      const words = terms.kind === 'nationalId' ? [`${NATIONAL_ID_KEY}${terms.digits}`] : terms.words;
      const mine = q.scope === 'mine' && isPostgres(ctx.db);
      // Rows by id (the renderer fills the rows its search found): the id list padded to a power of two with
      // its first id, so a handful of compiled shapes serve every count. No ids: nothing matches.
      const ids = q.pathwayIds ? (q.pathwayIds.length > 0 ? q.pathwayIds : [-1]) : [];
      const slots = ids.length > 0 ? 2 ** Math.ceil(Math.log2(ids.length)) : 0;
      const s: ListShape = { pathwayType: Boolean(q.pathwayType), setting: Boolean(q.setting), mine, words: words.length, ids: slots, group: q.group ?? null };
      const v: ListValues = { today, soon };
      for (let k = 0; k < slots; k++) v[`i${k}`] = ids[k] ?? ids[0]!;
      if (q.pathwayType) v.pathwayType = q.pathwayType;
      if (q.setting) v.setting = q.setting;
      if (mine) v.osUser = ctx.actor().osUser;
      words.forEach((word, i) => {
        v[`w${i}`] = word;
        v[`u${i}`] = prefixUpperBound(word);
      });
      const shape = JSON.stringify(s);
      type Counts = Partial<Record<'overdue' | 'soon' | 'later' | 'none', number | string | null>>;
      const [rows, [count]]: [PageRow[], Counts[]] =
        s.words > 0
          ? await queries
              .rows(ctx.db, `search ${shape}`, { ...v, limit: q.limit, offset: q.offset }, (m) => searchQuery(s, m as unknown as PageValues))
              .then((all): [PageRow[], Counts[]] => [all.filter((r) => r.pathway_id !== null) as PageRow[], all])
          : await Promise.all([
              queries.rows(ctx.db, `page ${shape}`, { ...v, limit: q.limit, offset: q.offset }, (m) => pageQuery(s, m as unknown as PageValues)),
              queries.rows(ctx.db, `counts ${shape}`, { ...v }, (m) => countsQuery(s, m as unknown as ListValues)),
            ]);
      if (!count) throw new Error('worklist counts: no row');
      const c = { overdue: Number(count.overdue ?? 0), soon: Number(count.soon ?? 0), later: Number(count.later ?? 0), none: Number(count.none ?? 0) };
      // due_sort is never null and never above NO_DUE_SORT: the four groups partition the open pathways.
      const groups: WorklistCounts = { all: c.overdue + c.soon + c.later + c.none, ...c };
      // Searches are logged once by worklist.logSearch (when typing pauses or a row is opened), not per keystroke.
      const breachFlags = await careDeadlineFlagsOf(
        ctx.db,
        rows.map((r) => ({ id: r.pathway_id, care_deadline: r.care_deadline, first_attendance_on: r.first_attendance_on })),
        today,
      );
      return {
        today,
        counts: groups,
        total: q.group ? groups[q.group] : groups.all,
        rows: rows.map((r) => {
          const { state, daysLeft } = storedDueState(r.next_due_date, today);
          const group: WorklistGroup = state === 'on_time' ? 'later' : state;
          return {
            pathwayId: r.pathway_id,
            patientId: r.patient_id,
            name: r.name,
            nationalIdMasked: maskNationalId(r.national_id),
            synthetic: r.synthetic === 1,
            pathwayType: r.pathway_type as PathwayTypeId,
            setting: r.setting as SettingId,
            referralReceived: r.referral_received,
            nextActionKey: r.next_action_key,
            nextActionLabel: r.next_action_label,
            dueDate: r.next_due_date,
            daysLeft,
            state,
            group,
            responsible: r.responsible,
            flags: {
              openNoShows: r.open_no_shows,
              nextMeetingDate: r.next_meeting_date,
              planAttentionDate: r.plan_attention_date,
              dataQuality: r.dq_flags,
              breachReasonMissing: state === 'overdue' && r.breach_id === null,
              careDeadlineBreach: breachFlags.get(r.pathway_id) ?? null,
              patientPostponedFrom: r.postponed_from ?? null,
            },
          };
        }),
      };
    },
  };
}
export type WorklistService = ReturnType<typeof createWorklistService>;
