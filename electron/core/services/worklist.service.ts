import { sql, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { worklistQuerySchema, WorklistCounts, WorklistCursor, WorklistGroup, WorklistRow } from '../../../shared/contract/worklist';
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
import { fixed, pageBound } from '../db/replan';
import type { ServiceContext } from './context';
import { careDeadlineFlagger } from './breach.service';

type WorklistQuery = z.output<typeof worklistQuerySchema>;

/** How a national id is keyed in open_search_word (migration 0200) and open_search_hit: no typed name word starts with char(1). */
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
  /** A page after a given row (keyset), not the first. */
  after: boolean;
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
  afterDue?: string;
  afterId?: number;
}

const queries = compiledQueries();

/**
 * The worklist reads only stored columns: the pathway's derived clock (due_sort, next action, data-quality
 * count — kept on every write, see pathway-clock.ts) and the patient's flag columns. The page is one query
 * on the partial index pathway_worklist (due_sort, id) where status = 'open' (pathway_worklist_type /
 * _setting with a filter). The unfiltered group counts sum open_due_count (per due date, kept by triggers,
 * migration 0450): a few hundred rows, not every open pathway. With a filter they are range counts on the
 * same index — four COUNTs over due_sort ranges, no expression per open pathway. A search reads open_search_hit:
 * the words of patients with an open pathway only, per pathway with its due_sort (migrations 0200, 0460), so its
 * cost follows the open caseload, not years of closed history, and its counts and page ids are one index range.
 * Only the state (overdue / soon / on time / none) is computed here, from the stored date and today.
 */
