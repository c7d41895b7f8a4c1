import { PrinterSmallIcon } from '@navikt/aksel-icons';
import { Alert, Button, Heading, Tag } from '@navikt/ds-react';
import type { PlanViewDto } from '../../../../shared/contract/plans';
import { formatDate, type IsoDate } from '../../../../shared/domain/time';
import { DueDate } from '../../components/DueDate';
import { CONSENT_TAG, type OpenDialog } from './plan-parts';

/** The plan's top line (consent, period, next revision; revise and print) and the warnings that hold for the whole plan. */
export function PlanHeader({ view, today, open, onPrint }: { view: PlanViewDto; today: IsoDate; open: OpenDialog; onPrint: () => void }) {
  const { plan } = view;
  const consent = CONSENT_TAG[view.consentState];
  return (
    <>
      <div className="plan-top">
        <div className="plan-top-facts">
          <Heading level="2" size="small">
            Individuell plan
          </Heading>
          <Tag size="small" variant={consent.variant}>
            {consent.text}
          </Tag>
          <span>
            Planperiode {formatDate(plan.period.from)}–{formatDate(plan.period.to)}
          </span>
          <span>
            Neste revisjon:{' '}
            {view.revision.overdue[0] ? (
              <DueDate window="plan" due={view.revision.overdue[0]} today={today} />
            ) : view.revision.next ? (
              <DueDate window="plan" due={view.revision.next} today={today} />
            ) : (
              <span className="muted">ikke satt</span>
            )}
          </span>
        </div>
        <div className="plan-top-actions">
          <Button size="small" variant="secondary" onClick={() => open({ kind: 'revision' })}>
            Gjennomfør revisjon
          </Button>
          <Button
            size="small"
            icon={<PrinterSmallIcon aria-hidden />}
            disabled={!view.print.ok}
            aria-describedby={view.print.ok ? undefined : 'plan-print-reason'}
            onClick={onPrint}
          >
            Skriv ut / PDF
          </Button>
        </div>
      </div>
      {!view.print.ok && (
        <Alert variant="warning" size="small" className="plan-alert" id="plan-print-reason">
          {view.print.reason}.{view.consentState === 'none' ? ' Registrer samtykket under punkt 8.' : ''}
        </Alert>
      )}
      {view.revision.overdue.length > 0 && (
        <Alert variant="warning" size="small" className="plan-alert">
          Revisjonen {view.revision.overdue.map(formatDate).join(', ')} er ikke gjennomført.
        </Alert>
      )}
    </>
  );
}
