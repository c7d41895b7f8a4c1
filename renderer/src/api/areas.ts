/**
 * Which read areas a successful write in one area can change. A write refreshes only the views that show what
 * it changed (recording a contact attempt does not reload the patient header or the meeting week).
 * An area not listed here changes only itself. `'*'` means everything (a restore replaces the database).
 */
const AFFECTS: Record<string, readonly string[] | '*'> = {
  referrals: ['referrals', 'worklist', 'overview', 'report', 'patients', 'pathways', 'contacts', 'registration', 'readmissions'],
  patients: ['patients', 'worklist', 'noShow', 'appointments', 'meetings', 'plans', 'registration'],
  pathways: ['pathways', 'worklist', 'overview', 'report', 'patients', 'registration', 'breach', 'referrer', 'pathwayCare', 'readmissions'],
  rules: ['rules', 'pathways', 'worklist', 'overview', 'report'],
  appointments: ['appointments', 'noShow', 'worklist', 'overview', 'report', 'meetings', 'breach', 'referrer', 'pathwayCare'],
  noShow: ['noShow', 'appointments', 'worklist', 'overview', 'report', 'referrer'],
  plans: ['plans', 'worklist', 'overview', 'meetings'],
  meetings: ['meetings', 'plans', 'worklist', 'overview'],
  municipalities: ['municipalities', 'contacts'],
  contacts: ['contacts'],
  profile: ['profile', 'referrer', 'breach'], // not 'app': app.info's needsProfile is read again when the first-run steps are done
  security: ['security', 'lock'],
  lock: '*',
  backups: '*',
  retention: '*',
  // Issue #13 §2: a breach record or postponement changes the worklist's FB flag.
  breach: ['breach', 'worklist'],
};

/** Every write is written to the audit log, so the log's views refresh after any write. */
const ALWAYS = ['audit'];

/** True when a write in `writeArea` can change what a read in `readArea` answers. */
export function writeAffects(writeArea: string | undefined, readArea: string): boolean {
  if (writeArea === undefined) return true; // unknown change (pushed without detail): refresh everything
  const affected = AFFECTS[writeArea] ?? [writeArea];
  return affected === '*' || affected.includes(readArea) || ALWAYS.includes(readArea);
}

/** Every area named above (for the test that they exist in the contract). */
export function affectingAreas(): string[] {
  return [...new Set(Object.entries(AFFECTS).flatMap(([k, v]) => [k, ...(v === '*' ? [] : v)]).concat(ALWAYS))];
}
