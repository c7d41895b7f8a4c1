import { Button, Checkbox, Radio, Select } from '@navikt/ds-react';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { Contact } from '../../../../shared/contract/contacts';
import { plansContract, type PlanViewDto } from '../../../../shared/contract/plans';
import type { IndividualPlan, PlanMeasure } from '../../../../shared/domain/individual-plan';
import { GOAL_RESULTS, GOAL_RESULT_LABELS, type GoalResult } from '../../../../shared/domain/plan-revision';
import { callOrThrow, useContractQuery } from '../../api/query';
import { FormDialog } from '../../components/FormDialog';
import { CheckboxGroupInput, DateInput, RadioGroupInput, SelectInput, TextAreaInput, TextInput } from '../../forms/fields';
import { useContractForm, type ContractForm } from '../../forms/useContractForm';
import { todayInOslo } from '../../../../shared/domain/time';

type Plan = IndividualPlan;

/** The plan's dialogs are the one form dialog, with the plan's field layout inside. */
function DialogShell<F extends FieldValues>(props: {
  form: ContractForm<F>;
  open: boolean;
  onClose: () => void;
  heading: string;
  submitLabel: string;
  width?: 'small' | 'medium' | number;
  children: ReactNode;
}) {
  const { children, width = 640, ...rest } = props;
  return (
    <FormDialog {...rest} label={rest.heading} width={width}>
      <div className="plan-form">{children}</div>
    </FormDialog>
  );
}

// ---------------------------------------------------------------------------
// Overview: period, revision dates, coordinator, contributions, cooperation (create and edit)
// ---------------------------------------------------------------------------

interface OverviewForm {
  period: { from: string | null; to: string | null };
  revisionDates: (string | null)[];
  coordinator: { name: string; organisation: string; contactId: string };
  cooperation: string;
  contributions: { patient: string; services: string; relatives: string };
}

export function OverviewDialog({ patientId, plan, open, onClose }: { patientId: number; plan: Plan | null; open: boolean; onClose: () => void }) {
  // The coordinator is usually municipal: offer the directory's municipal coordinators and coordinating units.
  const municipal = useContractQuery('contacts.list', { role: 'municipal_coordinator', limit: 200 }).data?.rows;
  const units = useContractQuery('contacts.list', { role: 'coordinating_unit', limit: 200 }).data?.rows;
  const contacts: Contact[] = useMemo(() => [...(municipal ?? []), ...(units ?? [])], [municipal, units]);
  const form = useContractForm({
    method: 'plans.save',
    schema: plansContract['plans.save'].input,
    defaultValues: {
      period: { from: plan?.period.from ?? todayInOslo(), to: plan?.period.to ?? null },
      revisionDates: (plan?.revisionDates.length ? plan.revisionDates : [null]) as (string | null)[],
      coordinator: {
        name: plan?.coordinator.name ?? '',
        organisation: plan?.coordinator.organisation ?? '',
        contactId: plan?.coordinator.contactId == null ? '' : String(plan.coordinator.contactId),
      },
      cooperation: plan?.cooperation ?? '',
      contributions: {
        patient: plan?.contributions.patient ?? '',
        services: plan?.contributions.services ?? '',
        relatives: plan?.contributions.relatives ?? '',
      },
    },
    toInput: (f: OverviewForm) => ({
      patientId,
      period: { from: f.period.from ?? '', to: f.period.to ?? '' },
      revisionDates: f.revisionDates.filter((d): d is string => d !== null),
      coordinator: {
        name: f.coordinator.name,
        organisation: f.coordinator.organisation,
        contactId: f.coordinator.contactId === '' ? null : Number(f.coordinator.contactId),
      },
      cooperation: f.cooperation,
      contributions: f.contributions,
    }),
    onSaved: onClose,
  });
  const { control, setValue, watch } = form;
  // Typing a coordinator by hand leaves the directory's choice; choosing one fills in the name and organisation.
  useEffect(() => {
    const sub = watch((_, { name, type }) => {
      if (type === 'change' && (name === 'coordinator.name' || name === 'coordinator.organisation')) setValue('coordinator.contactId', '');
    });
    return () => sub.unsubscribe();
  }, [watch, setValue]);
  const revisionDates = watch('revisionDates');
  const contactId = watch('coordinator.contactId');

  return (
    <DialogShell
      form={form}
      open={open}
      onClose={onClose}
      heading={plan ? 'Rediger planens rammer' : 'Opprett individuell plan'}
      submitLabel={plan ? 'Lagre' : 'Opprett plan'}
      width={720}
    >
      <fieldset className="plain">
        <legend className="aksel-label">Planperiode og revisjon</legend>
        <div className="form-grid">
          <DateInput control={control} name="period.from" label="Planperiode fra" />
          <DateInput control={control} name="period.to" label="Planperiode til" />
          {revisionDates.map((_, i) => (
            <DateInput key={i} control={control} name={`revisionDates.${i}`} label={revisionDates.length > 1 ? `Revisjonsdato ${i + 1}` : 'Revisjonsdato'} />
          ))}
          <div style={{ alignSelf: 'end' }}>
            <Button type="button" size="xsmall" variant="tertiary" onClick={() => setValue('revisionDates', [...revisionDates, null])}>
              + Legg til revisjonsdato
            </Button>
          </div>
        </div>
      </fieldset>
      <fieldset className="plain">
        <legend className="aksel-label">Koordinator</legend>
        <div className="form-grid">
          {contacts.length > 0 && (
            <Select
              size="small"
              label="Velg fra kontaktlisten"
              className="span-2"
              value={contactId}
              onChange={(e) => {
                const c = contacts.find((x) => String(x.id) === e.target.value);
                setValue('coordinator.contactId', c ? String(c.id) : '');
                if (c) {
                  setValue('coordinator.name', c.name);
                  setValue('coordinator.organisation', c.organisation);
                }
              }}
              error={form.formState.errors.coordinator?.contactId?.message}
            >
              <option value="">Skriv inn selv</option>
              {contacts.map((c) => (
                <option key={c.id} value={c.id}>
                  {[c.name, c.organisation, c.municipalityName].filter(Boolean).join(' – ')}
                </option>
              ))}
            </Select>
          )}
          <TextInput control={control} name="coordinator.name" label="Koordinatorens navn" />
          <TextInput control={control} name="coordinator.organisation" label="Virksomhet" description="Ofte koordinerende enhet i kommunen" />
        </div>
      </fieldset>
      <fieldset className="plain">
        <legend className="aksel-label">Bidrag</legend>
        <TextAreaInput control={control} name="contributions.patient" label="Hva pasienten bidrar med" minRows={2} />
        <TextAreaInput control={control} name="contributions.services" label="Hva tjenestene bidrar med" minRows={2} />
        <TextAreaInput control={control} name="contributions.relatives" label="Hva pårørende bidrar med" minRows={2} />
      </fieldset>
      <TextAreaInput control={control} name="cooperation" label="Samarbeid med andre tjenester" minRows={2} />
    </DialogShell>
  );
}

