import type { MeetingDetail as Detail } from '../../../../shared/contract/meetings';

/** The meeting's facts: patient, place, video link, a stated clash, a cancellation and the calendar file's state. */
export function MeetingFacts({ meeting: m, showPatient }: { meeting: Detail; showPatient: boolean }) {
  const cancelled = m.status === 'cancelled';
  return (
    <dl className="facts">
      {showPatient && (
        <>
          <dt>Pasient</dt>
          <dd>{m.patientName}</dd>
        </>
      )}
      <dt>Sted</dt>
      <dd>{m.place || '–'}</dd>
      <dt>Videolenke</dt>
      <dd>{m.videoUrl || '–'}</dd>
      {m.conflictReason && (
        <>
          <dt>Overlappende avtaler</dt>
          <dd>Lagret med årsak: {m.conflictReason}</dd>
        </>
      )}
      {cancelled && (
        <>
          <dt>Avlyst</dt>
          <dd>{m.cancelReason || 'Ingen årsak oppgitt'}</dd>
        </>
      )}
      <dt>Kalender</dt>
      <dd>
        {m.icsSequence === 0
          ? 'Invitasjonen er ikke endret etter at den ble laget'
          : `Invitasjonen er endret ${m.icsSequence} ${m.icsSequence === 1 ? 'gang' : 'ganger'}: send ny kalenderfil til deltakerne`}
      </dd>
    </dl>
  );
}
