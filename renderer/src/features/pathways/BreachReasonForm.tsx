import { Button } from '@navikt/ds-react';
import { contract } from '../../../../shared/contract';
import type { BreachReasonFormProps } from './DeadlineExplanation';
import { FormError } from '../../components/FormError';
import { SelectInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';

/** Asks why a passed deadline was not kept: a short coded list and free text, kept per pathway and deadline. */
export function BreachReasonFormFields({ pathwayId, deadline, reasons, onSaved }: BreachReasonFormProps) {
  const form = useContractForm({
    method: 'pathways.recordBreachReason',
    schema: contract['pathways.recordBreachReason'].input,
    defaultValues: { reasonCode: deadline.breachReason?.code ?? '', note: deadline.breachReason?.note ?? '' },
    toInput: (f: { reasonCode: string; note: string }) => ({ pathwayId, deadlineKey: deadline.key, reasonCode: f.reasonCode, note: f.note }),
    // The pathway and deadline are not fields here: an issue about them is about the reason chosen.
    fieldOf: (path) => (path === 'note' ? 'note' : 'reasonCode'),
    onSaved: () => onSaved?.(),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate aria-label="Årsak til overskridelse" style={{ display: 'grid', gap: 8 }}>
      <SelectInput control={form.control} name="reasonCode" label="Årsak til overskridelse">
        <option value="">Velg årsak</option>
        {reasons.map((r) => (
          <option key={r.code} value={r.code}>
            {r.label}
          </option>
        ))}
      </SelectInput>
      <TextInput control={form.control} name="note" label="Utdyping (valgfritt)" />
      <FormError message={form.formError} />
      <div>
        <Button size="small" type="submit" loading={form.saving}>
          Lagre årsak
        </Button>
      </div>
    </form>
  );
}
