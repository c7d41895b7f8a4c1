import { Alert, BodyShort, Radio, RadioGroup, Table } from '@navikt/ds-react';
import { useEffect, useRef } from 'react';

export type Difference = { field: string; label: string; stored: string; given: string };
export type Keep = 'stored' | 'given';

/**
 * The national id is registered already with other details: both side by side, and which to keep.
 * Shown above "Ny henvisning" after the first save attempt; the next save sends the choice.
 */
export function KnownPatientChoice({ differences, keep, onKeep }: { differences: Difference[]; keep: Keep | null; onKeep: (k: Keep) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  // The choice appears at the top of a long form: bring it into view and put focus on it.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
    ref.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus({ preventScroll: true });
  }, [differences]);
  return (
    <Alert ref={ref} variant="warning" size="small" style={{ marginBottom: 12 }}>
      <BodyShort size="small" weight="semibold" spacing>
        Pasienten er registrert fra før, med andre opplysninger enn i henvisningen.
      </BodyShort>
      <Table size="small" aria-label="Lagret og oppgitt">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">Felt</Table.HeaderCell>
            <Table.HeaderCell scope="col">Lagret</Table.HeaderCell>
            <Table.HeaderCell scope="col">I henvisningen</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {differences.map((d) => (
            <Table.Row key={d.field}>
              <Table.HeaderCell scope="row">{d.label}</Table.HeaderCell>
              <Table.DataCell>{d.stored || <span className="muted">tomt</span>}</Table.DataCell>
              <Table.DataCell>{d.given || <span className="muted">tomt</span>}</Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <RadioGroup size="small" legend="Hvilke opplysninger skal gjelde?" value={keep ?? ''} onChange={(v) => onKeep(v as Keep)} style={{ marginTop: 8 }}>
        <Radio value="stored">Behold de lagrede opplysningene</Radio>
        <Radio value="given">Bruk opplysningene fra henvisningen</Radio>
      </RadioGroup>
    </Alert>
  );
}
