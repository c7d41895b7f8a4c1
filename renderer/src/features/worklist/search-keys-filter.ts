import type { SearchKeys, WorklistCounts, WorklistGroup, WorklistRow } from '../../../../shared/contract/worklist';
import { DUE_SOON_DAYS, soonUntil } from '../../../../shared/domain/due';
import { maskNationalId } from '../../../../shared/domain/national-id';
import { NO_DUE_SORT, storedDueState } from '../../../../shared/domain/pathway-clock';
import { matchesSearch, searchTerms } from '../../../../shared/domain/search-match';
import { nameSearchWords } from '../../../../shared/domain/search-words';
import type { WorklistFilter } from '../../stores/worklist';

/**
 * The worklist's search over the open caseload's search keys, pure (no React, no calls): matching with the
 * server's rule (shared/domain/search-match.ts), groups and counts with worklist.list's ranges on due_sort, in
 * its order (the keys come sorted by due_sort, id). Used by local-search.ts; tested against the server.
 */

type KeyFilter = Pick<WorklistFilter, 'search' | 'pathwayType' | 'setting' | 'group'>;

export interface PreparedKey {
  pathwayId: number;
  patientId: number;
  dueSort: string;
  pathwayType: WorklistRow['pathwayType'];
  setting: WorklistRow['setting'];
  name: string;
  nationalId: string;
  words: string[];
}

export interface Prepared {
  keys: PreparedKey[];
  today: string;
  soon: string;
  /** Slim rows by pathway, made once per key set (the same object for memoized grid rows). */
  slim: Map<number, WorklistRow>;
}

const prepared = new WeakMap<SearchKeys, Prepared>();

export function prepare(data: SearchKeys): Prepared {
  let p = prepared.get(data);
  if (!p) {
    p = {
      keys: data.keys.map(([pathwayId, patientId, dueSort, pathwayType, setting, name, nationalId]) => ({
        pathwayId,
        patientId,
        dueSort,
        pathwayType,
        setting,
        name,
        nationalId,
        words: nameSearchWords(name),
      })),
      today: data.today,
      soon: soonUntil(data.today, DUE_SOON_DAYS.pathway),
      slim: new Map(),
    };
    prepared.set(data, p);
  }
  return p;
}

/** The group worklist.list puts a pathway in, from its stored due_sort (the same ranges as its counts). */
export function groupOf(dueSort: string, p: Prepared): WorklistGroup {
  if (dueSort < p.today) return 'overdue';
  if (dueSort <= p.soon) return 'soon';
  return dueSort < NO_DUE_SORT ? 'later' : 'none';
}

export function slimRow(k: PreparedKey, p: Prepared): WorklistRow {
  let row = p.slim.get(k.pathwayId);
  if (!row) {
    const dueDate = k.dueSort === NO_DUE_SORT ? null : k.dueSort;
    const { state, daysLeft } = storedDueState(dueDate, p.today);
    row = {
      pathwayId: k.pathwayId,
      patientId: k.patientId,
      name: k.name,
      nationalIdMasked: maskNationalId(k.nationalId),
      synthetic: false,
      pathwayType: k.pathwayType,
      setting: k.setting,
      referralReceived: '',
      nextActionKey: '',
      nextActionLabel: '',
      dueDate,
      daysLeft,
      state,
      group: groupOf(k.dueSort, p),
      responsible: '',
      flags: {
        openNoShows: 0,
        nextMeetingDate: null,
        planAttentionDate: null,
        dataQuality: 0,
        breachReasonMissing: false,
        careDeadlineBreach: null,
        patientPostponedFrom: null,
      },
    };
    p.slim.set(k.pathwayId, row);
  }
  return row;
}

let last: { data: SearchKeys; filter: KeyFilter; matched: PreparedKey[]; counts: WorklistCounts } | null = null;

/** The keys matching every filter but the group, and the counts per group (as worklist.list counts them). */
export function matchKeys(data: SearchKeys, filter: KeyFilter): { matched: PreparedKey[]; counts: WorklistCounts } {
  if (last && last.data === data && last.filter === filter) return last;
  const p = prepare(data);
  const terms = searchTerms(filter.search);
  const counts: WorklistCounts = { all: 0, overdue: 0, soon: 0, later: 0, none: 0 };
  const matched: PreparedKey[] = [];
  for (const k of p.keys) {
    if (filter.pathwayType && k.pathwayType !== filter.pathwayType) continue;
    if (filter.setting && k.setting !== filter.setting) continue;
    if (!matchesSearch(terms, k.words, k.nationalId)) continue;
    const g = groupOf(k.dueSort, p);
    counts[g]++;
    counts.all++;
    if (!filter.group || g === filter.group) matched.push(k);
  }
  last = { data, filter, matched, counts };
  return last;
}
