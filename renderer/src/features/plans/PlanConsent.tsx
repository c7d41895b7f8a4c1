import { Tag } from '@navikt/ds-react';
import type { PlanViewDto } from '../../../../shared/contract/plans';
import { formatDate } from '../../../../shared/domain/time';
import { CONSENT_TAG, EditButton, Sec, type OpenDialog } from './plan-parts';

/** Section 8: the patient's consent, and whom the plan may be shared with. */
export function PlanConsent({ view, open }: { view: PlanViewDto; open: OpenDialog }) {
  const { plan } = view;
  const consent = CONSENT_TAG[view.consentState];
  return (
    <Sec no={8} action={<EditButton label={plan.consent.givenAt ? 'Endre samtykke' : 'Registrer samtykke'} onClick={() => open({ kind: 'consent' })} />}>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <Tag size="xsmall" variant={consent.variant}>
            {consent.text}
          </Tag>
        </dd>
        <dt>Samtykke gitt</dt>
        <dd>
          {plan.consent.givenAt ? (
            `${formatDate(plan.consent.givenAt)}${plan.consent.givenBy ? ` av ${plan.consent.givenBy}` : ''}`
          ) : (
            <span className="muted">Ikke registrert</span>
          )}
        </dd>
        <dt>Kan deles med</dt>
        <dd>
          {plan.consent.coversParticipantIds.length === 0
            ? 'Ingen'
            : plan.participants
                .filter((p) => plan.consent.coversParticipantIds.includes(p.id))
                .map((p) => `${p.name} (${p.role})`)
                .join(', ')}
        </dd>
        {plan.consent.withdrawnAt && (
          <>
            <dt>Trukket tilbake</dt>
            <dd>{formatDate(plan.consent.withdrawnAt)}</dd>
          </>
        )}
      </dl>
    </Sec>
  );
}
