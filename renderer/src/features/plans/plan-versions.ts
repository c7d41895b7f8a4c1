import type { PlanViewDto } from '../../../../shared/contract/plans';
import { callOrThrow } from '../../api/query';

type RowVersions = PlanViewDto['rowVersions'];

/** A row's version by id in one of the plan view's lists (participants, goals, resources, needs). */
export const versionOf = (list: RowVersions['goals'], id: number | undefined): number | undefined =>
  id === undefined ? undefined : list.find((x) => x.id === id)?.version;

/** Fetches the plan again and picks the version a form edits: what it moves to after a conflict (useRowVersion). */
export const freshPlanVersion = (patientId: number, pick: (v: RowVersions) => number | undefined) => async (): Promise<number | undefined> => {
  const fresh = await callOrThrow('plans.get', { patientId });
  return fresh.view ? pick(fresh.view.rowVersions) : undefined;
};
