import type { PATHWAY_STATUSES } from '../../../../shared/contract/patients';

export const PATHWAY_STATUS_LABELS: Record<(typeof PATHWAY_STATUSES)[number], string> = {
  open: 'Åpent forløp',
  own_clinician: 'Egen behandler',
  ended: 'Avsluttet',
};
