import { Radio } from '@navikt/ds-react';
import { plansContract, type PlanViewDto } from '../../../../shared/contract/plans';
import type { IndividualPlan as Plan } from '../../../../shared/domain/individual-plan';
import { GOAL_RESULTS, GOAL_RESULT_LABELS, type GoalResult } from '../../../../shared/domain/plan-revision';
import { DateInput, RadioGroupInput, TextAreaInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { useRowVersion } from '../../forms/useRowVersion';
import { freshPlanVersion } from './plan-versions';
import { todayInOslo } from '../../../../shared/domain/time';
import { DialogShell } from './PlanDialogShell';

/** Revision: evaluate every goal, keep a version. */

interface RevisionForm {
  heldOn: string | null;
  nextRevisionDate: string | null;
  /** By goal ('g' + id, so no path reads as a list index): the result chosen ('' none yet) and a note. */
  goals: Record<string, { result: GoalResult | ''; note: string }>;
}

export function RevisionDialog({
  patientId,
  view,
  open,
  onClose,
  onDone,
}: {
  patientId: number;
  view: PlanViewDto;
  open: boolean;
  onClose: () => void;
  onDone: (versionNo: number) => void;
}) {
  const { plan } = view;
  // The revision keeps the plan as it was shown: a plan changed since the dialog opened refuses it.
  const { version, onRefused } = useRowVersion(
    view.rowVersions.plan,
    open,
    freshPlanVersion(patientId, (v) => v.plan),
  );
  const evaluated = (f: RevisionForm) => plan.goals.filter((g) => f.goals[`g${g.id}`]?.result);
  const form = useContractForm({
    method: 'plans.finishRevision',
    schema: plansContract['plans.finishRevision'].input,
    defaultValues: {
      heldOn: todayInOslo(),
      nextRevisionDate: null,
      goals: Object.fromEntries(plan.goals.map((g) => [`g${g.id}`, { result: '' as GoalResult | '', note: '' }])),
    },
    toInput: (f: RevisionForm) => ({
      patientId,
      heldOn: f.heldOn ?? '',
      nextRevisionDate: f.nextRevisionDate,
      evaluations: evaluated(f).map((g) => ({ goalId: g.id, result: f.goals[`g${g.id}`]!.result as GoalResult, note: f.goals[`g${g.id}`]!.note })),
      version: version.current,
    }),
    onRefused,
    // The server names a goal without a result 'goals.<id>'; the N-th evaluation is the N-th goal with a result.
    fieldOf: (p): string => {
      const goal = /^goals\.(\d+)$/.exec(p);
      if (goal) return `goals.g${goal[1]}.result`;
      const ev = /^evaluations\.(\d+)\.(result|note)$/.exec(p);
      const g: Plan['goals'][number] | undefined = ev ? evaluated(form.getValues() as RevisionForm)[Number(ev[1])] : undefined;
      return g ? `goals.g${g.id}.${ev![2]}` : p;
    },
    onSaved: (v) => onDone(v.versionNo),
  });
  const { control } = form;
  return (
    <DialogShell form={form} open={open} onClose={onClose} heading="Revisjon av planen" submitLabel="Fullfør revisjon" width={760}>
      <p style={{ margin: 0 }}>Vurder hvert mål sammen med pasienten. Når revisjonen fullføres, tas det vare på en versjon av hele planen slik den er nå.</p>
      <div className="form-grid">
        <DateInput control={control} name="heldOn" label="Revisjonen ble holdt" />
        <DateInput control={control} name="nextRevisionDate" label="Neste revisjon" description="Valgfritt – legges til i planens revisjonsdatoer" />
      </div>
      {plan.goals.length === 0 && <p className="muted">Planen har ingen mål å evaluere.</p>}
      {plan.goals.map((g, i) => (
        <fieldset key={g.id} className="plan-eval">
          <legend>
            Mål {i + 1}: «{g.text}»
          </legend>
          <RadioGroupInput control={control} name={`goals.g${g.id}.result`} legend="Resultat">
            <div className="plan-radios">
              {GOAL_RESULTS.map((r) => (
                <Radio key={r} value={r}>
                  {GOAL_RESULT_LABELS[r]}
                </Radio>
              ))}
            </div>
          </RadioGroupInput>
          <TextAreaInput control={control} name={`goals.g${g.id}.note`} label="Merknad" minRows={1} />
        </fieldset>
      ))}
    </DialogShell>
  );
}
