import { sql } from 'kysely';
import { AppError } from '../../../shared/contract/envelope';
import type { CaseloadPerson } from '../../../shared/contract/worklist';
import { appendAudit } from '../audit';
import { isPostgres } from '../db/dialect';
import { personNames } from '../people';
import type { ServiceContext } from './context';

/** The group roles whose members can be responsible for a pathway (team-access.ts): coordinators and administrative staff. */
const RESPONSIBLE_GROUPS = ['forlopsbenk_coordinator', 'forlopsbenk_admin_staff'];

/**
 * The caseload: who is responsible for each open pathway. A pathway's responsible is a login — the database
 * `current_user` on the team store, the OS user on the local store — and '' is nobody named (the local store's
 * one user; a pathway moved from a local store). On the team store "Mine" is the pathways whose responsible is
 * this login or nobody named, "Enheten" all of them; on the local store both are everything (one person).
 */
export function responsibleAtCreation(ctx: ServiceContext): string {
  return isPostgres(ctx.db) ? ctx.actor().osUser : '';
}

export function createCaseloadService(ctx: ServiceContext) {
  /** Who can be made responsible: the team's coordinators and administrative staff, or the local store's one user. */
  async function people(): Promise<CaseloadPerson[]> {
    const me = ctx.actor().osUser;
    let logins: string[];
    if (isPostgres(ctx.db)) {
      const rows = await sql<{ login: string }>`select distinct m.rolname as login from pg_roles m
        join pg_auth_members a on a.member = m.oid join pg_roles g on g.oid = a.roleid
        where g.rolname in (${sql.join(RESPONSIBLE_GROUPS)}) and m.rolcanlogin order by 1`.execute(ctx.db);
      logins = rows.rows.map((r) => r.login);
    } else {
      // One person: the OS user, and anyone named on a pathway already (e.g. a store that was shared before).
      // A loose index scan on pathway_responsible: each step is one index search for the next login after the
      // last, so the cost follows the few people named, not every pathway ever recorded ('' sorts first: > '' is != '').
      const named = await sql<{ login: string }>`with recursive named(login) as (
          select min(responsible) from pathway where responsible > ''
          union all
          select (select min(responsible) from pathway where responsible > named.login) from named where named.login is not null
        ) select login from named where login is not null`.execute(ctx.db);
      logins = named.rows.map((r) => r.login);
    }
    if (!logins.includes(me)) logins.push(me);
    const nameOf = await personNames(ctx.db, me);
    // By display name (the login where there is none), as the lists show them.
    return logins
      .map((login) => ({ login, name: nameOf(login), self: login === me }))
      .sort((a, b) => (a.name || a.login).localeCompare(b.name || b.login, 'nb') || a.login.localeCompare(b.login, 'nb'));
  }

  return {
    people,

    async reassign(input: { pathwayId: number; to: string }): Promise<{ responsible: string }> {
      const candidates = await people();
      if (!candidates.some((p) => p.login === input.to)) {
        throw new AppError('invalid_input', 'Velg en person fra listen.', [{ path: 'to', message: 'Velg en person fra listen.' }]);
      }
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const pathway = await trx
          .selectFrom('pathway')
          .select(['id', 'patient_id', 'status', 'responsible'])
          .where('id', '=', input.pathwayId)
          .executeTakeFirst();
        if (!pathway) throw new AppError('not_found', 'Fant ikke forløpet.');
        if (pathway.status !== 'open') throw new AppError('conflict', 'Forløpet er avsluttet og har ingen ansvarlig å endre.');
        if (pathway.responsible === input.to) return { responsible: input.to };
        await trx.updateTable('pathway').set({ responsible: input.to, updated_at: now.toISOString() }).where('id', '=', input.pathwayId).execute();
        await appendAudit(trx, ctx.actor(), { action: 'pathway.reassign', entity: 'pathway', entityId: pathway.id, patientId: pathway.patient_id }, now);
        return { responsible: input.to };
      });
    },
  };
}
