import { BodyLong, Button } from '@navikt/ds-react';
import { useState } from 'react';
import { call } from '../../api/client';
import { PrintPreview } from '../../components/PrintPreview';
import type { PatientSectionProps } from '../patient/sections';
import { AuditLogTable, type Period } from './AuditLogTable';

/** Patient page, tab "Logg": who opened or changed this patient's record, with export for the right of access. */
export function PatientLogSection({ patient }: PatientSectionProps) {
  const [period, setPeriod] = useState<Period>({ from: null, to: null });
  const [html, setHtml] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const query = { patientId: patient.id, ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) };

  async function exportCsv() {
    const res = await call('audit.exportCsv', query);
    if (!res.ok) return setMessage(res.error.message);
    const url = URL.createObjectURL(new Blob([res.value.csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = res.value.fileName;
    a.click();
    URL.revokeObjectURL(url);
    setMessage(`Lagret ${res.value.fileName}.`);
  }

  async function print() {
    const res = await call('audit.printPatient', query);
    if (res.ok) setHtml(res.value.html);
    else setMessage(res.error.message);
  }

  return (
    <section aria-label="Logg">
      <BodyLong size="small" spacing>
        Hvem som har åpnet, søkt etter eller endret opplysninger om pasienten, og når. Pasienten har rett til å se denne loggen (innsyn).
      </BodyLong>
      <div className="trust-row">
        <Button size="small" variant="secondary" onClick={exportCsv}>
          Eksporter CSV
        </Button>
        <Button size="small" variant="secondary" onClick={print}>
          Skriv ut / PDF
        </Button>
        {message && <span className="muted">{message}</span>}
      </div>
      <AuditLogTable patientId={patient.id} period={period} onPeriod={setPeriod} />
      <PrintPreview open={html !== null} onClose={() => setHtml(null)} html={html} heading="Logg over tilgang" />
    </section>
  );
}
