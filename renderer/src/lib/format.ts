import { format, parseISO } from 'date-fns';
import { nb } from 'date-fns/locale';

/** dd.MM.yyyy, the only date format a person sees (UI.md). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return format(parseISO(iso), 'dd.MM.yyyy', { locale: nb });
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** "for 3 dager siden" / "i dag" — the relative hint beside an absolute date. */
export function daysAgo(days: number): string {
  if (days === 0) return 'i dag';
  if (days === 1) return 'i går';
  return `for ${days} dager siden`;
}
