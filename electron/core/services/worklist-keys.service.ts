import type { SearchKeys } from '../../../shared/contract/worklist';
import type { WorklistScope } from '../../../shared/contract/worklist';
import type { PathwayTypeId, SettingId } from '../../../shared/domain/pathway-types';
import { todayInOslo } from '../../../shared/domain/time';
import { isPostgres } from '../db/dialect';
import type { ServiceContext } from './context';
import { fixed } from '../db/replan';

/**
 * The open caseload's search keys for the renderer's keystroke search (worklist.searchKeys): one slim tuple per
 * open pathway in the scope, in the worklist's order — one read on the open-pathway index and the patient rows
 * of the open caseload, not of every patient. The scope rule is worklist.list's: "Mine" on the team store is this
 * login's pathways and those nobody is named for; on the local store everything is the one person's.
 */
export function createWorklistKeysService(ctx: ServiceContext) {
  return {
    async searchKeys(q: { scope: WorklistScope }): Promise<SearchKeys> {
      let query = ctx.db
        .selectFrom('pathway')
        .innerJoin('patient', 'patient.id', 'pathway.patient_id')
        .where('pathway.status', '=', fixed('open'))
        .select(['pathway.id', 'pathway.patient_id', 'pathway.due_sort', 'pathway.pathway_type', 'pathway.setting', 'patient.name', 'patient.national_id'])
        .orderBy('pathway.due_sort', 'asc')
        .orderBy('pathway.id', 'asc');
      if (q.scope === 'mine' && isPostgres(ctx.db)) query = query.where('pathway.responsible', 'in', [ctx.actor().osUser, '']);
      const rows = await query.execute();
      return {
        today: todayInOslo(ctx.clock()),
        keys: rows.map((r) => [r.id, r.patient_id, r.due_sort, r.pathway_type as PathwayTypeId, r.setting as SettingId, r.name, r.national_id]),
      };
    },
  };
}
