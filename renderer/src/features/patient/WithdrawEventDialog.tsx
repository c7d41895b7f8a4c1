import type { EventView } from '../../../../shared/contract/pathways';
import { ReasonDialog } from '../../components/ReasonDialog';

/** Withdraws a recorded pathway event: it stays in the history, marked withdrawn, with the reason. */
export function WithdrawDialog({ event, onClose }: { event: EventView; onClose: () => void }) {
  return (
    <ReasonDialog
      heading={`Trekk tilbake: ${event.label}`}
      explanation="Hendelsen blir stående i historikken, merket som trukket tilbake, med årsaken."
      label="Årsak"
      confirmLabel="Trekk tilbake"
      onClose={onClose}
      method="pathways.correctEvent"
      input={(reason) => ({ eventId: event.id, action: 'withdraw', reason })}
    />
  );
}
