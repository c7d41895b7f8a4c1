import { Button } from '@navikt/ds-react';
import { useRef, type ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useFocusFirstError } from '../forms/focus';
import type { ContractForm } from '../forms/useContractForm';
import { FormError } from './FormError';

/** An inline form on a tab (not a dialog): the form's own message, then save and cancel. */
export function InlineForm<F extends FieldValues>({
  form,
  label,
  submitLabel,
  onCancel,
  maxWidth = 480,
  children,
}: {
  form: ContractForm<F>;
  label: string;
  submitLabel: string;
  onCancel: () => void;
  maxWidth?: number;
  children: ReactNode;
}) {
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstError(ref, form);
  return (
    <form ref={ref} onSubmit={form.onSubmit} noValidate aria-label={label} style={{ display: 'grid', gap: 8, maxWidth, marginTop: 8 }}>
      {children}
      <FormError message={form.formError} />
      <div style={{ display: 'flex', gap: 8 }}>
        <Button size="small" type="submit" loading={form.saving}>
          {submitLabel}
        </Button>
        <Button size="small" type="button" variant="tertiary" onClick={onCancel}>
          Avbryt
        </Button>
      </div>
    </form>
  );
}
