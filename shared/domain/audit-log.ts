/**
 * Pure helpers for the audit log viewer and its exports: Norwegian labels for actions, the Oslo day
 * boundaries of a period, and CSV cells that a spreadsheet cannot mistake for a formula.
 */

const ENTITY_LABELS: Record<string, string> = {
  patient: 'pasient',
  pathway: 'forløp',
  pathway_event: 'forløpshendelse',
  pathwayEvent: 'forløpshendelse',
  profile: 'profil',
  worklist: 'arbeidsliste',
  appointment: 'time',
  no_show: 'ikke møtt',
  noShow: 'ikke møtt',
  meeting: 'samarbeidsmøte',
  plan: 'individuell plan',
  contact: 'kontakt',
  backup: 'sikkerhetskopi',
  setting: 'innstilling',
  lock: 'lås',
  audit: 'logg',
};

const KNOWN: Record<string, string> = {
  'patient.open': 'Åpnet pasientsiden',
  'patient.create': 'Registrerte pasient',
  'patient.revealNationalId': 'Viste hele fødselsnummeret',
  'patient.delete': 'Slettet pasient (oppbevaringstid ute)',
  'pathway.create': 'Registrerte forløp (henvisning)',
  'pathwayEvent.record': 'Registrerte forløpshendelse',
  'worklist.search': 'Søkte i arbeidslisten',
  'profile.save': 'Endret profil',
  'audit.exportCsv': 'Eksporterte loggen (CSV)',
  'audit.print': 'Skrev ut loggen',
  'backup.create': 'Tok sikkerhetskopi',
  'backup.restore': 'Gjenopprettet fra sikkerhetskopi',
  'retention.delete': 'Slettet pasienter etter oppbevaringstid',
  'settings.save': 'Endret innstillinger',
  'lock.setPin': 'Satte PIN-kode',
  'lock.unlock': 'Låste opp',
  'lock.unlockFailed': 'Feil PIN-kode',
  'lock.lock': 'Låste vinduet',
};

const VERBS: [RegExp, string][] = [
  [/\.(open|get|view)$/i, 'Åpnet'],
  [/\.(create|add|record|book|register)/i, 'Registrerte'],
  [/\.(delete|remove)/i, 'Slettet'],
  [/\.(search|list)/i, 'Søkte i'],
  [/\.(print)/i, 'Skrev ut'],
  [/\.(export)/i, 'Eksporterte'],
  [/\.(import)/i, 'Importerte'],
];

/** What a person reads for an action code; unknown codes get a generic verb and the code itself. */
export function auditActionLabel(action: string, entity: string): string {
  const known = KNOWN[action];
  if (known) return known;
  const noun = ENTITY_LABELS[entity] ?? entity;
  for (const [re, verb] of VERBS) if (re.test(action)) return `${verb} ${noun}`;
  return `Endret ${noun} (${action})`;
}

export function auditEntityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity;
}

/** A cell a spreadsheet shows as text: a leading = + - @ (or tab/CR) would otherwise start a formula. */
export function csvSafeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
