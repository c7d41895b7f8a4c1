/** Roles of external contacts (collaboration partners), with their Norwegian labels. */
export const CONTACT_ROLE_LABELS = {
  municipal_coordinator: 'Koordinator i kommunen',
  coordinating_unit: 'Koordinerende enhet',
  gp: 'Fastlege',
  clinician: 'Behandler',
  nav: 'NAV',
  school: 'Skole',
  child_welfare: 'Barnevern',
  other: 'Annet',
} as const;

export type ContactRole = keyof typeof CONTACT_ROLE_LABELS;

export const CONTACT_ROLES = Object.keys(CONTACT_ROLE_LABELS) as ContactRole[];

export function isContactRole(value: string): value is ContactRole {
  return Object.hasOwn(CONTACT_ROLE_LABELS, value);
}

/** Matches a role id or its Norwegian label, case-insensitive and ignoring surrounding spaces. */
export function contactRoleFromText(text: string): ContactRole | null {
  const wanted = text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');
  if (wanted === '') return null;
  for (const role of CONTACT_ROLES) {
    if (role === wanted || CONTACT_ROLE_LABELS[role].toLocaleLowerCase('nb') === wanted) return role;
  }
  return null;
}
