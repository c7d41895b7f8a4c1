import { BodyShort, Heading } from '@navikt/ds-react';
import type { MeetingDetail as Detail } from '../../../../shared/contract/meetings';
import { PARTICIPANT_ROLE_LABELS, type ParticipantRole } from '../../../../shared/domain/meetings';
import { RowTable } from '../../components/RowTable';

/** Who takes part in the meeting, with contact details and whether the consent covers them (read only). */
export function MeetingParticipants({ meeting: m }: { meeting: Detail }) {
  return (
    <section aria-labelledby="mt-participants">
      <Heading level="3" size="small" id="mt-participants" spacing>
        Deltakere
      </Heading>
      <RowTable
        label="Deltakere"
        rows={m.participants}
        rowKey={(p) => p.id}
        empty={<BodyShort className="muted">Ingen deltakere er registrert.</BodyShort>}
        columns={[
          { header: 'Navn', cell: (p) => p.name },
          { header: 'Rolle', cell: (p) => PARTICIPANT_ROLE_LABELS[p.role as ParticipantRole] ?? p.role },
          { header: 'Organisasjon', cell: (p) => p.organisation },
          { header: 'Kontakt', cell: (p) => [p.phone, p.email].filter(Boolean).join(' · ') },
          { header: 'Samtykke dekker', cell: (p) => (p.isPatient ? 'Pasienten selv' : p.consentCovers ? 'Ja' : 'Nei – del ikke opplysninger') },
        ]}
      />
    </section>
  );
}
