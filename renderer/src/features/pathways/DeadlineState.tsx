import { CheckmarkCircleFillIcon, ClockFillIcon, ExclamationmarkTriangleFillIcon, MinusCircleIcon } from '@navikt/aksel-icons';
import './clock.css';
import { DUE_STATE_LABELS } from '../../../../shared/domain/due';

export type DeadlineStateId = 'overdue' | 'soon' | 'on_time' | 'none';

const ICONS = { overdue: ExclamationmarkTriangleFillIcon, soon: ClockFillIcon, on_time: CheckmarkCircleFillIcon, none: MinusCircleIcon } as const;

/** Deadline state as text + icon + colour (UI.md), without a date; a dated deadline is a <DueDate>. */
export function DeadlineStateLabel({ state, compact = false }: { state: DeadlineStateId; compact?: boolean }) {
  const Icon = ICONS[state];
  return (
    <span className={`deadline-state deadline-${state}`}>
      <Icon aria-hidden fontSize="1.1em" />
      {!compact && <span>{DUE_STATE_LABELS[state]}</span>}
    </span>
  );
}
