import { plansContract } from '../../../../shared/contract/plans';
import type { IndividualPlan as Plan } from '../../../../shared/domain/individual-plan';
import { TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { useRowVersion } from '../../forms/useRowVersion';
import { freshPlanVersion, versionOf } from './plan-versions';
import { DialogShell } from './PlanDialogShell';

interface ParticipantForm {
  participant: { name: string; role: string; organisation: string };
}

export function ParticipantDialog({
  patientId,
  participant,
  version: loaded,
  open,
  onClose,
}: {
  patientId: number;
  participant: Plan['participants'][number] | null;
  version?: number | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const { version, onRefused } = useRowVersion(
    loaded,
    open,
    freshPlanVersion(patientId, (v) => versionOf(v.participants, participant?.id)),
  );
  const form = useContractForm({
    method: 'plans.saveParticipant',
    schema: plansContract['plans.saveParticipant'].input,
    defaultValues: { participant: { name: participant?.name ?? '', role: participant?.role ?? '', organisation: participant?.organisation ?? '' } },
    toInput: (f: ParticipantForm) => ({
      patientId,
      participant: { ...(participant ? { id: participant.id, version: version.current } : {}), ...f.participant },
    }),
    onRefused,
    onSaved: onClose,
  });
  const { control } = form;
  return (
    <DialogShell form={form} open={open} onClose={onClose} heading={participant ? 'Endre deltaker' : 'Ny deltaker'} submitLabel="Lagre deltaker" width="small">
      <TextInput control={control} name="participant.name" label="Navn" />
      <TextInput control={control} name="participant.role" label="Rolle" description="F.eks. pasient, pårørende, fastlege, NAV-veileder" />
      <TextInput control={control} name="participant.organisation" label="Virksomhet" />
    </DialogShell>
  );
}
