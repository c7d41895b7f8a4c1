import { BodyShort, Button, Checkbox, Modal, Search, Tag } from '@navikt/ds-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useFocusFirstField } from '../../forms/focus';
import { PATHWAY_STATUS_LABELS } from './labels';
import type { PatientSearchRow } from '../../../../shared/contract/patients';
import { formatDate } from '../../../../shared/domain/time';
import { useContractQuery } from '../../api/query';
import { useUi } from '../../stores/ui';
import './find-patient.css';

/**
 * "Finn pasient": any patient by name or national id, with "Vis også avsluttede" those who left the worklist
 * (an access request, a mistaken hand-over, a call-back). Searches on Enter only: each search is logged.
 */
export function FindPatientDialog({ open, onClose, from }: { open: boolean; onClose: () => void; from: string }) {
  const [text, setText] = useState('');
  const [includeClosed, setIncludeClosed] = useState(false);
  const [submitted, setSubmitted] = useState<string | null>(null);
  const navigated = useUi((s) => s.navigated);
  const ready = submitted !== null && submitted.trim().length >= 2;
  const result = useContractQuery('patients.search', { query: submitted ?? '', includeClosed }, { enabled: open && ready, placeholderData: keepPreviousData });
  const rows: PatientSearchRow[] = result.data?.rows ?? [];
  const [tooShort, setTooShort] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstField(formRef, open);

  function submit(e: FormEvent) {
    e.preventDefault();
    setTooShort(text.trim().length < 2);
    setSubmitted(text);
  }
  function openPatient(r: PatientSearchRow) {
    onClose();
    navigated({ screen: 'patient', patientId: r.patientId, from });
  }
  return (
    <Modal open={open} onClose={onClose} header={{ heading: 'Finn pasient' }} width={720}>
      <Modal.Body>
        <form ref={formRef} role="search" onSubmit={submit} className="fp-form">
          <Search
            label="Navn eller fødselsnummer"
            hideLabel={false}
            size="small"
            variant="primary"
            value={text}
            onChange={setText}
            error={tooShort ? 'Skriv minst to tegn' : undefined}
          />
          <Checkbox size="small" checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)}>
            Vis også avsluttede
          </Checkbox>
        </form>
        {result.error && (
          <BodyShort size="small" role="alert" className="fp-error">
            {result.error.message}
          </BodyShort>
        )}
        {ready && result.data && (
          <BodyShort size="small" className="muted" aria-live="polite">
            {rows.length === 0
              ? includeClosed
                ? 'Ingen treff.'
                : 'Ingen treff blant pasienter med åpne forløp. Prøv «Vis også avsluttede».'
              : `${rows.length} treff`}
          </BodyShort>
        )}
        {rows.length > 0 && (
          <ul className="fp-results" aria-label="Treff">
            {rows.map((r) => (
              <li key={r.patientId}>
                <Button size="small" variant="tertiary" onClick={() => openPatient(r)} className="fp-hit">
                  <span className="fp-name">{r.name}</span>
                  <span className="mono">{r.nationalIdMasked}</span>
                  <span className="muted">født {formatDate(r.birthDate)}</span>
                </Button>
                {r.openPathways > 0 ? (
                  <Tag size="xsmall" variant="info">
                    {r.openPathways === 1 ? '1 åpent forløp' : `${r.openPathways} åpne forløp`}
                  </Tag>
                ) : (
                  <Tag size="xsmall" variant="neutral">
                    {r.latestStatus ? PATHWAY_STATUS_LABELS[r.latestStatus] : 'Uten forløp'}
                    {r.closedOn && ` ${formatDate(r.closedOn)}`}
                  </Tag>
                )}
              </li>
            ))}
          </ul>
        )}
      </Modal.Body>
    </Modal>
  );
}
