import { CheckmarkCircleFillIcon, ClockFillIcon, ExclamationmarkTriangleFillIcon, MinusCircleIcon } from '@navikt/aksel-icons';
import './clock.css';
import { DEADLINE_STATE_LABELS, daysLeftText } from '../../../../shared/domain/pathway-clock';
import { formatDate } from '../../lib/format';

export type DeadlineStateId = 'overdue' | 'soon' | 'on_time' | 'none';

const ICONS = { overdue: ExclamationmarkTriangleFillIcon, soon: ClockFillIcon, on_time: CheckmarkCircleFillIcon, none: MinusCircleIcon } as const;

/** Deadline state as text + icon + colour (UI.md): reads in greyscale and on paper too. */
export function DeadlineStateLabel({ state, compact = false }: { state: DeadlineStateId; compact?: boolean }) {
  const Icon = ICONS[state];
  return (
    <span className={`deadline-state deadline-${state}`}>
      <Icon aria-hidden fontSize="1.1em" />
      {!compact && <span>{DEADLINE_STATE_LABELS[state]}</span>}
    </span>
  );
}

/** "16.11.2026 · 7 dager over fristen" with the state's icon and label. */
export function DueDate({ due, daysLeft, state, met }: { due: string | null; daysLeft: number | null; state: DeadlineStateId; met?: string | null }) {
  if (!due) return <DeadlineStateLabel state="none" />;
  return (
    <span className="due">
      <DeadlineStateLabel state={state} compact />
      <span className="mono">{formatDate(due)}</span>
      <span className={`due-hint deadline-${state}`}>
        {met ? `${state === 'overdue' ? 'nådd for sent' : 'nådd'} ${formatDate(met)}` : `${DEADLINE_STATE_LABELS[state].toLowerCase()}, ${daysLeftText(daysLeft)}`}
      </span>
    </span>
  );
}
