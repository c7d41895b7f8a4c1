import { BodyShort, Heading, Table } from '@navikt/ds-react';
import { PARTICIPANT_ROLE_LABELS, type ParticipantRole } from '../../../../shared/domain/meetings';
import { useContractQuery } from '../../api/query';
import { formatDateTime } from '../../../../shared/domain/time';
import type { PatientSectionProps } from '../patient/sections';
import '../meetings/meetings.css';
import { ReadError } from '../../components/ReadError';

const roleLabel = (r: string) => PARTICIPANT_ROLE_LABELS[r as ParticipantRole] ?? r;

/** The patient page's "Kontakter": the GP, the municipality's contacts, and who took part in earlier meetings. */
export function PatientContactsSection({ patient }: PatientSectionProps) {
  const { data, error: failure } = useContractQuery('contacts.listForPatient', { patientId: patient.id });
  const error = failure?.message;
  if (error || !data) return <ReadError error={error} />;
  return (
    <div className="mt-contacts">
      <section aria-labelledby="pc-gp">
        <Heading level="3" size="xsmall" id="pc-gp" spacing>
          Fastlege
        </Heading>
        <BodyShort spacing>{data.gpName || 'Ingen fastlege registrert på pasienten.'}</BodyShort>
      </section>
      <section aria-labelledby="pc-municipal">
        <Heading level="3" size="xsmall" id="pc-municipal" spacing>
          {data.municipalityName ? `Kontakter i ${data.municipalityName} kommune` : 'Kontakter i kommunen'}
        </Heading>
        {!data.municipalityNumber ? (
          <BodyShort className="muted" spacing>
            Pasienten har ingen kommune registrert.
          </BodyShort>
        ) : data.municipal.length === 0 ? (
          <BodyShort className="muted" spacing>
            Kontaktlisten har ingen kontakter i denne kommunen. Legg dem inn under Kontakter.
          </BodyShort>
        ) : (
          <Table size="small" aria-label="Kontakter i kommunen">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Navn</Table.HeaderCell>
                <Table.HeaderCell>Rolle</Table.HeaderCell>
                <Table.HeaderCell>Organisasjon</Table.HeaderCell>
                <Table.HeaderCell>Telefon</Table.HeaderCell>
                <Table.HeaderCell>E-post</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.municipal.map((c) => (
                <Table.Row key={c.id}>
                  <Table.DataCell>{c.name}</Table.DataCell>
                  <Table.DataCell>{roleLabel(c.role)}</Table.DataCell>
                  <Table.DataCell>{c.organisation}</Table.DataCell>
                  <Table.DataCell className="mono">{c.phone}</Table.DataCell>
                  <Table.DataCell>{c.email}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>
      <section aria-labelledby="pc-previous">
        <Heading level="3" size="xsmall" id="pc-previous" spacing>
          Deltakere i tidligere møter
        </Heading>
        {data.previous.length === 0 ? (
          <BodyShort className="muted">Ingen møter ennå.</BodyShort>
        ) : (
          <Table size="small" aria-label="Deltakere i tidligere møter">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Navn</Table.HeaderCell>
                <Table.HeaderCell>Rolle</Table.HeaderCell>
                <Table.HeaderCell>Organisasjon</Table.HeaderCell>
                <Table.HeaderCell>Sist med</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.previous.map((p, i) => (
                <Table.Row key={i}>
                  <Table.DataCell>{p.name}</Table.DataCell>
                  <Table.DataCell>{roleLabel(p.role)}</Table.DataCell>
                  <Table.DataCell>{p.organisation}</Table.DataCell>
                  <Table.DataCell>{formatDateTime(p.lastMeetingAt)}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>
    </div>
  );
}
