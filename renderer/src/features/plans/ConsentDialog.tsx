import { Checkbox } from '@navikt/ds-react';
import { plansContract } from '../../../../shared/contract/plans';
import type { IndividualPlan as Plan } from '../../../../shared/domain/individual-plan';
import { CheckboxGroupInput, DateInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { useRowVersion } from '../../forms/useRowVersion';
import { freshPlanVersion } from './plan-versions';
import { DialogShell } from './PlanDialogShell';

interface ConsentForm {
  givenAt: string | null;
  givenBy: string;
  coversParticipantIds: string[];
  withdrawnAt: string | null;
}

export function ConsentDialog({
  patientId,
  plan,
  version: loaded,
  open,
  onClose,
}: {
  patientId: number;
  plan: Plan;
  version: number;
  open: boolean;
  onClose: () => void;
}) {
  const { version, onRefused } = useRowVersion(
    loaded,
    open,
    freshPlanVersion(patientId, (v) => v.plan),
  );
  const c = plan.consent;
  const form = useContractForm({
    method: 'plans.saveConsent',
    schema: plansContract['plans.saveConsent'].input,
    defaultValues: {
      givenAt: c.givenAt ?? null,
      givenBy: c.givenBy ?? '',
      coversParticipantIds: c.coversParticipantIds.map(String),
      withdrawnAt: c.withdrawnAt ?? null,
    },
    toInput: (f: ConsentForm) => ({
      patientId,
      givenAt: f.givenAt,
      givenBy: f.givenBy,
      coversParticipantIds: f.coversParticipantIds.map(Number),
      withdrawnAt: f.withdrawnAt,
      version: version.current,
    }),
    onRefused,
    // An issue about one of the chosen participants belongs to the group.
    fieldOf: (p) => p.replace(/^coversParticipantIds\.\d+$/, 'coversParticipantIds'),
    onSaved: onClose,
  });
  const { control } = form;
  return (
    <DialogShell form={form} open={open} onClose={onClose} heading="Samtykke" submitLabel="Lagre samtykke">
      <div className="form-grid">
        <DateInput control={control} name="givenAt" label="Samtykke gitt" />
        <TextInput control={control} name="givenBy" label="Gitt av" description="Pasienten, eller verge/foresatte" />
      </div>
      <CheckboxGroupInput
        control={control}
        name="coversParticipantIds"
        legend="Planen kan deles med"
        description={plan.participants.length === 0 ? 'Legg først til deltakerne i planarbeidet.' : 'Bare deltakerne pasienten har samtykket til.'}
      >
        {plan.participants.map((p) => (
          <Checkbox key={p.id} value={String(p.id)}>
            {p.name} ({[p.role, p.organisation].filter(Boolean).join(', ')})
          </Checkbox>
        ))}
      </CheckboxGroupInput>
      <DateInput control={control} name="withdrawnAt" label="Trukket tilbake" description="Fylles bare ut hvis pasienten trekker samtykket" />
    </DialogShell>
  );
}
