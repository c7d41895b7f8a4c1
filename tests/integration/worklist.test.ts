import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCaseload } from '../../electron/core/seed/seed';
import { recomputePathwayClocks } from '../../electron/core/services/pathway-clock';
import { WORKLIST_GROUPS, type WorklistCursor } from '../../shared/contract/worklist';
import { DUE_SOON_DAYS } from '../../shared/domain/due';
import { addDays } from '../../shared/domain/time';
import { captureStatements } from '../fixtures/capture-sql';
import { FIXED_NOW, makeCore, type TestCore } from '../fixtures/core';

// FIXED_NOW = 2026-11-23. A seeded caseload: a few thousand open pathways in every state, years of closed ones.
const TODAY = '2026-11-23';
let core: TestCore;
let open = 0;
beforeAll(async () => {
  core = await makeCore();
  ({ openPathways: open } = await seedCaseload(core.ctx.db, { patients: 6000, seed: 3, now: FIXED_NOW }));
  core.handle.sqlite.exec('analyze');
}, 120_000);
afterAll(async () => {
  await core.dispose();
});

const capture = (method: string, input: unknown) => captureStatements(core, method, input);

function plan(sql: string, params: unknown[]): string {
  return (core.handle.sqlite.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
}

describe('worklist.list over a seeded caseload', () => {
  it('orders by next due date, groups overdue / soon / later / no deadline, and counts them', async () => {
    const all = [];
    for (let after: WorklistCursor | undefined; ; ) {
      const page = await core.ok('worklist.list', { limit: 500, ...(after ? { after } : {}) });
      all.push(...page.rows);
      if (page.after) after = page.after;
      else {
        expect(page.total).toBe(open);
        expect(page.counts.all).toBe(open);
        expect(page.counts.overdue + page.counts.soon + page.counts.later + page.counts.none).toBe(open);
        for (const g of WORKLIST_GROUPS) expect(all.filter((r) => r.group === g).length).toBe(page.counts[g]);
        break;
      }
    }
    expect(all.length).toBe(open);
    expect(new Set(all.map((r) => r.pathwayId)).size).toBe(open);
    // Mixed states are present, in group order, dates ascending, "no deadline" last and never "on time".
    for (const g of WORKLIST_GROUPS) expect(all.some((r) => r.group === g)).toBe(true);
    const order = all.map((r) => WORKLIST_GROUPS.indexOf(r.group));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const dated = all.filter((r) => r.dueDate !== null).map((r) => r.dueDate!);
    expect([...dated].sort()).toEqual(dated);
    for (const r of all) {
      if (r.dueDate === null) expect(r).toMatchObject({ state: 'none', group: 'none', daysLeft: null });
      else if (r.dueDate < TODAY) expect(r.state).toBe('overdue');
      else if (r.dueDate <= addDays(TODAY, DUE_SOON_DAYS.pathway)) expect(r.state).toBe('soon');
      else expect(r).toMatchObject({ state: 'on_time', group: 'later' });
    }
    // Some overdue rows have a breach reason (seeded), some ask for one.
    const overdue = all.filter((r) => r.state === 'overdue');
    expect(overdue.some((r) => r.flags.breachReasonMissing)).toBe(true);
    expect(overdue.some((r) => !r.flags.breachReasonMissing)).toBe(true);
  });

  it('the stored clock equals a fresh computation from the facts (seed and services agree)', async () => {
    const snapshot = () =>
      core.handle.sqlite
        .prepare(
          'select id, rule_version_id, due_sort, next_due_date, next_action_key, next_action_label, dq_flags, open_postponed, assessment_due, care_start_due, first_attendance_on, first_eval_due, first_eval_on from pathway where status = ? order by id',
        )
        .all('open');
    const before = snapshot();
    await core.ctx.db.transaction().execute((trx) => recomputePathwayClocks(trx, { openOnly: true }, FIXED_NOW));
    expect(snapshot()).toEqual(before);
  });

  it('filters by pathway type, setting, status group and search; total follows the filters', async () => {
    const tsb = await core.ok('worklist.list', { pathwayType: 'tsb', limit: 500 });
    expect(tsb.rows.length).toBeGreaterThan(0);
    expect(tsb.rows.every((r) => r.pathwayType === 'tsb')).toBe(true);
    const inpatient = await core.ok('worklist.list', { setting: 'inpatient', limit: 500 });
    expect(inpatient.rows.every((r) => r.setting === 'inpatient')).toBe(true);
    for (const group of WORKLIST_GROUPS) {
      const page = await core.ok('worklist.list', { group, limit: 500 });
      expect(page.total).toBe(page.counts[group]);
      expect(page.rows.every((r) => r.group === group)).toBe(true);
    }
    const first = (await core.ok('worklist.list', { limit: 1 })).rows[0]!;
    const found = await core.ok('worklist.list', { search: first.name.split(' ')[1]!.toLowerCase() });
    expect(found.rows.some((r) => r.pathwayId === first.pathwayId)).toBe(true);
  });

  it('shows the flags kept on the patient row', async () => {
    const row = (await core.ok('worklist.list', { limit: 1 })).rows[0]!;
    core.handle.sqlite
      .prepare('update patient set open_no_shows = 2, next_meeting_date = ?, plan_attention_date = ? where id = ?')
      .run('2026-12-01', '2026-12-15', row.patientId);
    const again = (await core.ok('worklist.list', { limit: 1 })).rows[0]!;
    expect(again.flags).toMatchObject({ openNoShows: 2, nextMeetingDate: '2026-12-01', planAttentionDate: '2026-12-15' });
  });

  it('pages after a row: small pages walk the same list as one page, in order, each row once, with a search and a group too', async () => {
    // The whole open caseload is paged in the test above (pages of 500); here filters under one page of 500.
    for (const filter of [{ search: 'ha' }, { group: 'soon' as const }, { pathwayType: 'tsb' as const }, { search: 'h', setting: 'inpatient' as const }]) {
      const whole = await core.ok('worklist.list', { ...filter, limit: 500 });
      expect(whole.rows.length, JSON.stringify(filter)).toBeGreaterThan(14);
      expect(whole.rows.length, JSON.stringify(filter)).toBeLessThan(500);
      expect(whole.after).toBeNull();
      const paged: number[] = [];
      let after: WorklistCursor | undefined;
      for (let n = 0; n < 200; n++) {
        const page = await core.ok('worklist.list', { ...filter, limit: 7, ...(after ? { after } : {}) });
        paged.push(...page.rows.map((r) => r.pathwayId));
        expect(page.total).toBe(whole.total);
        if (!page.after) break;
        after = page.after;
      }
      expect(paged, JSON.stringify(filter)).toEqual(whole.rows.map((r) => r.pathwayId));
    }
  });

  it('a page deep in the list is an index range after its cursor, not a read of every row before it', async () => {
    const first = await core.ok('worklist.list', { limit: 100 });
    const statements = await capture('worklist.list', { limit: 50, after: first.after! });
    const page = statements.find((s) => /"patient"/.test(s.sql) && /order by/i.test(s.sql));
    expect(page?.sql).not.toMatch(/offset/i);
    expect(plan(page!.sql, page!.params)).toMatch(/INDEX pathway_worklist \(\(due_sort,id\)>\(\?,\?\)\)|INDEX pathway_worklist \(due_sort>\?\)/);
  });

  it('serves the page from the worklist indexes and the counts as range counts on them (EXPLAIN QUERY PLAN)', async () => {
    // countRange null: the whole caseload, counted from open_due_count (a row per open due date), no pathway read.
    const cases: [unknown, RegExp, RegExp | null][] = [
      [{}, /USING (COVERING )?INDEX pathway_worklist\b/, null],
      [{ group: 'soon' }, /USING (COVERING )?INDEX pathway_worklist\b/, null],
      [{ pathwayType: 'tsb' }, /USING (COVERING )?INDEX pathway_worklist_type\b/, /COVERING INDEX pathway_worklist_type \(pathway_type=\? AND due_sort<\?\)/],
      [
        { setting: 'inpatient', after: { dueSort: '2026-12-01', pathwayId: 200 } },
        /USING (COVERING )?INDEX pathway_worklist(_setting)?\b/,
        /COVERING INDEX pathway_worklist_setting \(setting=\? AND due_sort<\?\)/,
      ],
    ];
    for (const [input, index, countRange] of cases) {
      const all = await capture('worklist.list', input);
      // The care-deadline flag (breach.service.ts careDeadlineFlagsOf) takes its two columns from the page's own
      // rows: no second read of the page's pathways.
      expect(all.filter((s) => /from "pathway" where "id" in/.test(s.sql))).toHaveLength(0);
      const statements = all.filter((s) => /from "pathway"/.test(s.sql));
      expect(statements).toHaveLength(countRange ? 2 : 1); // one page (+ one count with a filter)
      for (const s of statements) {
        const detail = plan(s.sql, s.params);
        expect(detail).toMatch(/USING (COVERING )?INDEX pathway_worklist(_type|_setting)?\b/);
        expect(detail).not.toMatch(/SCAN pathway(?! USING)/);
        expect(detail).not.toMatch(/SCAN patient/);
        expect(detail).not.toMatch(/TEMP B-TREE/);
      }
      const page = statements.find((s) => /limit/.test(s.sql))!;
      expect(plan(page.sql, page.params)).toMatch(index);
      expect(plan(page.sql, page.params)).toMatch(/SEARCH patient USING INTEGER PRIMARY KEY/);
      expect(plan(page.sql, page.params)).toMatch(/SEARCH pathway_breach USING (COVERING )?INDEX pathway_breach_key/);
      // Each row's latest active pasientutsatt: one probe in the partial index of those events (migration 0430).
      expect(plan(page.sql, page.params)).toMatch(/SEARCH pathway_event USING COVERING INDEX pathway_event_postponed \(pathway_id=\?\)/);
      if (!countRange) {
        // The whole caseload: one scan of open_due_count, never a pass over the open pathways.
        const counts = all.filter((s) => /from "open_due_count"/.test(s.sql));
        expect(counts).toHaveLength(1);
        expect(plan(counts[0]!.sql, counts[0]!.params)).toMatch(/^SCAN open_due_count$/);
        continue;
      }
      // With a filter: four range counts on a covering index (one per group), never a pass over every open pathway.
      const count = statements.find((s) => !/limit/.test(s.sql))!;
      const detail = plan(count.sql, count.params);
      expect(detail).toMatch(countRange);
      expect(detail.match(/SEARCH pathway USING COVERING INDEX/g)).toHaveLength(4);
      expect(detail).not.toMatch(/SCAN (pathway|patient)/);
    }
  });

  it('serves a search from the open caseload’s word index: name words or a national-id prefix, then their open pathways', async () => {
    const firstWord = /SEARCH open_search_hit USING PRIMARY KEY \(word>\? AND word<\?\)/;
    for (const input of [{ search: 'hansen' }, { search: 'kari han' }, { search: '0186' }]) {
      const statements = (await capture('worklist.list', input)).filter((s) => /open_search_hit/.test(s.sql));
      // The page and the counts, each one range on open_search_hit (migration 0460) for the first typed word.
      expect(statements).toHaveLength(2);
      for (const s of statements) {
        const detail = plan(s.sql, s.params);
        expect(detail).not.toMatch(/patient_search_word|sqlite_autoindex_patient_1/);
        expect(detail).not.toMatch(/SCAN (pathway|patient|open_search_hit|open_search_word)/);
        // One word: a single range, no lookup per patient. Two words: the planner starts from either word's range
        // (the rarer one) and looks the other up by patient.
        if (input.search === 'kari han') {
          expect(detail).toMatch(/SEARCH open_search_(hit|word) USING PRIMARY KEY \(word>\? AND word<\?\)/);
          expect(detail).toMatch(/open_search_word/);
        } else {
          expect(detail).toMatch(firstWord);
          expect(detail).not.toMatch(/open_search_word/);
        }
      }
      // The counts read no pathway row at all (the hit carries its due date); the page reads its own rows only.
      const counts = statements.find((s) => !/limit/.test(s.sql))!;
      expect(plan(counts.sql, counts.params)).not.toMatch(/pathway/);
      const page = statements.find((s) => /limit/.test(s.sql))!;
      expect(plan(page.sql, page.params)).toMatch(/SEARCH pathway USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    }
    const hits = await core.ok('worklist.list', { search: 'kari han' });
    expect(hits.rows.length).toBeGreaterThan(0);
    for (const r of hits.rows) expect(r.name.toLocaleLowerCase('nb')).toMatch(/^kari .*\bhan/);
  });

  it('finds exactly what a search over every patient finds, restricted to open pathways (1, 2, 3 letters, a word, digits)', async () => {
    const sqlite = core.handle.sqlite;
    const byWords = (words: string[]) =>
      (
        sqlite
          .prepare(
            `select pw.id from pathway pw join patient p on p.id = pw.patient_id where pw.status = 'open' ${words.map(() => 'and exists (select 1 from patient_search_word w where w.patient_id = p.id and w.word >= ? and w.word < ?)').join(' ')} order by pw.id`,
          )
          .all(...words.flatMap((w) => [w, `${w}\uffff`])) as { id: number }[]
      ).map((r) => r.id);
    const byDigits = (d: string) =>
      (
        sqlite
          .prepare(
            `select pw.id from pathway pw join patient p on p.id = pw.patient_id where pw.status = 'open' and p.national_id >= ? and p.national_id < ? order by pw.id`,
          )
          .all(d, `${d}\uffff`) as { id: number }[]
      ).map((r) => r.id);
    const listed = async (search: string) => {
      const ids: number[] = [];
      for (let after: WorklistCursor | undefined; ; ) {
        const page = await core.ok('worklist.list', { search, limit: 500, ...(after ? { after } : {}) });
        ids.push(...page.rows.map((r) => r.pathwayId));
        expect(page.counts.all).toBe(page.total);
        if (!page.after) break;
        after = page.after;
      }
      return ids.sort((a, b) => a - b);
    };
    for (const search of ['h', 'ha', 'han', 'hansen', 'kari h', 'o']) {
      const expected = byWords(search.split(' '));
      expect(expected.length).toBeGreaterThan(0);
      expect(await listed(search)).toEqual(expected);
    }
    for (const digits of ['0', '01', '0186']) expect(await listed(digits)).toEqual(byDigits(digits));
  });

  it('keeps the open caseload’s word index in step when pathways close and reopen, names and national ids change', async () => {
    const sqlite = core.handle.sqlite;
    const words = (patientId: number) =>
      (sqlite.prepare('select word from open_search_word where patient_id = ? order by word').all(patientId) as { word: string }[]).map((r) => r.word);
    const fullIndex = () =>
      sqlite
        .prepare(
          `select w.word, w.patient_id from patient_search_word w where exists (select 1 from pathway where patient_id = w.patient_id and status = 'open') union all select ? || p.national_id, p.id from patient p where exists (select 1 from pathway where patient_id = p.id and status = 'open') order by 1, 2`,
        )
        .all('\u0001');
    const stored = () => sqlite.prepare('select word, patient_id from open_search_word order by 1, 2').all();
    expect(stored()).toEqual(fullIndex());

    const row = (await core.ok('worklist.list', { limit: 1 })).rows[0]!;
    const open = sqlite.prepare("select id from pathway where patient_id = ? and status = 'open'").all(row.patientId) as { id: number }[];
    const national = (sqlite.prepare('select national_id from patient where id = ?').get(row.patientId) as { national_id: string }).national_id;
    expect(words(row.patientId)).toContain(`\u0001${national}`);
    for (const p of open) sqlite.prepare("update pathway set status = 'ended' where id = ?").run(p.id);
    expect(words(row.patientId)).toEqual([]);
    expect((await core.ok('worklist.list', { search: national })).rows).toHaveLength(0);
    sqlite.prepare("update pathway set status = 'open' where id = ?").run(open[0]!.id);
    expect(words(row.patientId)).toContain(`\u0001${national}`);
    sqlite.prepare("insert into patient_search_word (word, patient_id) values ('zyxbenk', ?)").run(row.patientId);
    expect((await core.ok('worklist.list', { search: 'zyxb' })).rows.map((r) => r.patientId)).toEqual([row.patientId]);
    sqlite.prepare("delete from patient_search_word where word = 'zyxbenk'").run();
    sqlite.prepare('update patient set national_id = ? where id = ?').run('99999999999', row.patientId);
    expect(words(row.patientId)).toContain('\u000199999999999');
    expect(words(row.patientId)).not.toContain(`\u0001${national}`);
    sqlite.prepare('update patient set national_id = ? where id = ?').run(national, row.patientId);
    for (const p of open.slice(1)) sqlite.prepare("update pathway set status = 'open' where id = ?").run(p.id);
    expect(stored()).toEqual(fullIndex());
  });

  it('does not log a search per call: worklist.list leaves no audit entry, worklist.logSearch leaves one', async () => {
    const last = () => (core.handle.sqlite.prepare('select coalesce(max(id), 0) as n from audit_log').get() as { n: number }).n;
    const before = last();
    for (const search of ['h', 'ha', 'han', 'hans']) await core.ok('worklist.list', { search });
    expect(last()).toBe(before);
    await core.ok('worklist.logSearch', {});
    const rows = core.handle.sqlite.prepare('select action, entity, entity_id, patient_id from audit_log where id > ?').all(before);
    expect(rows).toEqual([{ action: 'worklist.search', entity: 'worklist', entity_id: null, patient_id: null }]);
  });

  it('serves the overview from the period index', async () => {
    const statements = (await capture('overview.get', { from: '2026-07-01', to: TODAY })).filter((s) => /from "pathway"/.test(s.sql));
    const period = statements.find((s) => /referral_received/.test(s.sql))!;
    expect(plan(period.sql, period.params)).toMatch(/USING INDEX pathway_received/);
    const overview = await core.ok('overview.get', { from: '2026-07-01', to: TODAY });
    const assessed = overview.indicators.find((i) => i.id === 'assessed_in_time')!;
    expect(assessed.met + assessed.missed + assessed.pending).toBeGreaterThan(0);
    const list = await core.ok('overview.listPatients', { from: '2026-07-01', to: TODAY, indicator: 'assessed_in_time', part: 'missed' });
    expect(list.rows.length).toBe(Math.min(assessed.missed, 500));
  });
});
