import { ReasonDialog } from '../../components/ReasonDialog';

/** Cancels the meeting with an optional reason; the meeting stays, marked as cancelled. */
export function CancelDialog({ open, id, onClose, onDone }: { open: boolean; id: number; onClose: () => void; onDone: () => void }) {
  return (
    <ReasonDialog
      open={open}
      heading="Avlys møtet"
      explanation="Møtet blir stående, merket som avlyst, med årsaken."
      label="Årsak (valgfri)"
      confirmLabel="Avlys møtet"
      method="meetings.cancel"
      input={(reason) => ({ id, reason })}
      multiline
      danger
      onClose={onClose}
      onDone={onDone}
    />
  );
}
