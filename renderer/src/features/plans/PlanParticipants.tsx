import { PencilIcon, PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import { Button, Table } from '@navikt/ds-react';
import { call } from '../../api/client';
import { Empty, Sec, type Act, type OpenDialog, type Plan } from './plan-parts';

/** Section 2: who takes part in the planning, and whether the plan may be shared with them. */
export function PlanParticipants({ patientId, plan, open, act }: { patientId: number; plan: Plan; open: OpenDialog; act: Act }) {
  return (
    <Sec
      no={2}
      action={
        <Button size="xsmall" variant="tertiary" icon={<PlusIcon aria-hidden />} onClick={() => open({ kind: 'participant', item: null })}>
          Ny deltaker
        </Button>
      }
    >
      {plan.participants.length === 0 ? (
        <Empty>Ingen deltakere registrert.</Empty>
      ) : (
        <Table size="small" className="plan-table">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Navn</Table.HeaderCell>
              <Table.HeaderCell scope="col">Rolle</Table.HeaderCell>
              <Table.HeaderCell scope="col">Virksomhet</Table.HeaderCell>
              <Table.HeaderCell scope="col">Samtykke til deling</Table.HeaderCell>
              <Table.HeaderCell scope="col">
                <span className="sr-only">Handlinger</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {plan.participants.map((p) => (
              <Table.Row key={p.id}>
                <Table.DataCell>{p.name}</Table.DataCell>
                <Table.DataCell>{p.role}</Table.DataCell>
                <Table.DataCell>{p.organisation || '–'}</Table.DataCell>
                <Table.DataCell>{plan.consent.coversParticipantIds.includes(p.id) ? 'Ja' : 'Nei'}</Table.DataCell>
                <Table.DataCell className="plan-cell-actions">
                  <Button
                    size="xsmall"
                    variant="tertiary"
                    aria-label={`Endre ${p.name}`}
                    icon={<PencilIcon aria-hidden />}
                    onClick={() => open({ kind: 'participant', item: p })}
                  />
                  <Button
                    size="xsmall"
                    variant="tertiary-neutral"
                    aria-label={`Fjern ${p.name}`}
                    icon={<TrashIcon aria-hidden />}
                    onClick={() =>
                      open({
                        kind: 'confirm',
                        text: `Fjerne ${p.name} fra planarbeidet?`,
                        action: () => act(call('plans.removeParticipant', { patientId, id: p.id })),
                      })
                    }
                  />
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Sec>
  );
}
