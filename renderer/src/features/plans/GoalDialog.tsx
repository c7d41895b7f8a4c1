import { plansContract } from '../../../../shared/contract/plans';
import type { IndividualPlan as Plan } from '../../../../shared/domain/individual-plan';
import { DateInput, TextAreaInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { useRowVersion } from '../../forms/useRowVersion';
import { freshPlanVersion, versionOf } from './plan-versions';
import { DialogShell } from './PlanDialogShell';

interface GoalForm {
  goal: { text: string; targetDate: string | null };
}

export function GoalDialog({
  patientId,
  goal,
  version: loaded,
  open,
  onClose,
}: {
  patientId: number;
  goal: Plan['goals'][number] | null;
  version?: number | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const { version, onRefused } = useRowVersion(
    loaded,
    open,
    freshPlanVersion(patientId, (v) => versionOf(v.goals, goal?.id)),
  );
  const form = useContractForm({
    method: 'plans.saveGoal',
    schema: plansContract['plans.saveGoal'].input,
    defaultValues: { goal: { text: goal?.text ?? '', targetDate: goal?.targetDate ?? null } },
    toInput: (f: GoalForm) => ({ patientId, goal: { ...(goal ? { id: goal.id, version: version.current } : {}), ...f.goal } }),
    onRefused,
    onSaved: onClose,
  });
  const { control } = form;
  return (
    <DialogShell form={form} open={open} onClose={onClose} heading={goal ? 'Endre mål' : 'Nytt mål'} submitLabel="Lagre mål">
      <TextAreaInput control={control} name="goal.text" label="Målet" description="Med pasientens egne ord" minRows={2} />
      <DateInput control={control} name="goal.targetDate" label="Måldato" description="Når målet skal være nådd (valgfritt)" />
    </DialogShell>
  );
}
