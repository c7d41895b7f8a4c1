/**
 * Field checks of a rights assessment beyond the contract's schema (issue #13 §1), shared by the server and the
 * assessment dialog so every error shows at once. Messages never echo input.
 */
export interface RightsFacts {
  assessedOn: string;
  rightsDecision: 'right' | 'no_right' | 'not_pathway';
  careKind: 'assessment' | 'treatment' | null;
  careDeadline: string | null;
  patientInformedOn: string | null;
}

export interface RightsIssue {
  path: string;
  message: string;
}

export function rightsIssues(input: RightsFacts, today: string): RightsIssue[] {
  const issues: RightsIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  if (input.assessedOn > today) add('assessedOn', 'Vurderingsdato kan ikke være fram i tid');
  if (input.rightsDecision === 'right') {
    if (input.careKind === null) add('careKind', 'Velg om retten gjelder utredning eller behandling');
  } else {
    if (input.careDeadline !== null) add('careDeadline', 'Frist for nødvendig helsehjelp settes bare når pasienten har rett');
    if (input.careKind !== null) add('careKind', 'Utredning eller behandling velges bare når pasienten har rett');
  }
  if (input.patientInformedOn !== null) {
    if (input.patientInformedOn < input.assessedOn) add('patientInformedOn', 'Pasienten kan ikke være informert før henvisningen ble vurdert');
    else if (input.patientInformedOn > today) add('patientInformedOn', 'Datoen kan ikke være fram i tid');
  }
  return issues;
}
