// The worklist's groups and scopes as plain values (the contract's schemas are built from them): the worklist's
// toolbar lists them at start without loading zod and the contract.

/** Status groups of the worklist: overdue, due within 3 days, later, and no deadline (never "on time"). */
export const WORKLIST_GROUPS = ['overdue', 'soon', 'later', 'none'] as const;
export type WorklistGroup = (typeof WORKLIST_GROUPS)[number];

export const WORKLIST_SCOPES = ['mine', 'unit'] as const;
export type WorklistScope = (typeof WORKLIST_SCOPES)[number];
