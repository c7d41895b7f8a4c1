import { PencilIcon } from '@navikt/aksel-icons';
import { BodyLong, Button, Heading } from '@navikt/ds-react';
import type { ReactNode } from 'react';
import type { PlanViewDto } from '../../../../shared/contract/plans';
import type { PlanMeasure } from '../../../../shared/domain/individual-plan';
import { PLAN_SECTIONS } from '../../../../shared/domain/plan-sections';

/** Shared pieces of the plan tab: its types, the numbered section frame and the small text helpers. */

export type Plan = PlanViewDto['plan'];

/** The one dialog the plan tab has open. */
export type PlanDialog =
  | { kind: 'overview' }
  | { kind: 'participant'; item: Plan['participants'][number] | null }
  | { kind: 'consent' }
  | { kind: 'goal'; item: Plan['goals'][number] | null }
  | { kind: 'measure'; item: PlanMeasure | null }
  | { kind: 'note'; item: PlanMeasure }
  | { kind: 'revision' }
  | { kind: 'version'; versionNo: number }
  | { kind: 'confirm'; text: string; action: () => Promise<unknown> };

/** Opens a dialog, remembering where focus goes back to. */
export type OpenDialog = (d: PlanDialog) => void;
/** Runs a plan change and shows its error, if any, above the plan. */
export type Act = (request: Promise<{ ok: boolean; error?: { message: string } }>) => Promise<void>;

const heading = (no: number) => `${no}. ${PLAN_SECTIONS[no - 1]!.title}`;

export function Sec({ no, action, children }: { no: number; action?: ReactNode; children: ReactNode }) {
  return (
    <section className="plan-sec" aria-labelledby={`plan-sec-${no}`}>
      <div className="plan-sec-head">
        <Heading level="3" size="small" id={`plan-sec-${no}`}>
          {heading(no)}
        </Heading>
        {action}
      </div>
      {children}
    </section>
  );
}

export const Empty = ({ children = 'Ikke utfylt' }: { children?: ReactNode }) => <p className="muted plan-empty">{children}</p>;

export function Text({ value }: { value: string }) {
  return value.trim() === '' ? (
    <Empty />
  ) : (
    <BodyLong size="small" className="plan-pre">
      {value}
    </BodyLong>
  );
}

export function EditButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button size="xsmall" variant="tertiary" icon={<PencilIcon aria-hidden />} onClick={onClick}>
      {label}
    </Button>
  );
}

export const CONSENT_TAG = {
  none: { variant: 'warning', text: 'Samtykke mangler' },
  given: { variant: 'success', text: 'Samtykke gitt' },
  withdrawn: { variant: 'error', text: 'Samtykke trukket tilbake' },
} as const;
