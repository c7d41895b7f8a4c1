import { BodyShort, Button, Heading, Table } from '@navikt/ds-react';
import { useEffect, useState } from 'react';
import { noShowContract } from '../../../../shared/contract/no-show';
import { formatDateTime } from '../../../../shared/domain/time';
import { useContractQuery } from '../../api/query';
import { FormDialog } from '../../components/FormDialog';
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
      <Table size="small" aria-label="Eskalert">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">Pasient</Table.HeaderCell>
            <Table.HeaderCell scope="col">Telefon</Table.HeaderCell>
            <Table.HeaderCell scope="col">Ikke møtt</Table.HeaderCell>
            <Table.HeaderCell scope="col">Meldt</Table.HeaderCell>
            <Table.HeaderCell scope="col">Notat</Table.HeaderCell>
            <Table.HeaderCell scope="col">
              <span className="sr-only">Handlinger</span>
            </Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.caseId}>
              <Table.DataCell>
                <Button size="xsmall" variant="tertiary" onClick={() => navigated({ screen: 'patient', patientId: r.patientId, from: 'no-show', section: 'no-show' })}>
                  {r.name}
                </Button>
              </Table.DataCell>
              <Table.DataCell className="mono ns-nowrap">{r.phone || <span className="muted">Mangler</span>}</Table.DataCell>
              <Table.DataCell>{formatDateTime(r.noShowAt)}</Table.DataCell>
              <Table.DataCell>{formatDateTime(r.escalatedAt)}</Table.DataCell>
              <Table.DataCell>{r.note}</Table.DataCell>
              <Table.DataCell align="right">
                <Button size="xsmall" variant="secondary" onClick={() => setAnswering(r)}>
                  Registrer svar
                </Button>
              </Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
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
