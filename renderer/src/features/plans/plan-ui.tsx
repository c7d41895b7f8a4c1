import { CheckmarkCircleIcon, ClockIcon, ExclamationmarkTriangleIcon } from '@navikt/aksel-icons';
import { Tag } from '@navikt/ds-react';
import type { RpcError } from '../../../../shared/contract';
import { daysBetween, osloDate } from '../../../../shared/domain/oslo-date';
import { formatDate } from '../../lib/format';

export const todayIso = (): string => osloDate(new Date());

/** "i dag", "om 3 dager", "2 dager over fristen" — the relative hint beside an absolute date (UI.md). */
export function relativeHint(date: string, today = todayIso()): string {
  const d = daysBetween(today, date);
  if (d === 0) return 'i dag';
  if (d === 1) return 'i morgen';
  if (d > 1) return `om ${d} dager`;
  if (d === -1) return '1 dag over fristen';
  return `${-d} dager over fristen`;
}

export type DeadlineState = 'overdue' | 'soon' | 'ok';
export const SOON_DAYS = 14;

export function deadlineState(date: string, today = todayIso()): DeadlineState {
  const d = daysBetween(today, date);
  if (d < 0) return 'overdue';
  if (d <= SOON_DAYS) return 'soon';
  return 'ok';
}

const STATE = {
  overdue: { label: 'Overskredet', variant: 'error', Icon: ExclamationmarkTriangleIcon },
  soon: { label: 'Snart', variant: 'warning', Icon: ClockIcon },
  ok: { label: 'I rute', variant: 'success', Icon: CheckmarkCircleIcon },
} as const;

/** A date with its state in text and icon as well as colour, so it reads in greyscale (UI.md). */
export function DueDate({ date, today = todayIso(), showState = true, stacked = false }: { date: string; today?: string; showState?: boolean; stacked?: boolean }) {
  const state = deadlineState(date, today);
  const s = STATE[state];
  const tag = showState && state !== 'ok' && (
    <Tag size="xsmall" variant={s.variant} icon={<s.Icon aria-hidden />} className="plan-due-tag">
      {s.label}
    </Tag>
  );
  if (stacked) {
    return (
      <span className="plan-due plan-due-stacked">
        <span>
          {formatDate(date)}
          {tag}
        </span>
        <span className="muted plan-small">{relativeHint(date, today)}</span>
      </span>
    );
  }
  return (
    <span className="plan-due">
      <span>{formatDate(date)}</span> <span className="muted">({relativeHint(date, today)})</span>
      {tag}
    </span>
  );
}

/** Field issues by path, for showing each error next to its field. */
export function fieldErrors(error: RpcError, strip?: RegExp): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues ?? []) out[strip ? i.path.replace(strip, '') : i.path] ??= i.message;
  return out;
}
