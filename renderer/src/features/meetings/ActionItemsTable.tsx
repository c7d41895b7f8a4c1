import { Button, Checkbox, Table, Tag, TextField } from '@navikt/ds-react';
import { call } from '../../api/client';
import { InlineDateField } from './InlineDateField';

export interface ActionDraft {
  id?: number;
  key: string;
  text: string;
  owner: string;
  dueDate: string | null;
  done: boolean;
  planMeasureId: number | null;
}

/** The minutes' action items as editable rows: what, who, due date, done, and the link to the individual plan. */
export function ActionItemsTable({
  actions,
  errors,
  setAction,
  toggleDone,
  onRemove,
  onError,
}: {
  actions: ActionDraft[];
  errors: Record<string, string>;
  setAction: (key: string, patch: Partial<ActionDraft>) => void;
  toggleDone: (a: ActionDraft, done: boolean) => Promise<void>;
  onRemove: (key: string) => void;
  onError: (e: string) => void;
}) {
  return (
    <Table size="small" aria-label="Oppfølgingspunkter">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Hva</Table.HeaderCell>
          <Table.HeaderCell>Ansvarlig</Table.HeaderCell>
          <Table.HeaderCell>Frist</Table.HeaderCell>
          <Table.HeaderCell>Utført</Table.HeaderCell>
          <Table.HeaderCell>Individuell plan</Table.HeaderCell>
          <Table.HeaderCell>
            <span className="sr-only">Fjern</span>
          </Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {actions.map((a, i) => (
          <Table.Row key={a.key}>
            <Table.DataCell>
              <TextField
                size="small"
                label={`Oppfølgingspunkt ${i + 1}`}
                hideLabel
                value={a.text}
                onChange={(e) => setAction(a.key, { text: e.target.value })}
                error={errors[`actionItems.${i}.text`]}
              />
            </Table.DataCell>
            <Table.DataCell>
              <TextField
                size="small"
                label={`Ansvarlig for punkt ${i + 1}`}
                hideLabel
                value={a.owner}
                onChange={(e) => setAction(a.key, { owner: e.target.value })}
              />
            </Table.DataCell>
            <Table.DataCell>
              <InlineDateField
                label={`Frist for punkt ${i + 1}`}
                value={a.dueDate}
                onChange={(d) => setAction(a.key, { dueDate: d })}
                error={errors[`actionItems.${i}.dueDate`]}
              />
            </Table.DataCell>
            <Table.DataCell>
              <Checkbox size="small" hideLabel checked={a.done} onChange={(e) => void toggleDone(a, e.target.checked)}>
                {`Punkt ${i + 1} er utført`}
              </Checkbox>
            </Table.DataCell>
            <Table.DataCell>
              {a.planMeasureId !== null ? (
                <Tag size="xsmall" variant="success">
                  Tiltak i IP
                </Tag>
              ) : a.id ? (
                <MeasureButton actionItemId={a.id} onError={onError} />
              ) : (
                <span className="muted">–</span>
              )}
            </Table.DataCell>
            <Table.DataCell>
              {a.planMeasureId === null && (
                <Button size="xsmall" variant="tertiary-neutral" onClick={() => onRemove(a.key)} aria-label={`Fjern punkt ${i + 1}`}>
                  Fjern
                </Button>
              )}
            </Table.DataCell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

/** The individual-plan feature's `plans.measureFromAction`: the action becomes a measure in the IP, linked back. */
function MeasureButton({ actionItemId, onError }: { actionItemId: number; onError: (e: string) => void }) {
  async function make() {
    const res = await call('plans.measureFromAction', { actionItemId });
    if (!res.ok) onError(res.error.message);
  }
  return (
    <Button size="xsmall" variant="secondary" onClick={() => void make()}>
      Gjør til tiltak i IP
    </Button>
  );
}
