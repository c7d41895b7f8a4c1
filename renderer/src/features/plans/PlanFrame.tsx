import { formatDate, type IsoDate } from '../../../../shared/domain/time';
import { DueDate } from '../../components/DueDate';
import { EditButton, Empty, Sec, Text, type OpenDialog, type Plan } from './plan-parts';

/** The plan's frame, edited in the overview dialog: coordinator (3), contributions (4), period and revisions (7), cooperation (9). */

/** Section 3: the coordinator. */
export function PlanCoordinator({ plan, open }: { plan: Plan; open: OpenDialog }) {
  return (
    <Sec no={3} action={<EditButton label="Endre koordinator" onClick={() => open({ kind: 'overview' })} />}>
      {plan.coordinator.name || plan.coordinator.organisation ? (
        <dl className="facts">
          <dt>Navn</dt>
          <dd>{plan.coordinator.name || '–'}</dd>
          <dt>Virksomhet</dt>
          <dd>{plan.coordinator.organisation || '–'}</dd>
        </dl>
      ) : (
        <Empty />
      )}
    </Sec>
  );
}

/** Section 4: what the patient, the services and the relatives contribute. */
export function PlanContributions({ plan, open }: { plan: Plan; open: OpenDialog }) {
  return (
    <Sec no={4} action={<EditButton label="Endre bidrag" onClick={() => open({ kind: 'overview' })} />}>
      <dl className="facts">
        <dt>Pasienten</dt>
        <dd>
          <Text value={plan.contributions.patient} />
        </dd>
        <dt>Tjenestene</dt>
        <dd>
          <Text value={plan.contributions.services} />
        </dd>
        <dt>Pårørende</dt>
        <dd>
          <Text value={plan.contributions.relatives} />
        </dd>
      </dl>
    </Sec>
  );
}

/** Section 7: the plan period and its revision dates. */
export function PlanPeriod({ plan, lastRevision, today, open }: { plan: Plan; lastRevision: string | null; today: IsoDate; open: OpenDialog }) {
  return (
    <Sec no={7} action={<EditButton label="Endre periode og revisjonsdatoer" onClick={() => open({ kind: 'overview' })} />}>
      <dl className="facts">
        <dt>Planperiode</dt>
        <dd>
          {formatDate(plan.period.from)}–{formatDate(plan.period.to)}
        </dd>
        <dt>Revisjonsdatoer</dt>
        <dd>
          {plan.revisionDates.length === 0 ? (
            <span className="muted">Ingen satt</span>
          ) : (
            <ul className="plan-list plan-inline-list">
              {plan.revisionDates.map((d) => (
                <li key={d}>
                  {lastRevision !== null && d <= lastRevision ? (
                    <>
                      <span className="mono">{formatDate(d)}</span> <span className="muted">(gjennomført)</span>
                    </>
                  ) : (
                    <DueDate window="plan" due={d} today={today} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </dd>
        {lastRevision && (
          <>
            <dt>Siste revisjon</dt>
            <dd>{formatDate(lastRevision)}</dd>
          </>
        )}
      </dl>
    </Sec>
  );
}

/** Section 9: cooperation with other services. */
export function PlanCooperation({ plan, open }: { plan: Plan; open: OpenDialog }) {
  return (
    <Sec no={9} action={<EditButton label="Endre samarbeid" onClick={() => open({ kind: 'overview' })} />}>
      <Text value={plan.cooperation} />
    </Sec>
  );
}
