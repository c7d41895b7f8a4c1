import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, query, searched, writes } from './method';
import { id } from './fields';
import { PATHWAY_TYPE_IDS, SETTING_IDS } from '../domain/pathway-types';
import { WORKLIST_GROUPS, WORKLIST_SCOPES, type WorklistGroup, type WorklistScope } from '../domain/worklist-groups';

export { WORKLIST_GROUPS, WORKLIST_SCOPES, type WorklistGroup, type WorklistScope };

/**
 * Where a page of the worklist starts: after this row in the list's order (due date, then pathway). A page is an
 * index range from here, so a page deep in a list of thousands costs what the first one does (an OFFSET read and
 * dropped every row before it: 130 ms for a page at row 6,000 at 50k).
 */
export const worklistCursorSchema = lazySchema(() =>
  z.object({
    // A date, or 9999-12-31 for "no deadline" (NO_DUE_SORT, past isoDate's window): the form is what is checked.
    dueSort: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    pathwayId: id,
  }),
);
export type WorklistCursor = z.infer<typeof worklistCursorSchema>;

export const worklistQuerySchema = lazySchema(() =>
  z.object({
    /** The page after this row (the previous page's `after`); none: the first page. */
    after: worklistCursorSchema.optional(),
    /** Two screens of rows: each row of a page is joined with its patient, so a page is paid per row (see PAGE in worklist-query.ts). */
    limit: z.number().int().min(1).max(500).default(50),
    search: z.string().max(100).optional(),
    pathwayType: z.enum(PATHWAY_TYPE_IDS).optional(),
    setting: z.enum(SETTING_IDS).optional(),
    group: z.enum(WORKLIST_GROUPS).optional(),
    /** "Mine" (default): mine and those nobody is named for (on the local store all: one person); "Enheten": the unit's. */
    scope: z.enum(WORKLIST_SCOPES).default('mine'),
    /** Only these pathways (the renderer fills the rows a search in its search keys found; at most a page). */
    pathwayIds: z.array(id).max(500).optional(),
  }),
);
export type WorklistQuery = z.input<typeof worklistQuerySchema>;

export const worklistRowSchema = lazySchema(() =>
  z.object({
    pathwayId: z.number(),
    patientId: z.number(),
    name: z.string(),
    nationalIdMasked: z.string(),
    synthetic: z.boolean(),
    pathwayType: z.enum(PATHWAY_TYPE_IDS),
    setting: z.enum(SETTING_IDS),
    referralReceived: z.string(),
    nextActionKey: z.string(),
    nextActionLabel: z.string(),
    dueDate: z.string().nullable(),
    /** Calendar days from today to the due date (negative when passed). */
    daysLeft: z.number().nullable(),
    state: z.enum(['overdue', 'soon', 'on_time', 'none']),
    group: z.enum(WORKLIST_GROUPS),
    /** Login of the responsible person; '' when nobody is named. */
    responsible: z.string(),
    flags: z.object({
      openNoShows: z.number(),
      nextMeetingDate: z.string().nullable(),
      planAttentionDate: z.string().nullable(),
      dataQuality: z.number(),
      /** The next deadline has passed and no breach reason is recorded for it. */
      breachReasonMissing: z.boolean(),
      /** The legal deadline for care is likely to pass (no time booked before it) or has passed (fristbrudd). */
      careDeadlineBreach: z.enum(['at_risk', 'breached']).nullable(),
      /** The latest pasientutsatt (L) recorded on the pathway (its start date), shown at the deadline; null when none. */
      patientPostponedFrom: z.string().nullable(),
    }),
  }),
);
export type WorklistRow = z.infer<typeof worklistRowSchema>;

export const worklistCountsSchema = lazySchema(() => z.object({ all: z.number(), overdue: z.number(), soon: z.number(), later: z.number(), none: z.number() }));
export type WorklistCounts = z.infer<typeof worklistCountsSchema>;

/**
 * The open caseload's search keys, one tuple per open pathway in the scope, in the worklist's order (due_sort, id):
 * [pathwayId, patientId, dueSort, pathwayType, setting, name, nationalId]. Slim on purpose: what the renderer
 * needs to search, filter, count and order locally (shared/domain/search-match.ts); the rows come from worklist.list.
 */
export const searchKeySchema = lazySchema(() =>
  z.tuple([z.number(), z.number(), z.string(), z.enum(PATHWAY_TYPE_IDS), z.enum(SETTING_IDS), z.string(), z.string()]),
);
export type SearchKey = z.infer<typeof searchKeySchema>;
export const searchKeysSchema = lazySchema(() => z.object({ today: z.string(), keys: z.array(searchKeySchema) }));
export type SearchKeys = z.infer<typeof searchKeysSchema>;

/**
 * A person who can be responsible for a pathway (the team's coordinators and administrative staff): their login,
 * and their own name ('' before they have given it; the login is shown instead).
 */
export const caseloadPersonSchema = lazySchema(() => z.object({ login: z.string(), name: z.string(), self: z.boolean() }));
export type CaseloadPerson = z.infer<typeof caseloadPersonSchema>;

/** A login as PostgreSQL names roles (at most 63 bytes); the service checks it is one of worklist.people. */
export const reassignSchema = lazySchema(() =>
  z.object({
    pathwayId: id,
    to: z.string().trim().min(1, 'Velg en person.').max(63, 'Velg en person fra listen.'),
  }),
);

export const worklistContract = {
  'worklist.list': method(
    () => worklistQuerySchema,
    /** total = rows matching every filter (for paging); counts = per group under the other filters;
     * after = where the next page starts (null: this page is the last). */
    () =>
      z.object({
        rows: z.array(worklistRowSchema),
        total: z.number(),
        counts: worklistCountsSchema,
        today: z.string(),
        after: worklistCursorSchema.nullable(),
      }),
    // Not audited per call: a search is typed a key at a time; the renderer logs it once (worklist.logSearch).
    query(),
  ),
  /**
   * Records that the worklist was searched (helsepersonelloven § 21 a) — never what was searched for. The
   * renderer calls it once when typing pauses or a row is opened from a search, not per keystroke.
   */
  'worklist.logSearch': method(
    () => z.object({}).optional(),
    () => z.null(),
    query(searched('worklist.search', 'worklist')),
  ),
  /**
   * The open caseload's search keys (scope as worklist.list): the renderer searches them at each keystroke without
   * a round trip. Not audited itself: the search is logged once by worklist.logSearch, as for worklist.list.
   * Made stale by every write that makes the worklist stale (same area).
   */
  'worklist.searchKeys': method(
    () => z.object({ scope: z.enum(WORKLIST_SCOPES).default('mine') }),
    () => searchKeysSchema,
    query(),
  ),
  /** Who a pathway can be given to. */
  'worklist.people': method(
    () => z.object({}).optional(),
    () => z.array(caseloadPersonSchema),
    query(),
  ),
  /** Gives an open pathway to another responsible person; audited (pathway.reassign). */
  'worklist.reassign': method(
    () => reassignSchema,
    () => z.object({ responsible: z.string() }),
    writes([])(),
  ),
};
