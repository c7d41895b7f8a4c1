import { Alert, Button, Heading, Tag } from '@navikt/ds-react';
import { useEffect, useRef, useState } from 'react';
import type { MeetingDetail as Detail } from '../../../../shared/contract/meetings';
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS } from '../../../../shared/domain/meetings';
import { meetingTimeText } from '../../../../shared/print/meeting-documents';
import { useContractQuery } from '../../api/query';
import { PrintPreview } from '../../components/PrintPreview';
import { leaveIfAgreed } from '../../forms/unsaved';
import { typing } from '../shell/useGlobalShortcuts';
import { AgendaEditor } from './AgendaEditor';
import { CancelDialog } from './MeetingCancelDialog';
import { MeetingFacts } from './MeetingFacts';
import { MeetingForm } from './MeetingForm';
import { MeetingParticipants } from './MeetingParticipants';
import { MinutesEditor } from './MinutesEditor';
import { useMeetingDocuments } from './useMeetingDocuments';

/**
 * One meeting: facts, agenda (from the kind's template, edited per meeting), minutes in versions, action items,
 * printing and the calendar file.
 */
export function MeetingDetail({ id, onBack, showPatient = true }: { id: number; onBack: () => void; showPatient?: boolean }) {
  const meeting = useContractQuery('meetings.get', { id });
  const m: Detail | null = meeting.data ?? null;
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? meeting.error?.message ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const [editOpen, setEditOpen] = useState(false);
  const [cancelOpen, setCancelOpen] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  const loaded = m !== null;
  // Opening a meeting (Enter in the week) would leave focus on <body>: start from its heading instead, so Tab goes
  // on to its actions and a screen reader says which meeting opened.
  useEffect(() => {
    if (loaded && !title.current?.closest('article')?.contains(document.activeElement)) title.current?.focus();
  }, [id, loaded]);
  const { print, closePrint, printAgenda, printInvitation, printMinutes, exportIcs } = useMeetingDocuments(id, m?.status === 'cancelled', setError, setNotice);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || typing(e.target) || document.querySelector('dialog[open]')) return;
      e.stopImmediatePropagation();
      leaveIfAgreed(onBack);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onBack]);

  if (error && !m) return <Alert variant="error">{error}</Alert>;
  if (!m) return null;

  const cancelled = m.status === 'cancelled';
  return (
    <article aria-labelledby="meeting-title" className="mt-detail">
      <Button size="xsmall" variant="tertiary" onClick={() => leaveIfAgreed(onBack)}>
        ← Tilbake (Esc)
      </Button>
      <div className="screen-title">
        <Heading level="2" size="medium" id="meeting-title" ref={title} tabIndex={-1}>
          {MEETING_KIND_LABELS[m.kind]} – {meetingTimeText(m.startAt, m.durationMinutes)}
        </Heading>
        <Tag size="small" variant={cancelled ? 'error' : m.status === 'held' ? 'success' : 'info'}>
          {MEETING_STATUS_LABELS[m.status]}
        </Tag>
      </div>
      <MeetingFacts meeting={m} showPatient={showPatient} />
      <div className="toolbar mt-actions">
        <Button size="small" onClick={printAgenda}>
          Skriv ut dagsorden
        </Button>
        {!cancelled && (
          <Button size="small" variant="secondary" onClick={printInvitation}>
            Innkalling i brev
          </Button>
        )}
        <Button size="small" variant="secondary" onClick={exportIcs}>
          Kalenderfil (.ics)
        </Button>
        {!cancelled && (
          <Button size="small" variant="secondary" onClick={() => setEditOpen(true)}>
            Endre møtet
          </Button>
        )}
        {m.status === 'planned' && (
          <Button size="small" variant="secondary-neutral" onClick={() => setCancelOpen(true)}>
            Avlys møtet
          </Button>
        )}
      </div>
      {notice && (
        <Alert variant="success" size="small" closeButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {error && (
        <Alert variant="error" size="small" closeButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}

      <MeetingParticipants meeting={m} />

      <AgendaEditor meeting={m} onError={setError} />
      {!cancelled && <MinutesEditor meeting={m} onError={setError} onPrint={printMinutes} />}

      <MeetingForm
        open={editOpen}
        patient={null}
        meeting={m}
        onClose={() => setEditOpen(false)}
        onSaved={() => setNotice('Endringen er lagret. Send en ny kalenderfil til deltakerne.')}
      />
      <CancelDialog
        open={cancelOpen}
        id={m.id}
        onClose={() => setCancelOpen(false)}
        onDone={() => setNotice('Møtet er avlyst. Last ned kalenderfilen og send avlysningen til deltakerne.')}
      />
      <PrintPreview open={print !== null} onClose={closePrint} html={print?.html ?? null} heading={print?.heading ?? ''} notice={print?.notice} />
    </article>
  );
}
