import { BodyShort, Button, Heading } from '@navikt/ds-react';
import { useState, type ReactNode } from 'react';
import type { Control, DefaultValues, FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { CONSENT_LABELS, CONSENT_STATES } from '../../../../shared/contract/coordination-fields';
import type { Input } from '../../../../shared/contract';
import { InlineForm } from '../../components/InlineForm';
import { RowTable, type RowColumn } from '../../components/RowTable';
import { CheckboxInput, DateInput, Options, SelectInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { useNewAction } from '../shell/new-action';
import { ReadError } from '../../components/ReadError';

/** One field of a family form, in screen order. */
export type FamilyField =
  | { kind: 'text'; name: string; label: string; htmlSize?: number }
  | { kind: 'select'; name: string; label: string; options: readonly string[]; labels: Readonly<Record<string, string>> }
  | { kind: 'checkbox'; name: string; label: string }
  | { kind: 'date'; name: string; label: string }
  /** Fields side by side (e.g. postal code and place). */
  | { kind: 'row'; fields: FamilyField[] }
  /** Consent to information, with its date once it is given or refused (fields `consent` and `consentOn`). */
  | { kind: 'consent' };

type SaveMethod = 'guardians.save' | 'patientContacts.save';

/** A family form: what it saves, its texts, its start values and its fields. */
export interface FamilyFormSpec<M extends SaveMethod> {
  method: M;
  schema: z.ZodType;
  label: string;
  submitLabel: string;
  defaults: Omit<Input<M>, 'patientId' | 'id'>;
  fields: readonly FamilyField[];
}

/** An inline form adding one person to the patient's family tab, built from its list of fields. */
export function FamilyForm<M extends SaveMethod>({ spec, patientId, onDone }: { spec: FamilyFormSpec<M>; patientId: number; onDone: () => void }) {
  const form = useContractForm({
    method: spec.method,
    schema: spec.schema,
    defaultValues: spec.defaults as DefaultValues<FieldValues>,
    toInput: (f: FieldValues) => ({ patientId, ...f }) as Input<M>,
    onSaved: () => onDone(),
  });
  const consent = (form.watch('consent') as string | undefined) ?? 'unknown';
  const field = (f: FamilyField, key: number): ReactNode => {
    const { control } = form;
    switch (f.kind) {
      case 'text':
        return <TextInput key={key} control={control} name={f.name} label={f.label} htmlSize={f.htmlSize} />;
      case 'select':
        return (
          <SelectInput key={key} control={control} name={f.name} label={f.label}>
            <Options values={f.options} labels={f.labels} />
          </SelectInput>
        );
      case 'checkbox':
        return (
          <CheckboxInput key={key} control={control} name={f.name}>
            {f.label}
          </CheckboxInput>
        );
      case 'date':
        return <DateInput key={key} control={control} name={f.name} label={f.label} />;
      case 'row':
        return (
          <div key={key} style={{ display: 'flex', gap: 8 }}>
            {f.fields.map(field)}
          </div>
        );
      case 'consent':
        return <ConsentFields key={key} control={control} consent={consent} />;
    }
  };
  return (
    <InlineForm form={form} label={spec.label} submitLabel={spec.submitLabel} onCancel={onDone}>
      {spec.fields.map(field)}
    </InlineForm>
  );
}

function ConsentFields({ control, consent }: { control: Control<FieldValues>; consent: string }) {
  return (
    <>
      <SelectInput control={control} name="consent" label="Samtykke til informasjon">
        <Options values={CONSENT_STATES} labels={CONSENT_LABELS} />
      </SelectInput>
      {consent !== 'unknown' && <DateInput control={control} name="consentOn" label="Samtykke registrert" />}
    </>
  );
}

/**
 * One list of people on the family tab: heading and intro, the table with "Fjern" on each row, and below it
 * the add button that opens the add form in place. `newAction` names what `n` opens here, if anything.
 */
export function FamilyList<R extends { id: number; name: string }>({
  id,
  title,
  error,
  rows,
  intro,
  columns,
  empty,
  remove,
  addLabel,
  newAction,
  form,
}: {
  id: string;
  title: string;
  error: string | null;
  /** Null while loading: nothing is shown yet. */
  rows: R[] | null;
  intro: ReactNode;
  columns: RowColumn<R>[];
  empty?: ReactNode;
  remove: (row: R) => Promise<unknown>;
  addLabel: string;
  newAction?: string;
  form: (onDone: () => void) => ReactNode;
}) {
  const [adding, setAdding] = useState(false);
  useNewAction(newAction ?? '', () => setAdding(true), newAction !== undefined);
  if (error || !rows) return <ReadError error={error} />;
  return (
    <section aria-labelledby={id}>
      <Heading level="3" size="xsmall" id={id} spacing>
        {title}
      </Heading>
      <BodyShort size="small" spacing>
        {intro}
      </BodyShort>
      <RowTable
        label={title}
        rows={rows}
        rowKey={(r) => r.id}
        empty={empty}
        columns={columns}
        action={{
          header: 'Handlinger',
          cell: (r) => (
            <Button size="xsmall" variant="tertiary" onClick={() => void remove(r)} aria-label={`Fjern ${r.name}`}>
              Fjern
            </Button>
          ),
        }}
      />
      {adding ? (
        form(() => setAdding(false))
      ) : (
        <Button size="small" variant="secondary" onClick={() => setAdding(true)} style={{ marginTop: 8 }}>
          {addLabel}
        </Button>
      )}
    </section>
  );
}
