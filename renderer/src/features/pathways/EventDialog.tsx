import { Suspense } from 'react';
import type { EventView, PathwayDetail } from '../../../../shared/contract/pathways';
import type { PathwayTypeId } from '../../../../shared/domain/pathway-types';
import type { EventType } from '../../../../shared/domain/rule-pack';
import { lazyNamed } from '../../lib/lazy-named';

/** What the dialog records: one event type, the referral assessment (+ frist), or a correction of an event. */
export type EventDialogKind = { kind: 'event'; type: EventType } | { kind: 'assess' } | { kind: 'correct'; event: EventView };

export interface EventDialogTarget {
  pathwayId: number;
  pathwayType: PathwayTypeId;
  /** Shown in the heading: which patient/pathway this is for (no national id). */
  title: string;
  referralAssessed?: string | null;
  careDeadline?: string | null;
  /** The recorded rights assessment, to prefill a re-assessment. */
  rights?: PathwayDetail['rights'];
  /** Under 23: the latest allowed care deadline, proposed in the dialog. */
  careDeadlineLimit?: PathwayDetail['careDeadlineLimit'];
}

export const EVENT_KEYS: { key: string; type: EventType | 'assess'; label: string }[] = [
  { key: 'v', type: 'assess', label: 'Henvisning vurdert' },
  { key: 'f', type: 'first_attendance', label: 'Første fremmøte' },
  { key: 'b', type: 'clinical_decision', label: 'Klinisk beslutning' },
  { key: 'e', type: 'evaluation', label: 'Evaluering' },
  { key: 'l', type: 'patient_postponed', label: 'Pasientutsatt (L)' },
  { key: 'x', type: 'end', label: 'Avslutning' },
  { key: 'o', type: 'own_clinician', label: 'Egen behandler' },
];

// The dialogs and their form kit are loaded the first time one opens: the worklist's start does not parse them.
const EventDialogForms = lazyNamed(() => import('./EventDialogForms'), 'EventDialogForms');

export interface EventDialogProps {
  target: EventDialogTarget;
  what: EventDialogKind;
  helpNeeds: { code: string; label: string }[];
  /** End-of-pathway reasons (data with confidence; the code guide's list is not verified). */
  endReasons?: { code: string; label: string; confidence: string }[];
  onClose: () => void;
  onSaved?: () => void;
}

/** One measurement point's dialog (record, assess, correct); see EventDialogForms.tsx. */
export function EventDialog(props: EventDialogProps) {
  return (
    <Suspense fallback={null}>
      <EventDialogForms {...props} />
    </Suspense>
  );
}
