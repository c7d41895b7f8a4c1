import { CheckmarkCircleFillIcon, ClockFillIcon, ExclamationmarkTriangleFillIcon, MinusCircleIcon } from '@navikt/aksel-icons';
import { DUE_SOON_DAYS, DUE_STATE_LABELS, dueState, type DueSoonWindow, type DueState } from '../../../shared/domain/due';
import { daysBetween, daysLeftText, formatDate, todayInOslo, type IsoDate } from '../../../shared/domain/time';
import './due-date.css';

export type DueDateState = DueState | 'none';

const ICONS = { overdue: ExclamationmarkTriangleFillIcon, soon: ClockFillIcon, on_time: CheckmarkCircleFillIcon, none: MinusCircleIcon } as const;

export interface DueDateProps {
  /** The due date; null shows "Ingen frist". */
  due: IsoDate | null;
  /** Which "soon" window applies (DUE_SOON_DAYS in shared/domain/due.ts). */
  window: DueSoonWindow;
  /** Default: today in Oslo. */
  today?: IsoDate;
  /** When the deadline was met: shown instead of the days left; late means overdue. */
  met?: IsoDate | null;
  /** False for a date that carries no state (a planned revision, a closed measure): date and days left only. */
  showState?: boolean;
  /** Date on one line, state text below (narrow grid columns). */
  stacked?: boolean;
  /**
   * One line for fixed-height list rows: icon, date and the days ("59 dager over fristen"); the state word is
   * read by screen readers and carried by icon and colour (the list's group header names it too).
   */
  compact?: boolean;
}

/**
 * The one presentation of a deadline (UI.md): icon, dd.MM.yyyy and the state in words, e.g.
 * "16.11.2026 Overskredet, 7 dager over fristen". Text, icon and colour, so it reads in greyscale; the
 * text wraps below the date rather than being cut.
 */
export function DueDate({ due, window, today = todayInOslo(), met = null, showState = true, stacked = false, compact = false }: DueDateProps) {
  const cls = `due${stacked ? ' due-stacked' : ''}${compact ? ' due-compact' : ''}`;
  if (due === null) {
    return (
      <span className={`${cls} due-none`}>
        <MinusCircleIcon aria-hidden fontSize="1.1em" />
        <span className="due-hint">{DUE_STATE_LABELS.none}</span>
      </span>
    );
  }
  const { state, daysLeft } =
    met !== null ? { state: (met <= due ? 'on_time' : 'overdue') as DueState, daysLeft: null } : dueState(due, today, DUE_SOON_DAYS[window]);
  const text =
    met !== null
      ? `${state === 'overdue' ? 'Nådd for sent' : 'Nådd'} ${formatDate(met)}`
      : showState
        ? `${DUE_STATE_LABELS[state]}, ${daysLeftText(daysLeft)}`
        : daysLeftText(daysBetween(today, due));
  const Icon = ICONS[state];
  return (
    <span className={`${cls} ${showState || met !== null ? `due-${state}` : 'due-plain'}`}>
      {(showState || met !== null) && <Icon aria-hidden fontSize="1.1em" />}
      <span className="due-date">{formatDate(due)}</span>
      {compact && showState && met === null ? (
        <span className="due-hint">
          <span className="sr-only">{DUE_STATE_LABELS[state]}, </span>
          {daysLeftText(daysLeft)}
        </span>
      ) : (
        <span className="due-hint">{text}</span>
      )}
    </span>
  );
}
