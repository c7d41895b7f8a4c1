import { Alert, Button, Table, Tag } from '@navikt/ds-react';
import { useCallback, useState } from 'react';
import type { MeetingSummary } from '../../../../shared/contract/meetings';
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS } from '../../../../shared/domain/meetings';
import { meetingTimeText } from '../../../../shared/print/meeting-documents';
import { useContractQuery } from '../../api/query';
import { EmptyState } from '../../components/EmptyState';
import type { PatientSectionProps } from '../patient/sections';
import { useNewAction } from '../shell/new-action';
import { MeetingDetail } from './MeetingDetail';
import { MeetingForm } from './MeetingForm';
import './meetings.css';

/** The patient page's "Møter": the patient's collaboration meetings, newest first; `n` plans a new one. */
export function PatientMeetingsSection({ patient }: PatientSectionProps) {
  const list = useContractQuery('meetings.listForPatient', { patientId: patient.id });
  const rows: MeetingSummary[] | null = list.data?.rows ?? null;
  const error = list.error?.message ?? null;
  const [openId, setOpenId] = useState<number | null>(null);
  const [formOpen, setFormOpen] = useState(false);

  useNewAction('Nytt møte', () => setFormOpen(true), openId === null);
  const back = useCallback(() => setOpenId(null), []);

  const form = (
    <MeetingForm open={formOpen} patient={{ id: patient.id, name: patient.name }} onClose={() => setFormOpen(false)} onSaved={(id) => setOpenId(id)} />
  );
  if (openId !== null)
    return (
      <>
        <MeetingDetail id={openId} onBack={back} showPatient={false} />
        {form}
      </>
    );
  return (
    <section aria-label="Møter">
      {error && (
        <Alert variant="error" size="small">
          {error}
        </Alert>
      )}
      {rows !== null && rows.length === 0 ? (
        <EmptyState
          title="Ingen samarbeidsmøter ennå"
          action={
            <Button size="small" onClick={() => setFormOpen(true)}>
              Planlegg møte
            </Button>
          }
        >
          Samarbeidsmøter med kommunen, fastlegen og pårørende: ved henvisning, etter vurdering, ved evaluering og før avslutning. Tast <kbd>n</kbd> for nytt
          møte.
        </EmptyState>
      ) : (
        <>
          <div className="toolbar">
            <Button size="small" onClick={() => setFormOpen(true)}>
              Nytt møte (n)
            </Button>
          </div>
          <Table size="small" aria-label="Pasientens møter">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Tid</Table.HeaderCell>
                <Table.HeaderCell>Type møte</Table.HeaderCell>
                <Table.HeaderCell>Sted</Table.HeaderCell>
                <Table.HeaderCell>Deltakere</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(rows ?? []).map((m) => (
                <Table.Row key={m.id}>
                  <Table.DataCell>
                    <Button size="xsmall" variant="tertiary" onClick={() => setOpenId(m.id)}>
                      {meetingTimeText(m.startAt, m.durationMinutes)}
                    </Button>
                  </Table.DataCell>
                  <Table.DataCell>{MEETING_KIND_LABELS[m.kind]}</Table.DataCell>
                  <Table.DataCell>{m.place || (m.videoUrl ? 'Videomøte' : '')}</Table.DataCell>
                  <Table.DataCell>{m.participantCount}</Table.DataCell>
                  <Table.DataCell>
                    <Tag size="xsmall" variant={m.status === 'cancelled' ? 'error' : m.status === 'held' ? 'success' : 'info'}>
                      {MEETING_STATUS_LABELS[m.status]}
                    </Tag>
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      )}
      {form}
    </section>
  );
}
