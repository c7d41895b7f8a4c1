import { Table } from '@navikt/ds-react';
import { PATHWAY_TYPES, pathwayTypeLabel, settingLabel } from '../../../../shared/domain/pathway-types';
import { formatDate } from '../../lib/format';
import type { PatientSectionProps } from './sections';

const STATUS_LABEL = { open: 'Åpent', own_clinician: 'Egen behandler', ended: 'Avsluttet' } as const;

export function PathwaysSection({ pathways }: PatientSectionProps) {
  return (
    <Table size="small">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell scope="col">Forløpstype</Table.HeaderCell>
          <Table.HeaderCell scope="col">Nivå</Table.HeaderCell>
          <Table.HeaderCell scope="col">Henvisning mottatt</Table.HeaderCell>
          <Table.HeaderCell scope="col">Henvisning vurdert</Table.HeaderCell>
          <Table.HeaderCell scope="col">Status</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {pathways.map((p) => (
          <Table.Row key={p.id}>
            <Table.DataCell>
              {PATHWAY_TYPES.find((t) => t.id === p.pathwayType)?.code ?? ''} {pathwayTypeLabel(p.pathwayType)}
            </Table.DataCell>
            <Table.DataCell>{settingLabel(p.setting)}</Table.DataCell>
            <Table.DataCell>{formatDate(p.referralReceived)}</Table.DataCell>
            <Table.DataCell>{p.referralAssessed ? formatDate(p.referralAssessed) : 'Ikke vurdert'}</Table.DataCell>
            <Table.DataCell>{STATUS_LABEL[p.status]}</Table.DataCell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
