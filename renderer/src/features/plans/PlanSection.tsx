import { Alert, Button } from '@navikt/ds-react';
import { useRef, useState } from 'react';
import type { PlanViewDto } from '../../../../shared/contract/plans';
import { todayInOslo } from '../../../../shared/domain/time';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { EmptyState } from '../../components/EmptyState';
import { PrintPreview } from '../../components/PrintPreview';
import type { PatientSectionProps } from '../patient/sections';
import { useNewAction } from '../shell/new-action';
import { ConfirmDialog } from './ConfirmDialog';
import { ConsentDialog } from './ConsentDialog';
import { GoalDialog } from './GoalDialog';
import { MeasureDialog, NoteDialog } from './MeasureDialogs';
import { OverviewDialog } from './OverviewDialog';
import { ParticipantDialog } from './ParticipantDialog';
import { RevisionDialog } from './RevisionDialog';
import { VersionDialog } from './PlanReadOnly';
import { PlanConsent } from './PlanConsent';
import { PlanContributions, PlanCooperation, PlanCoordinator, PlanPeriod } from './PlanFrame';
import { PlanGoals } from './PlanGoals';
import { PlanHeader } from './PlanHeader';
import { PlanMeasureProgress, PlanMeasures } from './PlanMeasures';
import { PlanParticipants } from './PlanParticipants';
import { PlanVersions } from './PlanVersions';
import type { PlanDialog } from './plan-parts';
import { versionOf } from './plan-versions';
import './plans.css';

/** The patient's individual plan, reading like the § 19 list: nine sections in order, each editable in place. */
export function PlanSection({ patient }: PatientSectionProps) {
  const patientId = patient.id;
  const query = useContractQuery('plans.get', { patientId });
  const view: PlanViewDto | null | undefined = query.data?.view;
  const error = query.error?.message ?? null;
  const [dialog, setDialog] = useState<PlanDialog | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [print, setPrint] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  const open = (d: PlanDialog) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDialog(d);
  };
  // `n`: the plan itself when there is none, else a new goal.
  useNewAction(
    view ? 'Nytt mål' : 'Opprett individuell plan',
    () => open(view ? { kind: 'goal', item: null } : { kind: 'overview' }),
    view !== undefined && !error,
  );
  const close = () => {
    setDialog(null);
    const el = opener.current;
    if (el?.isConnected) setTimeout(() => el.focus(), 0);
  };

  async function act(request: Promise<{ ok: boolean; error?: { message: string } }>) {
    const res = await request;
    setActionError(res.ok ? null : (res.error?.message ?? 'Noe gikk galt'));
  }

  async function showPrint(versionNo?: number) {
    const res = await call('plans.getPrint', versionNo === undefined ? { patientId } : { patientId, versionNo });
    if (res.ok) setPrint(res.value.html);
    else setActionError(res.error.message);
  }

  if (error)
    return (
      <Alert variant="error" size="small">
        {error}
      </Alert>
    );
  if (view === undefined) return null;
  if (view === null) {
    return (
      <>
        <EmptyState
          title="Ingen individuell plan ennå"
          action={
            <Button size="small" onClick={() => open({ kind: 'overview' })}>
              Opprett individuell plan
            </Button>
          }
        >
          Den individuelle planen er pasientens plan: mål med egne ord, ressurser og behov, tiltak med ansvarlig, og hvem som samarbeider. Planen kan utarbeides
          før samtykke er registrert, men ikke deles eller skrives ut for andre før pasienten har samtykket.
        </EmptyState>
        {dialog?.kind === 'overview' && <OverviewDialog patientId={patientId} plan={null} open onClose={close} />}
      </>
    );
  }

  const { plan } = view;
  const today = todayInOslo();
  const lastRevision = view.revision.lastRevisionOn;

  return (
    <div className="plan">
      <PlanHeader view={view} today={today} open={open} onPrint={() => void showPrint()} />
      {notice && (
        <Alert variant="success" size="small" className="plan-alert" closeButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {actionError && (
        <Alert variant="error" size="small" className="plan-alert" role="alert" closeButton onClose={() => setActionError(null)}>
          {actionError}
        </Alert>
      )}

      <PlanGoals patientId={patientId} plan={plan} open={open} act={act} />
      <PlanParticipants patientId={patientId} plan={plan} open={open} act={act} />
      <PlanCoordinator plan={plan} open={open} />
      <PlanContributions plan={plan} open={open} />
      <PlanMeasures patientId={patientId} view={view} today={today} open={open} act={act} />
      <PlanMeasureProgress plan={plan} open={open} />
      <PlanPeriod plan={plan} lastRevision={lastRevision} today={today} open={open} />
      <PlanConsent view={view} open={open} />
      <PlanCooperation plan={plan} open={open} />
      <PlanVersions view={view} today={today} open={open} />

      {dialog?.kind === 'overview' && <OverviewDialog patientId={patientId} plan={plan} version={view.rowVersions.plan} open onClose={close} />}
      {dialog?.kind === 'participant' && (
        <ParticipantDialog
          patientId={patientId}
          participant={dialog.item}
          version={versionOf(view.rowVersions.participants, dialog.item?.id)}
          open
          onClose={close}
        />
      )}
      {dialog?.kind === 'consent' && <ConsentDialog patientId={patientId} plan={plan} version={view.rowVersions.plan} open onClose={close} />}
      {dialog?.kind === 'goal' && (
        <GoalDialog patientId={patientId} goal={dialog.item} version={versionOf(view.rowVersions.goals, dialog.item?.id)} open onClose={close} />
      )}
      {dialog?.kind === 'measure' && (
        <MeasureDialog
          patientId={patientId}
          plan={plan}
          measure={dialog.item}
          version={view.measureVersions.find((v) => v.measureId === dialog.item?.id)?.version}
          open
          onClose={close}
        />
      )}
      {dialog?.kind === 'note' && <NoteDialog patientId={patientId} measure={dialog.item} open onClose={close} />}
      {dialog?.kind === 'revision' && (
        <RevisionDialog
          patientId={patientId}
          view={view}
          open
          onClose={close}
          onDone={(versionNo) => {
            close();
            setNotice(`Revisjonen er fullført. Planen er tatt vare på som versjon ${versionNo}.`);
          }}
        />
      )}
      {dialog?.kind === 'version' && (
        <VersionDialog
          patientId={patientId}
          versionNo={dialog.versionNo}
          canPrint={view.print.ok}
          printReason={view.print.reason}
          onClose={close}
          onPrint={(versionNo) => {
            setDialog(null);
            void showPrint(versionNo);
          }}
        />
      )}
      {dialog?.kind === 'confirm' && (
        <ConfirmDialog
          text={dialog.text}
          onClose={close}
          onConfirm={() => {
            const action = dialog.action;
            close();
            void action();
          }}
        />
      )}
      <PrintPreview open={print !== null} html={print} heading="Individuell plan" onClose={() => setPrint(null)} />
    </div>
  );
}
