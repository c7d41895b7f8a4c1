import { BodyShort } from '@navikt/ds-react';
import { useEffect } from 'react';
import { contract, type Input, type MethodName, type Output } from '../../../shared/contract';
import { TextAreaInput, TextInput } from '../forms/fields';
import { useContractForm } from '../forms/useContractForm';
import { FormDialog } from './FormDialog';

interface Props<M extends MethodName> {
  /** Shown while true (default: shown while mounted). */
  open?: boolean;
  heading: string;
  /** What happens, in one or two sentences. */
  explanation: string;
  label: string;
  confirmLabel: string;
  /** The contract method that performs the change; its own input schema checks the reason. */
  method: M;
  /** The method's input for a reason (the reason at the input's `reason`, so its issues land on the field). */
  input: (reason: string) => Input<M>;
  multiline?: boolean;
  /** The change cannot simply be undone (a red button). */
  danger?: boolean;
  onClose: () => void;
  /** After the change is saved (the dialog closes itself). */
  onDone?: (value: Output<M>) => void;
}

/** Confirms a change that needs a written reason (withdrawing, undoing): one field, the error next to it. */
export function ReasonDialog<M extends MethodName>({
  open = true,
  heading,
  explanation,
  label,
  confirmLabel,
  method,
  input,
  multiline,
  danger,
  onClose,
  onDone,
}: Props<M>) {
  const form = useContractForm({
    method,
    schema: contract[method].input,
    defaultValues: { reason: '' },
    toInput: (f: { reason: string }) => input(f.reason),
    // The one field: an issue about anything else in the input is still about this change.
    fieldOf: () => 'reason',
    onSaved: (value) => {
      onDone?.(value);
      onClose();
    },
  });
  const { control, reset } = form;
  useEffect(() => {
    if (open) reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a fresh form each time it opens
  }, [open]);
  return (
    <FormDialog
      form={form}
      open={open}
      onClose={onClose}
      heading={heading}
      label={heading}
      submitLabel={confirmLabel}
      submitVariant={danger ? 'danger' : 'primary'}
      width="small"
    >
      <BodyShort spacing>{explanation}</BodyShort>
      {multiline ? <TextAreaInput control={control} name="reason" label={label} minRows={2} /> : <TextInput control={control} name="reason" label={label} />}
    </FormDialog>
  );
}
