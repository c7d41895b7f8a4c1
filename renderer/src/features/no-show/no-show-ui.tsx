import type { RpcError } from '../../../../shared/contract/envelope';
import { osloDateTime } from '../../../../shared/domain/appointment-time';
import { formatDate } from '../../lib/format';

/** Field errors of a failed call, keyed by the field's path (first message per field). */
export function issuesByField(error: RpcError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues ?? []) out[issue.path] ??= issue.message;
  return out;
}

/** Now in Oslo: the date (yyyy-MM-dd) and time (HH:mm) a person sees on the wall clock. */
export function osloNow(): { date: string; time: string } {
  return osloDateTime(new Date().toISOString());
}

/** "dd.MM.yyyy kl. HH:mm" of a UTC timestamp, in Oslo. */
export function formatStamp(iso: string): string {
  const { date, time } = osloDateTime(iso);
  return `${formatDate(date)} kl. ${time}`;
}

const STATE_TEXT = { overdue: 'Overskredet', soon: 'Snart', on_time: 'I rute' } as const;
const STATE_ICON = { overdue: '⚠', soon: '◔', on_time: '✓' } as const;

/** "om 3 dager" / "i dag" / "2 dager over fristen". */
export function dueHint(days: number): string {
  if (days === 0) return 'i dag';
  if (days === 1) return 'i morgen';
  if (days > 1) return `om ${days} dager`;
  if (days === -1) return '1 dag over fristen';
  return `${-days} dager over fristen`;
}

/** Deadline state in text and icon as well as colour (UI.md), so it reads in greyscale. */
export function DueBadge({ state, due, days }: { state: 'overdue' | 'soon' | 'on_time'; due: string; days: number }) {
  return (
    <span className={`due due-${state}`}>
      <span aria-hidden="true">{STATE_ICON[state]} </span>
      <strong>{STATE_TEXT[state]}</strong>
      {` – ${formatDate(due)} `}
      <span className="muted">({dueHint(days)})</span>
    </span>
  );
}
