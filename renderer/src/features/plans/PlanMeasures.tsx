import { PencilIcon, PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import { Button, Heading, Select, Table } from '@navikt/ds-react';
import type { PlanViewDto } from '../../../../shared/contract/plans';
import { allowedTransitions, MEASURE_STATUS_LABELS, type MeasureStatus } from '../../../../shared/domain/individual-plan';
import { formatDate, osloDateOf, type IsoDate } from '../../../../shared/domain/time';
import { call } from '../../api/client';
import { DueDate } from '../../components/DueDate';
import { Empty, Sec, Text, type Act, type OpenDialog, type Plan } from './plan-parts';

/** Where a measure came from, when it was made from a meeting's action item. */
function originText(meetingStartAt: string | null): string {
  return meetingStartAt ? `Fra oppfølgingspunkt i samarbeidsmøte ${formatDate(osloDateOf(meetingStartAt))}` : 'Fra oppfølgingspunkt i samarbeidsmøte';
}

/** Section 5: the measures, with scope, who is responsible, dates and status. */
export function PlanMeasures({ patientId, view, today, open, act }: { patientId: number; view: PlanViewDto; today: IsoDate; open: OpenDialog; act: Act }) {
  const { plan } = view;
  const goalText = (id: number | undefined) => plan.goals.find((g) => g.id === id)?.text;
  return (
    <Sec
      no={5}
      action={
        <Button size="xsmall" variant="tertiary" icon={<PlusIcon aria-hidden />} onClick={() => open({ kind: 'measure', item: null })}>
          Nytt tiltak
        </Button>
      }
    >
      {plan.measures.length === 0 ? (
        <Empty>Ingen tiltak ennå.</Empty>
      ) : (
        <Table size="small" className="plan-table" aria-label="Tiltak">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Tiltak</Table.HeaderCell>
              <Table.HeaderCell scope="col">Omfang</Table.HeaderCell>
              <Table.HeaderCell scope="col">Ansvarlig</Table.HeaderCell>
              <Table.HeaderCell scope="col">Start</Table.HeaderCell>
              <Table.HeaderCell scope="col">Frist</Table.HeaderCell>
              <Table.HeaderCell scope="col">Status</Table.HeaderCell>
              <Table.HeaderCell scope="col">
                <span className="sr-only">Handlinger</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {plan.measures.map((m) => {
              const open_ = m.status === 'planned' || m.status === 'ongoing';
              return (
                <Table.Row key={m.id}>
                  <Table.DataCell>
                    <div className="plan-measure-what">{m.what}</div>
                    {m.goalId !== undefined && <div className="muted plan-small">Mål: «{goalText(m.goalId)}»</div>}
                    {m.origin && (
                      <div className="muted plan-small">{originText(view.measureOrigins.find((o) => o.measureId === m.id)?.meetingStartAt ?? null)}</div>
                    )}
                  </Table.DataCell>
                  <Table.DataCell>{m.scope || '–'}</Table.DataCell>
                  <Table.DataCell>{m.responsible}</Table.DataCell>
                  <Table.DataCell className="plan-nowrap">{m.startDate ? formatDate(m.startDate) : '–'}</Table.DataCell>
                  <Table.DataCell>{m.dueDate ? <DueDate window="plan" due={m.dueDate} today={today} showState={open_} stacked /> : '–'}</Table.DataCell>
                  <Table.DataCell className="plan-status">
                    <Select
                      size="small"
                      label={`Status for ${m.what}`}
                      hideLabel
                      value={m.status}
                      onChange={(e) => void act(call('plans.changeMeasureStatus', { patientId, measureId: m.id, status: e.target.value as MeasureStatus }))}
                    >
                      <option value={m.status}>{MEASURE_STATUS_LABELS[m.status]}</option>
                      {allowedTransitions(m.status).map((s) => (
                        <option key={s} value={s}>
                          → {MEASURE_STATUS_LABELS[s]}
                        </option>
                      ))}
                    </Select>
                  </Table.DataCell>
                  <Table.DataCell className="plan-cell-actions">
                    <Button
                      size="xsmall"
                      variant="tertiary"
                      aria-label={`Endre tiltaket ${m.what}`}
                      icon={<PencilIcon aria-hidden />}
                      onClick={() => open({ kind: 'measure', item: m })}
                    />
                    <Button
                      size="xsmall"
                      variant="tertiary-neutral"
                      aria-label={`Fjern tiltaket ${m.what}`}
                      icon={<TrashIcon aria-hidden />}
                      onClick={() =>
                        open({
                          kind: 'confirm',
                          text: `Fjerne tiltaket «${m.what}» med fremdriftsnotater? Et tiltak som ikke skal gjennomføres kan heller settes til «Avbrutt».`,
                          action: () => act(call('plans.removeMeasure', { patientId, id: m.id })),
                        })
                      }
                    />
                  </Table.DataCell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
    </Sec>
  );
}

/** Section 6: how each measure is carried out, with its progress notes. */
export function PlanMeasureProgress({ plan, open }: { plan: Plan; open: OpenDialog }) {
  return (
    <Sec no={6}>
      {plan.measures.length === 0 ? (
        <Empty>Beskrives for hvert tiltak.</Empty>
      ) : (
        <div className="plan-how">
          {plan.measures.map((m) => (
            <div key={m.id} className="plan-how-item">
              <div className="plan-sec-head">
                <Heading level="4" size="xsmall">
                  {m.what}
                </Heading>
                <Button
                  size="xsmall"
                  variant="tertiary"
                  icon={<PlusIcon aria-hidden />}
                  onClick={() => open({ kind: 'note', item: m })}
                  aria-label={`Nytt fremdriftsnotat for ${m.what}`}
                >
                  Nytt fremdriftsnotat
                </Button>
              </div>
              <Text value={m.howCarriedOut} />
              {m.progressNotes.length > 0 && (
                <ul className="plan-notes" aria-label={`Fremdrift – ${m.what}`}>
                  {m.progressNotes.map((n, i) => (
                    <li key={i}>
                      <span className="mono">{formatDate(n.date)}</span> {n.text}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
      )}
    </Sec>
  );
}
