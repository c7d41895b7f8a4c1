import { sql } from 'kysely';
import type { z } from 'zod';
import type { worklistQuerySchema, WorklistCounts, WorklistGroup, WorklistRow } from '../../../shared/contract/worklist';
import { maskNationalId } from '../../../shared/domain/national-id';
import { nameSearchWords, prefixUpperBound } from '../../../shared/domain/search-words';
import { todayInOslo } from '../../../shared/domain/time';
import { DUE_SOON_DAYS, soonUntil } from '../../../shared/domain/due';
import { NO_DUE_SORT, storedDueState } from '../../../shared/domain/pathway-clock';
import type { PathwayTypeId, SettingId } from '../../../shared/domain/pathway-types';
import { auditRead } from '../audit-read';
import { countIf } from '../db/dialect';
import type { ServiceContext } from './context';
import { careDeadlineFlags } from './breach.service';

type WorklistQuery = z.output<typeof worklistQuerySchema>;

/**
 * The worklist reads only stored columns: the pathway's derived clock (due_sort, next action, data-quality
 * count — kept on every write, see pathway-clock.ts) and the patient's flag columns. The page is one query
 * on the partial index pathway_worklist (due_sort, id) where status = 'open' (pathway_worklist_type with a
 * pathway-type filter); the counts are one aggregate over the same index. Only the state (overdue / soon /
 * on time / none) is computed here, from the stored date and today.
 */
export function createWorklistService(ctx: ServiceContext) {
  /**
   * Open pathways matching the filters, on the pathway table alone: the counts never touch patient rows.
   * A search is index ranges: a national-id prefix on the unique id index, or each typed word as the
   * beginning of a word of the name (patient_search_word) — never a scan of every open pathway's patient.
   */
  function baseQuery(q: WorklistQuery) {
    let query = ctx.db.selectFrom('pathway').where('pathway.status', '=', 'open');
    if (q.pathwayType) query = query.where('pathway.pathway_type', '=', q.pathwayType);
    if (q.setting) query = query.where('pathway.setting', '=', q.setting);
    const search = q.search?.trim() ?? '';
    const digits = search.replace(/\s/g, '');
    if (/^\d+$/.test(digits)) {
      query = query.where('pathway.patient_id', 'in', (eb) =>
        eb.selectFrom('patient').select('patient.id').where('patient.national_id', '>=', digits).where('patient.national_id', '<', prefixUpperBound(digits)),
      );
    } else {
      for (const word of nameSearchWords(search)) {
        query = query.where('pathway.patient_id', 'in', (eb) =>
          eb.selectFrom('patient_search_word').select('patient_search_word.patient_id').where('word', '>=', word).where('word', '<', prefixUpperBound(word)),
        );
      }
    }
    return query;
  }

  return {
    async list(q: WorklistQuery): Promise<{ rows: WorklistRow[]; total: number; counts: WorklistCounts; today: string }> {
      const today = todayInOslo(ctx.clock());
      const soon = soonUntil(today, DUE_SOON_DAYS.pathway);
      let page = baseQuery(q).innerJoin('patient', 'patient.id', 'pathway.patient_id');
      if (q.group === 'overdue') page = page.where('pathway.due_sort', '<', today);
      else if (q.group === 'soon') page = page.where('pathway.due_sort', '>=', today).where('pathway.due_sort', '<=', soon);
      else if (q.group === 'later') page = page.where('pathway.due_sort', '>', soon).where('pathway.due_sort', '<', NO_DUE_SORT);
      else if (q.group === 'none') page = page.where('pathway.due_sort', '=', NO_DUE_SORT);
      const [rows, count] = await Promise.all([
        page
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
            'pathway_breach.id as breach_id',
            (eb) =>
              eb
                .selectFrom('pathway_event')
                .select((e) => e.fn.max('pathway_event.date').as('d'))
                .whereRef('pathway_event.pathway_id', '=', 'pathway.id')
                .where('pathway_event.type', '=', 'patient_postponed')
                .where('pathway_event.status', '=', 'active')
                .as('postponed_from'),
          ])
          .orderBy('pathway.due_sort', 'asc')
          .orderBy('pathway.id', 'asc')
          .limit(q.limit)
          .offset(q.offset)
          .execute(),
        baseQuery(q)
          .select([
            sql<number>`count(*)`.as('all'),
            countIf(sql`pathway.due_sort < ${today}`).as('overdue'),
            countIf(sql`pathway.due_sort >= ${today} and pathway.due_sort <= ${soon}`).as('soon'),
            countIf(sql`pathway.due_sort > ${soon} and pathway.due_sort < ${NO_DUE_SORT}`).as('later'),
            countIf(sql`pathway.due_sort = ${NO_DUE_SORT}`).as('none'),
          ])
          .executeTakeFirstOrThrow(),
      ]);
      // Searches are logged (helsepersonelloven § 21 a): that a search happened, never what was searched for.
      if (q.search?.trim()) {
        await auditRead(ctx.db, ctx.actor(), 'worklist.list', { entityId: null, patientId: null }, ctx.clock());
      }
      const breachFlags = await careDeadlineFlags(ctx.db, rows.map((r) => r.pathway_id), today);
      const counts: WorklistCounts = { all: Number(count.all), overdue: Number(count.overdue), soon: Number(count.soon), later: Number(count.later), none: Number(count.none) };
      return {
        today,
        counts,
        total: q.group ? counts[q.group] : counts.all,
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
