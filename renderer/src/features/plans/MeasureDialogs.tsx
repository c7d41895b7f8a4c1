import { useRef } from 'react';
import { plansContract } from '../../../../shared/contract/plans';
import type { IndividualPlan as Plan, PlanMeasure } from '../../../../shared/domain/individual-plan';
import { callOrThrow } from '../../api/query';
import { DateInput, SelectInput, TextAreaInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { todayInOslo } from '../../../../shared/domain/time';
import { DialogShell } from './PlanDialogShell';

/** A measure (create and edit) and a progress note on it. */

interface MeasureForm {
  measure: { what: string; scope: string; howCarriedOut: string; responsible: string; startDate: string | null; dueDate: string | null; goalId: string };
}

export function MeasureDialog({
  patientId,
  plan,
  measure,
  version: loadedVersion,
  open,
  onClose,
}: {
  patientId: number;
  plan: Plan;
  measure: PlanMeasure | null;
  version?: number;
  open: boolean;
  onClose: () => void;
}) {
  // The row version this form edits. After a conflict (someone saved in between) it moves to theirs, so saving
  // again replaces their change with what was typed here, knowingly.
  const version = useRef(loadedVersion);
  const form = useContractForm({
    method: 'plans.saveMeasure',
    schema: plansContract['plans.saveMeasure'].input,
    defaultValues: {
      measure: {
        what: measure?.what ?? '',
        scope: measure?.scope ?? '',
        howCarriedOut: measure?.howCarriedOut ?? '',
        responsible: measure?.responsible ?? '',
        startDate: measure?.startDate ?? null,
        dueDate: measure?.dueDate ?? null,
        goalId: measure?.goalId != null ? String(measure.goalId) : '',
      },
    },
    toInput: ({ measure: m }: MeasureForm) => ({
      patientId,
      measure: {
        ...(measure ? { id: measure.id } : {}),
        ...m,
        goalId: m.goalId === '' ? null : Number(m.goalId),
        ...(measure && version.current !== undefined ? { version: version.current } : {}),
      },
    }),
    onRefused: (error) => {
      if (error.code === 'conflict' && measure) {
        void callOrThrow('plans.get', { patientId }).then(
          (fresh) => (version.current = fresh.view?.measureVersions.find((v) => v.measureId === measure.id)?.version),
          () => undefined,
        );
      }
      return error;
    },
    onSaved: onClose,
  });
  const { control } = form;
  return (
    <DialogShell form={form} open={open} onClose={onClose} heading={measure ? 'Endre tiltak' : 'Nytt tiltak'} submitLabel="Lagre tiltak" width={720}>
      <TextInput control={control} name="measure.what" label="Tiltak" description="Hva skal gjøres" />
      <div className="form-grid">
        <TextInput control={control} name="measure.scope" label="Omfang" description="F.eks. 1 time per uke" />
        <TextInput control={control} name="measure.responsible" label="Ansvarlig" description="Person eller tjeneste" />
        <DateInput control={control} name="measure.startDate" label="Start" />
        <DateInput control={control} name="measure.dueDate" label="Frist" />
      </div>
      <TextAreaInput control={control} name="measure.howCarriedOut" label="Hvordan tiltaket gjennomføres" minRows={2} />
      <SelectInput control={control} name="measure.goalId" label="Knyttet til mål">
        <option value="">Ikke knyttet til et mål</option>
        {plan.goals.map((g) => (
          <option key={g.id} value={g.id}>
            {g.text}
          </option>
        ))}
      </SelectInput>
    </DialogShell>
  );
}

// ---------------------------------------------------------------------------
// Progress note
// ---------------------------------------------------------------------------

interface NoteForm {
  date: string | null;
  text: string;
}

export function NoteDialog({ patientId, measure, open, onClose }: { patientId: number; measure: PlanMeasure; open: boolean; onClose: () => void }) {
  const form = useContractForm({
    method: 'plans.addProgressNote',
    schema: plansContract['plans.addProgressNote'].input,
    defaultValues: { date: todayInOslo(), text: '' },
    toInput: (f: NoteForm) => ({ patientId, measureId: measure.id, date: f.date ?? '', text: f.text }),
    onSaved: onClose,
  });
  const { control } = form;
  return (
    <DialogShell form={form} open={open} onClose={onClose} heading="Nytt fremdriftsnotat" submitLabel="Lagre notat">
      <p className="muted" style={{ margin: 0 }}>
        Tiltak: {measure.what}
      </p>
      <DateInput control={control} name="date" label="Dato" />
      <TextAreaInput control={control} name="text" label="Notat" minRows={3} />
    </DialogShell>
  );
}
