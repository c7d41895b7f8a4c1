import { BodyShort, TextField } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import type { RpcError } from '../../../shared/contract';
import { firstMessage } from '../api/field-errors';
import { FormModal } from './FormDialog';

interface Props {
  heading: string;
  /** What happens, in one or two sentences. */
  explanation: string;
  label: string;
  confirmLabel: string;
  onClose: () => void;
  /** Performs the change with the reason; returns the error to show by the field, or null when done. */
  onConfirm: (reason: string) => Promise<RpcError | null>;
}

/** Confirms a change that needs a written reason (withdrawing, undoing): one field, the error next to it. */
export function ReasonDialog({ heading, explanation, label, confirmLabel, onClose, onConfirm }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    const failure = await onConfirm(reason);
    setSaving(false);
    if (failure) setError(firstMessage(failure));
    else onClose();
  }
  return (
    <FormModal open onClose={onClose} heading={heading} submitLabel={confirmLabel} width="small" onSubmit={submit} saving={saving} formError={null} errors={error}>
      <BodyShort spacing>{explanation}</BodyShort>
      <TextField size="small" label={label} value={reason} onChange={(e) => setReason(e.target.value)} error={error} />
    </FormModal>
  );
}
