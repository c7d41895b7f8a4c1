import { Button, Heading, Table } from '@navikt/ds-react';
import type { PlanViewDto } from '../../../../shared/contract/plans';
import { daysBetween, daysLeftText, formatDate, formatDateTime, type IsoDate } from '../../../../shared/domain/time';
import { Empty, type OpenDialog } from './plan-parts';

/** The versions kept at each finished revision, each one openable. */
export function PlanVersions({ view, today, open }: { view: PlanViewDto; today: IsoDate; open: OpenDialog }) {
  return (
    <section className="plan-sec" aria-labelledby="plan-versions">
      <Heading level="3" size="small" id="plan-versions" spacing>
        Versjoner
      </Heading>
      {view.versions.length === 0 ? (
        <Empty>Ingen revisjoner er gjennomført ennå. Når en revisjon fullføres, tas det vare på en versjon av hele planen.</Empty>
      ) : (
        <Table size="small" className="plan-table">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Versjon</Table.HeaderCell>
              <Table.HeaderCell scope="col">Revisjon holdt</Table.HeaderCell>
              <Table.HeaderCell scope="col">Lagret</Table.HeaderCell>
              <Table.HeaderCell scope="col">
                <span className="sr-only">Handlinger</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {view.versions.map((v) => (
              <Table.Row key={v.versionNo}>
                <Table.DataCell>Versjon {v.versionNo}</Table.DataCell>
                <Table.DataCell>
                  {formatDate(v.heldOn)} <span className="muted">({daysLeftText(daysBetween(today, v.heldOn)).replace('over fristen', 'siden')})</span>
                </Table.DataCell>
                <Table.DataCell>{formatDateTime(v.takenAt)}</Table.DataCell>
                <Table.DataCell>
                  <Button size="xsmall" variant="secondary" onClick={() => open({ kind: 'version', versionNo: v.versionNo })}>
                    Åpne versjon {v.versionNo}
                  </Button>
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
