import { Alert, BodyShort } from '@navikt/ds-react';
import { useState, type ReactNode } from 'react';
import { call } from '../../api/client';
import { downloadText } from './keys';

export interface PrintState {
  html: string;
  heading: string;
  notice?: ReactNode;
}

/**
 * The meeting's documents: the agenda, the invitation letters (with who they go to) and the minutes shown in the
 * print preview, and the calendar file downloaded.
 */
export function useMeetingDocuments(id: number, cancelled: boolean, setError: (e: string) => void, setNotice: (n: string) => void) {
  const [print, setPrint] = useState<PrintState | null>(null);

  async function printAgenda() {
    const res = await call('meetings.getAgendaDocument', { id });
    if (res.ok) setPrint({ html: res.value.html, heading: 'Dagsorden' });
    else setError(res.error.message);
  }
  async function printInvitation() {
    const res = await call('meetings.getInvitationLetters', { id });
    if (!res.ok) return setError(res.error.message);
    const { recipients, warnings } = res.value;
    const notice = (
      <Alert variant={warnings.length ? 'warning' : 'info'} size="small" style={{ marginBottom: 8 }}>
        <BodyShort size="small" weight="semibold">
          Innkallingen går til:
        </BodyShort>
        <ul style={{ margin: 0 }}>
          {recipients.map((r) => (
            <li key={r.name}>
              {r.name} – {r.reason}
            </li>
          ))}
        </ul>
        {warnings.map((w) => (
          <BodyShort key={w} size="small">
            {w}
          </BodyShort>
        ))}
      </Alert>
    );
    setPrint({ html: res.value.html, heading: 'Innkalling', notice });
  }
  async function printMinutes(version?: number) {
    const res = await call('meetings.getMinutesDocument', { id, ...(version ? { version } : {}) });
    if (res.ok) setPrint({ html: res.value.html, heading: 'Referat' });
    else setError(res.error.message);
  }
  async function exportIcs() {
    const res = await call('meetings.getIcs', { id });
    if (!res.ok) return setError(res.error.message);
    downloadText(res.value.filename, res.value.text, 'text/calendar;charset=utf-8');
    setNotice(
      cancelled
        ? 'Kalenderfil med avlysning er lastet ned. Send den til deltakerne.'
        : 'Kalenderfilen er lastet ned. Åpne den i Outlook eller send den til deltakerne.',
    );
  }

  return { print, closePrint: () => setPrint(null), printAgenda, printInvitation, printMinutes, exportIcs };
}
