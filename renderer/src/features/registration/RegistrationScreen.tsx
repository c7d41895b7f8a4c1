import { Alert, Button, Heading, Tag } from '@navikt/ds-react';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { RegistrationItem } from '../../../../shared/contract/registration';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { formatDate } from '../../../../shared/domain/time';
import { useUi } from '../../stores/ui';
import { downloadText } from '../meetings/keys';
import { RowTable } from '../../components/RowTable';

type Data = Output<'registration.list'>;

/**
 * "Til registrering i journalsystemet" (issue #13): the day's list of coded pathway events that must also be
 * registered in the patient record system to reach NPR — patient, code (e.g. D11CP), date — marked done one
 * by one, exportable as CSV.
 */
export function RegistrationScreen() {
  const query = useContractQuery('registration.list', {});
  const data: Data | null = query.data ?? null;
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? query.error?.message ?? null;
  const navigated = useUi((s) => s.navigated);

  async function mark(item: RegistrationItem) {
    const res = await call('registration.markDone', { eventIds: [item.eventId] });
    if (!res.ok) setError(res.error.message);
  }
  async function undo(item: RegistrationItem) {
    const res = await call('registration.undo', { eventId: item.eventId });
    if (!res.ok) setError(res.error.message);
  }
  async function exportCsv() {
    const res = await call('registration.exportCsv', {});
    if (!res.ok) return setError(res.error.message);
    downloadText(res.value.fileName, res.value.csv, 'text/csv;charset=utf-8');
  }

  const table = (items: RegistrationItem[], done: boolean) => (
    <RowTable
      label={done ? 'Registrert i journalen' : 'Venter på registrering'}
      rows={items}
      rowKey={(i) => i.eventId}
      dense
      style={{ maxWidth: 1000, marginBottom: 16 }}
      columns={[
        {
          header: 'Pasient',
          cell: (i) => (
            <button type="button" className="linklike" onClick={() => navigated({ screen: 'patient', patientId: i.patientId, from: 'registration' })}>
              {i.patientName}
            </button>
          ),
        },
        { header: 'Fødselsdato', cell: (i) => formatDate(i.birthDate) },
        {
          header: 'Kode',
          cell: (i) => (
            <>
              <strong className="mono">{i.code}</strong>
              {i.codeConfidence !== 'confirmed' && (
                <Tag size="xsmall" variant="warning" style={{ marginLeft: 6 }}>
                  Kode ikke bekreftet
                </Tag>
              )}
            </>
          ),
        },
        { header: 'Hendelse', cell: (i) => i.eventLabel },
        { header: 'Dato', cell: (i) => formatDate(i.date) },
      ]}
      action={{
        header: 'Handling',
        cell: (i) =>
          done ? (
            <Button size="xsmall" variant="tertiary" onClick={() => void undo(i)}>
              Angre
            </Button>
          ) : (
            <Button size="xsmall" variant="secondary" onClick={() => void mark(i)}>
              Registrert i journalen
            </Button>
          ),
      }}
    />
  );

  return (
    <section aria-labelledby="registration-title">
      <div className="screen-title">
        <Heading level="1" size="medium" id="registration-title">
          Til registrering i journalsystemet
        </Heading>
        {data && (
          <span className="muted" aria-live="polite">
            {data.truncated ? `over ${data.due.length}` : data.due.length} venter
            {data.doneToday.length > 0 && ` · ${data.doneToday.length} registrert i dag`}
          </span>
        )}
        <Button size="small" variant="secondary" onClick={() => void exportCsv()} disabled={!data || data.due.length === 0}>
          Last ned CSV
        </Button>
      </div>
      {data && (
        <p className="muted" style={{ maxWidth: 900, margin: '0 0 8px' }}>
          {data.notice} Merk hver hendelse når den er registrert i journalsystemet.
        </p>
      )}
      {error && (
        <Alert variant="error" size="small" role="alert">
          {error}
        </Alert>
      )}
      {data && data.due.length === 0 && (
        <p className="muted" style={{ margin: '0 0 12px' }}>
          Ingen hendelser venter på registrering.
        </p>
      )}
      {data && data.due.length > 0 && table(data.due, false)}
      {data?.truncated && (
        <p className="muted" style={{ margin: '0 0 12px' }}>
          Listen viser de {data.due.length} eldste hendelsene med kode. Merk dem som registrert, så kommer de neste.
        </p>
      )}
      {data && data.doneToday.length > 0 && (
        <>
          <Heading level="2" size="xsmall" spacing>
            Registrert i dag
          </Heading>
          {table(data.doneToday, true)}
        </>
      )}
    </section>
  );
}
