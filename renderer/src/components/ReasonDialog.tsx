import { BodyShort, Button, Modal, TextField } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import type { RpcError } from '../../../shared/contract';

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
  async function submit(e: FormEvent) {
    e.preventDefault();
    const failure = await onConfirm(reason);
    if (failure) setError(failure.issues?.[0]?.message ?? failure.message);
    else onClose();
  }
  return (
    <Modal open onClose={onClose} header={{ heading }} width="small">
      <form onSubmit={submit} noValidate>
        <Modal.Body>
          <BodyShort spacing>{explanation}</BodyShort>
          <TextField size="small" label={label} value={reason} onChange={(e) => setReason(e.target.value)} error={error} />
        </Modal.Body>
        <Modal.Footer>
          <Button size="small" type="submit">
            {confirmLabel}
          </Button>
          <Button size="small" type="button" variant="secondary" onClick={onClose}>
            Avbryt
          </Button>
        </Modal.Footer>
      </form>
    </Modal>
  );
}
