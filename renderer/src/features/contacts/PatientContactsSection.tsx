import { BodyShort, Heading } from '@navikt/ds-react';
import { PARTICIPANT_ROLE_LABELS, type ParticipantRole } from '../../../../shared/domain/meetings';
import { useContractQuery } from '../../api/query';
import { formatDateTime } from '../../../../shared/domain/time';
import type { PatientSectionProps } from '../patient/sections';
import { ReadError } from '../../components/ReadError';
import { RowTable } from '../../components/RowTable';
import '../meetings/meetings.css';

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
        ) : (
          <RowTable
            label="Kontakter i kommunen"
            rows={data.municipal}
            rowKey={(c) => c.id}
            empty={
              <BodyShort className="muted" spacing>
                Kontaktlisten har ingen kontakter i denne kommunen. Legg dem inn under Kontakter.
              </BodyShort>
            }
            columns={[
              { header: 'Navn', cell: (c) => c.name },
              { header: 'Rolle', cell: (c) => roleLabel(c.role) },
              { header: 'Organisasjon', cell: (c) => c.organisation },
              { header: 'Telefon', className: 'mono', cell: (c) => c.phone },
              { header: 'E-post', cell: (c) => c.email },
            ]}
          />
        )}
      </section>
      <section aria-labelledby="pc-previous">
        <Heading level="3" size="xsmall" id="pc-previous" spacing>
          Deltakere i tidligere møter
        </Heading>
        <RowTable
          label="Deltakere i tidligere møter"
          rows={data.previous}
          rowKey={(p) => JSON.stringify([p.contactId, p.name, p.role])}
          empty={<BodyShort className="muted">Ingen møter ennå.</BodyShort>}
          columns={[
            { header: 'Navn', cell: (p) => p.name },
            { header: 'Rolle', cell: (p) => roleLabel(p.role) },
            { header: 'Organisasjon', cell: (p) => p.organisation },
            { header: 'Sist med', cell: (p) => formatDateTime(p.lastMeetingAt) },
          ]}
        />
      </section>
    </div>
  );
}
