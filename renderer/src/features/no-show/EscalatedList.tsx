import { BodyShort, Button, Heading } from '@navikt/ds-react';
import { useEffect, useState } from 'react';
import { noShowContract } from '../../../../shared/contract/no-show';
import { formatDateTime } from '../../../../shared/domain/time';
import { useContractQuery } from '../../api/query';
import { FormDialog } from '../../components/FormDialog';
import { RowTable } from '../../components/RowTable';
import { TextAreaInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { useUi } from '../../stores/ui';

type Row = { caseId: number; patientId: number; name: string; phone: string; noShowAt: string; escalatedAt: string; note: string };

/** "Eskalert": cases sent to a clinician, listed until the clinician's answer is recorded. */
export function EscalatedList() {
  const rows: Row[] = useContractQuery('noShow.listEscalated', {}).data?.rows ?? [];
  const navigated = useUi((s) => s.navigated);
  const [answering, setAnswering] = useState<Row | null>(null);
  if (rows.length === 0) return null;
  return (
    <section className="ns-escalated" aria-labelledby="ns-escalated-title">
      <Heading level="2" size="small" id="ns-escalated-title">
        Eskalert – venter på svar fra behandler ({rows.length})
      </Heading>
      <RowTable
        label="Eskalert"
        rows={rows}
        rowKey={(r) => r.caseId}
        columns={[
          {
            header: 'Pasient',
            cell: (r) => (
              <Button
                size="xsmall"
                variant="tertiary"
                onClick={() => navigated({ screen: 'patient', patientId: r.patientId, from: 'no-show', section: 'no-show' })}
              >
                {r.name}
              </Button>
            ),
          },
          { header: 'Telefon', className: 'mono ns-nowrap', cell: (r) => r.phone || <span className="muted">Mangler</span> },
          { header: 'Ikke møtt', className: 'ns-nowrap', cell: (r) => formatDateTime(r.noShowAt) },
          { header: 'Meldt', className: 'ns-nowrap', cell: (r) => formatDateTime(r.escalatedAt) },
          { header: 'Notat', cell: (r) => r.note },
        ]}
        action={{
          header: 'Handlinger',
          cell: (r) => (
            <Button size="xsmall" variant="secondary" onClick={() => setAnswering(r)}>
              Registrer svar
            </Button>
          ),
        }}
      />
      <AnswerDialog row={answering} onClose={() => setAnswering(null)} />
    </section>
  );
}

/** The clinician's answer: once recorded, the case leaves the list. Also used on the case card. */
export function AnswerDialog({ row, onClose }: { row: { caseId: number; name: string } | null; onClose: () => void }) {
  const form = useContractForm({
    method: 'noShow.recordAnswer',
    schema: noShowContract['noShow.recordAnswer'].input,
    defaultValues: { answer: '' },
    toInput: (f: { answer: string }) => ({ caseId: row?.caseId ?? 0, answer: f.answer }),
    onSaved: () => onClose(),
  });
  const { reset } = form;
  const caseId = row?.caseId ?? null;
  useEffect(() => {
    if (caseId !== null) reset({ answer: '' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per opened case (reset is a new function each render)
  }, [caseId]);
  return (
    <FormDialog form={form} open={row !== null} onClose={onClose} heading="Svar fra behandler" subheading={row?.name} submitLabel="Lagre svar" width={560}>
      <BodyShort size="small" spacing>
        Skriv kort hva behandleren har bestemt. Saken går da ut av listen over eskalerte saker.
      </BodyShort>
      <TextAreaInput control={form.control} name="answer" label="Svar fra behandler" minRows={3} />
    </FormDialog>
  );
}