// ---------------------------------------------------------------------------
// Participant
// ---------------------------------------------------------------------------

interface ParticipantForm {
  participant: { name: string; role: string; organisation: string };
}

export function ParticipantDialog({
  patientId,
  participant,
  open,
  onClose,
}: {
  patientId: number;
  participant: Plan['participants'][number] | null;
  open: boolean;
  onClose: () => void;
}) {
  const form = useContractForm({
    method: 'plans.saveParticipant',
    schema: plansContract['plans.saveParticipant'].input,
    defaultValues: { participant: { name: participant?.name ?? '', role: participant?.role ?? '', organisation: participant?.organisation ?? '' } },
    toInput: (f: ParticipantForm) => ({ patientId, participant: { ...(participant ? { id: participant.id } : {}), ...f.participant } }),
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

// ---------------------------------------------------------------------------
// Consent
// ---------------------------------------------------------------------------

interface ConsentForm {
  givenAt: string | null;
  givenBy: string;
  coversParticipantIds: string[];
  withdrawnAt: string | null;
}

export function ConsentDialog({ patientId, plan, open, onClose }: { patientId: number; plan: Plan; open: boolean; onClose: () => void }) {
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
    }),
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

// ---------------------------------------------------------------------------
// Goal
// ---------------------------------------------------------------------------

interface GoalForm {
  goal: { text: string; targetDate: string | null };
}

export function GoalDialog({ patientId, goal, open, onClose }: { patientId: number; goal: Plan['goals'][number] | null; open: boolean; onClose: () => void }) {
  const form = useContractForm({
    method: 'plans.saveGoal',
    schema: plansContract['plans.saveGoal'].input,
    defaultValues: { goal: { text: goal?.text ?? '', targetDate: goal?.targetDate ?? null } },
    toInput: (f: GoalForm) => ({ patientId, goal: { ...(goal ? { id: goal.id } : {}), ...f.goal } }),
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

// ---------------------------------------------------------------------------
// Measure
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Revision: evaluate every goal, keep a version
// ---------------------------------------------------------------------------

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
    }),
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