export function createWorklistService(ctx: ServiceContext) {
  /** The filters (not the search) on a query that has the pathway table: type, setting, mine, an id list. */
  function withFilters<Q extends ReturnType<typeof openPathways>>(query: Q, s: ListShape, v: ListValues): Q {
    let q = query as ReturnType<typeof openPathways>;
    if (s.pathwayType) q = q.where('pathway.pathway_type', '=', v.pathwayType!);
    if (s.setting) q = q.where('pathway.setting', '=', v.setting!);
    // Mine: on the team store the pathways whose responsible is this login, and those nobody is named for yet
    // ('': seeded, or moved from a local store), so none falls between two chairs; on the local store everything
    // is the one person's (no filter: its worklist keeps its index plans).
    if (s.mine) q = q.where('pathway.responsible', 'in', [v.osUser!, '']);
    if (s.ids > 0)
      q = q.where(
        'pathway.id',
        'in',
        Array.from({ length: s.ids }, (_, k) => v[`i${k}`]!),
      );
    return q as Q;
  }

  function openPathways() {
    return ctx.db.selectFrom('pathway').where('pathway.status', '=', fixed('open'));
  }

  /**
   * Open pathways matching the filters, on the pathway table alone: the counts never touch patient rows.
   * Built from the query's shape and named values (compiled once per shape, see compiled-queries.ts).
   */
  function baseQuery(s: ListShape, v: ListValues) {
    return withFilters(openPathways(), s, v);
  }

  /**
   * A search's hits, one row per matching open pathway, on open_search_hit (migration 0460): the first typed word
   * is an index range (a national-id prefix is char(1) || digits) carrying the pathway's due_sort, each pathway
   * once (prev_word below the typed word: the first of its patient's matching words); each further word is a
   * range on open_search_word for the same patient. Never a scan of every open pathway, nor a pathway lookup per
   * hit: the pathway table is joined only for a filter.
   */
  function hitsQuery(s: ListShape, v: ListValues) {
    let q = ctx.db
      .selectFrom('open_search_hit')
      .where('open_search_hit.word', '>=', v.w0!)
      .where('open_search_hit.word', '<', v.u0!)
      .where('open_search_hit.prev_word', '<', v.w0!);
    for (let i = 1; i < s.words; i++) {
      q = q.where('open_search_hit.patient_id', 'in', (eb) =>
        eb.selectFrom('open_search_word').select('open_search_word.patient_id').where('word', '>=', v[`w${i}`]!).where('word', '<', v[`u${i}`]!),
      );
    }
    if (!s.pathwayType && !s.setting && !s.mine && s.ids === 0) return q;
    return withFilters(
      q.innerJoin('pathway', 'pathway.id', 'open_search_hit.pathway_id') as unknown as ReturnType<typeof openPathways>,
      s,
      v,
    ) as unknown as typeof q;
  }

  /**
   * Per-group counts: the whole caseload from open_due_count (one row per open due date); with a filter, four
   * range counts on the due-date index; with a search, one pass over the hits.
   */
  function countsQuery(s: ListShape, v: ListValues) {
    const { today, soon } = v;
    if (s.words > 0) {
      // Three cumulative counts over the hits (below today, up to soon, dated) and the total, differenced into the
      // four groups: half the comparisons per hit of four separate ranges (a one-letter search has ~1,000 hits).
      const hits = hitsQuery(s, v)
        .select([
          sql<number>`count(*)`.as('total'),
          countIf(sql`open_search_hit.due_sort < ${today}`).as('before_today'),
          countIf(sql`open_search_hit.due_sort <= ${soon}`).as('to_soon'),
          countIf(sql`open_search_hit.due_sort < ${NO_DUE_SORT}`).as('dated'),
        ])
        .as('c');
      return ctx.db
        .selectFrom(hits)
        .select([
          sql<number>`c.before_today`.as('overdue'),
          sql<number>`c.to_soon - c.before_today`.as('soon'),
          sql<number>`c.dated - c.to_soon`.as('later'),
          sql<number>`c.total - c.dated`.as('none'),
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
   * The page: a one-letter search matches a thousand open patients, so with a search the page's ids are cut from
   * the hits on open_search_hit alone (its due_sort) and pathway, patient and breach rows joined for those only.
   * Without a search the index order already stops at the page.
   */
  function pageQuery(s: ListShape, v: PageValues) {
    if (s.words > 0) {
      const ids = afterRow(s, v, 'open_search_hit.due_sort', 'open_search_hit.pathway_id', inGroup(s.group, 'open_search_hit.due_sort', v, hitsQuery(s, v)))
        .select('open_search_hit.pathway_id')
        .orderBy('open_search_hit.due_sort', 'asc')
        .orderBy('open_search_hit.pathway_id', 'asc')
        .limit(pageBound(v.limit));
      return withRow(openPathways().where('pathway.id', 'in', ids))
        .orderBy('pathway.due_sort', 'asc')
        .orderBy('pathway.id', 'asc')
        .limit(pageBound(v.limit));
    }
    return withRow(afterRow(s, v, 'pathway.due_sort', 'pathway.id', inGroup(s.group, 'pathway.due_sort', v, baseQuery(s, v))))
      .orderBy('pathway.due_sort', 'asc')
      .orderBy('pathway.id', 'asc')
      .limit(pageBound(v.limit));
  }

  /** A later page starts after the cursor's row in (due_sort, id) order: a range on the same index as the first. */
  function afterRow<Q extends { where: (...a: never[]) => unknown }>(s: ListShape, v: PageValues, due: string, pathwayId: string, q: Q): Q {
    if (!s.after) return q;
    const w = q as unknown as { where: (e: RawBuilder<boolean>) => Q };
    return w.where(sql<boolean>`(${sql.ref(due)}, ${sql.ref(pathwayId)}) > (${v.afterDue}, ${v.afterId})`);
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
        'pathway.due_sort',
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
        'pathway.care_first_booked_at',
        'pathway.care_first_offer_date',
        'pathway_breach.id as breach_id',
        (eb) =>
          eb
            .selectFrom('pathway_event')
            .select((e) => e.fn.max('pathway_event.date').as('d'))
            .whereRef('pathway_event.pathway_id', '=', 'pathway.id')
            .where('pathway_event.type', '=', fixed('patient_postponed'))
            .where('pathway_event.status', '=', fixed('active'))
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

  return {
    /** Searches are logged (helsepersonelloven § 21 a): that a search happened, never what was searched for. */
    async logSearch(): Promise<null> {
      await ctx.db.transaction().execute((trx) => auditRead(trx, ctx.actor(), 'worklist.logSearch', { entityId: null, patientId: null }, ctx.clock()));
      return null;
    },

    async list(q: WorklistQuery): Promise<{ rows: WorklistRow[]; total: number; counts: WorklistCounts; today: string; after: WorklistCursor | null }> {
      const today = todayInOslo(ctx.clock());
      const soon = soonUntil(today, DUE_SOON_DAYS.pathway);
      const terms = searchTerms(q.search ?? '');
      const words = terms.kind === 'nationalId' ? [`${NATIONAL_ID_KEY}${terms.digits}`] : terms.words;
      const mine = q.scope === 'mine' && isPostgres(ctx.db);
      // Rows by id (the renderer fills the rows its search found): the id list padded to a power of two with
      // its first id, so a handful of compiled shapes serve every count. No ids: nothing matches.
      const ids = q.pathwayIds ? (q.pathwayIds.length > 0 ? q.pathwayIds : [-1]) : [];
      const slots = ids.length > 0 ? 2 ** Math.ceil(Math.log2(ids.length)) : 0;
      const s: ListShape = {
        pathwayType: Boolean(q.pathwayType),
        setting: Boolean(q.setting),
        mine,
        words: words.length,
        ids: slots,
        group: q.group ?? null,
        after: Boolean(q.after),
      };
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
      const [rows, [count]]: [PageRow[], Counts[]] = await Promise.all([
        queries.rows(ctx.db, `page ${shape}`, { ...v, limit: q.limit, ...(q.after ? { afterDue: q.after.dueSort, afterId: q.after.pathwayId } : {}) }, (m) =>
          pageQuery(s, m as unknown as PageValues),
        ),
        // The counts do not depend on the page: the same statement for every page of a filter.
        queries.rows(ctx.db, `counts ${JSON.stringify({ ...s, after: false })}`, { ...v }, (m) => countsQuery(s, m as unknown as ListValues)),
      ]);
      if (!count) throw new Error('worklist counts: no row');
      const c = { overdue: Number(count.overdue ?? 0), soon: Number(count.soon ?? 0), later: Number(count.later ?? 0), none: Number(count.none ?? 0) };
      // due_sort is never null and never above NO_DUE_SORT: the four groups partition the open pathways.
      const groups: WorklistCounts = { all: c.overdue + c.soon + c.later + c.none, ...c };
      // Searches are logged once by worklist.logSearch (when typing pauses or a row is opened), not per keystroke.
      const careDeadlineFlag = await careDeadlineFlagger(ctx.db, today);
      const last = rows.length === q.limit ? rows[rows.length - 1] : undefined;
      return {
        today,
        counts: groups,
        total: q.group ? groups[q.group] : groups.all,
        after: last ? { dueSort: last.due_sort, pathwayId: last.pathway_id } : null,
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
              careDeadlineBreach: careDeadlineFlag(r),
              patientPostponedFrom: r.postponed_from ?? null,
            },
          };
        }),
      };
    },
  };
}
export type WorklistService = ReturnType<typeof createWorklistService>;
