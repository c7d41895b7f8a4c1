import { call } from '../../api/client';

/**
 * Records letters the person confirmed came out of the printer. Returns a warning when some were not counted as
 * sent (no full postal address), or when saving failed; null when all count as sent.
 */
export async function markPrinted(letterIds: number[]): Promise<string | null> {
  const res = await call('noShow.markPrinted', { letterIds });
  if (!res.ok) return res.error.message;
  if (res.value.notSent.length === 0) return null;
  const reasons = [...new Set(res.value.notSent.map((n) => n.message))].join(' ');
  const n = res.value.notSent.length;
  return n === 1 ? reasons : `${n} av ${res.value.count} brev er ikke regnet som sendt. ${reasons}`;
}
