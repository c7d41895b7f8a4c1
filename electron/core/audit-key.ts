import { createHash } from 'node:crypto';

/**
 * PLACEHOLDER until the key store (issue #11 §1) lands: there the audit key is
 * deriveSubkey(master, 'audit-chain'), from a master key that never touches the database.
 * Until then the desktop app, browser mode and scripts share this fixed key, so the chain is keyed and
 * anchored but the key is not secret. Replace every use of this function at the merge.
 */
export function placeholderAuditKey(): Buffer {
  return createHash('sha256').update('forlopsbenk/audit-chain/placeholder-until-key-store').digest();
}
