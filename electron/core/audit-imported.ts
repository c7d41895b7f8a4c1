import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { GENESIS_HASH, type AuditFields } from './audit';
import type { Database } from './db/schema';

type Db = Kysely<Database> | Transaction<Database>;
export type ImportedRow = AuditFields & { id: number; prev_hash: string; hash: string };

/** The canonical text of one moved entry for the digest (field order fixed, as stored). */
export function importedLine(r: ImportedRow): string {
  return JSON.stringify([r.id, r.at, r.actor, r.os_user, r.action, r.entity, r.entity_id, r.patient_id, r.prev_hash, r.hash]);
}

export interface ImportPin {
  entries: number;
  head: string;
  sha256: string;
}

/** The "who" of the team chain's first entry after a move: it commits to the moved history (decision 0008). */
export function importPinText(p: ImportPin): string {
  return `Flytting fra lokal fil: ${p.entries} oppføringer, siste lenke ${p.head}, sha256 ${p.sha256}`;
}

const PIN = /^Flytting fra lokal fil: (\d+) oppføringer, siste lenke ([0-9a-f]{64}), sha256 ([0-9a-f]{64})$/;

export interface ImportedCheck {
  ok: boolean;
  entries: number;
  /** What was checked and what holds, or the first thing that does not, in Norwegian. */
  message: string;
}

/**
 * Checks the moved history against the team chain's pin: the same number of entries, unbroken links from the
 * first (prev_hash → hash), the same last link and the same SHA-256 over every entry. The links themselves were
 * made with the local folder's key, which the team store does not have: what is checked is that nothing was
 * changed, added or dropped since the move (the pin is itself an entry of the team's own, keyed chain).
 */
export async function checkImported(db: Db): Promise<ImportedCheck | null> {
  const pinRow = await db.selectFrom('audit_log').select(['actor']).where('action', '=', 'audit.imported').orderBy('id').executeTakeFirst();
  const rows = (await db.selectFrom('audit_log_imported').selectAll().orderBy('id').execute()) as ImportedRow[];
  if (!pinRow && rows.length === 0) return null;
  const m = pinRow ? PIN.exec(pinRow.actor) : null;
  if (!m)
    return { ok: false, entries: rows.length, message: 'Teamloggen har ingen kvittering for flyttingen: den flyttede historikken kan ikke kontrolleres.' };
  const pin = { entries: Number(m[1]), head: m[2]!, sha256: m[3]! };
  const digest = createHash('sha256');
  let prev = GENESIS_HASH;
  for (const [i, r] of rows.entries()) {
    if (r.id !== i + 1 || r.prev_hash !== prev)
      return { ok: false, entries: rows.length, message: `Den flyttede historikken er brutt ved oppføring ${r.id}: en oppføring mangler eller er satt inn.` };
    digest.update(`${importedLine(r)}\n`);
    prev = r.hash;
  }
  if (rows.length !== pin.entries)
    return { ok: false, entries: rows.length, message: `Kvitteringen sier ${pin.entries} oppføringer, men ${rows.length} finnes.` };
  if (prev !== pin.head || digest.digest('hex') !== pin.sha256)
    return { ok: false, entries: rows.length, message: 'Den flyttede historikken stemmer ikke med kvitteringen i teamloggen: noe er endret etter flyttingen.' };
  return {
    ok: true,
    entries: rows.length,
    message: `${rows.length === 1 ? 'Oppføringen' : `Alle ${rows.length} oppføringer`} stemmer med kvitteringen i teamloggen (antall, lenker, siste lenke og SHA-256).`,
  };
}
