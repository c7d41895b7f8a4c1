import { Button, Checkbox, CheckboxGroup, Radio, RadioGroup, Select, Textarea, TextField } from '@navikt/ds-react';
import { useMemo, useState, type FormEvent } from 'react';
import type { Envelope, RpcError } from '../../../../shared/contract';
import type { Contact } from '../../../../shared/contract/contacts';
import type { PlanViewDto } from '../../../../shared/contract/plans';
import type { IndividualPlan, PlanMeasure } from '../../../../shared/domain/individual-plan';
import { GOAL_RESULTS, GOAL_RESULT_LABELS, type GoalResult } from '../../../../shared/domain/plan-revision';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { DateField } from '../../components/DateField';
import { formMessage } from '../../api/field-errors';
import { fieldErrors } from './plan-ui';
import { FormModal, type FormModalProps } from '../../components/FormDialog';
import { todayInOslo } from '../../../../shared/domain/time';

type Plan = IndividualPlan;

/** Saving state shared by every plan dialog: field errors next to fields, a general error on top. */
function useSave() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  async function run<T>(request: () => Promise<Envelope<T>>, onOk: (value: T) => void, strip?: RegExp, onError?: (error: RpcError) => Promise<void>) {
    setSaving(true);
    const res = await request();
    setSaving(false);
    if (res.ok) {
      setErrors({});
      setFormError(null);
      onOk(res.value);
      return;
    }
    setErrors(fieldErrors(res.error, strip));
    setFormError(formMessage(res.error));
    await onError?.(res.error);
  }
  return { errors, formError, saving, run };
}

/** The plan's dialogs are the one form dialog, with the plan's field layout inside. */
function DialogShell({ onSubmit, width = 640, children, ...rest }: Omit<FormModalProps, 'onSubmit'> & { onSubmit: () => void }) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <FormModal {...rest} label={rest.heading} width={width} onSubmit={submit}>
      <div className="plan-form">{children}</div>
    </FormModal>
  );
}

// ---------------------------------------------------------------------------
// Overview: period, revision dates, coordinator, contributions, cooperation (create and edit)
// ---------------------------------------------------------------------------

export function OverviewDialog({ patientId, plan, open, onClose }: { patientId: number; plan: Plan | null; open: boolean; onClose: () => void }) {
  // The coordinator is usually municipal: offer the directory's municipal coordinators and coordinating units.
  const municipal = useContractQuery('contacts.list', { role: 'municipal_coordinator', limit: 200 }).data?.rows;
  const units = useContractQuery('contacts.list', { role: 'coordinating_unit', limit: 200 }).data?.rows;
  const contacts: Contact[] = useMemo(() => [...(municipal ?? []), ...(units ?? [])], [municipal, units]);
  const [form, setForm] = useState(() => ({
    contactId: plan?.coordinator.contactId ?? null,
    from: plan?.period.from ?? (todayInOslo() as string | null),
    to: plan?.period.to ?? null,
    revisionDates: (plan?.revisionDates ?? []) as (string | null)[],
    coordinatorName: plan?.coordinator.name ?? '',
    coordinatorOrganisation: plan?.coordinator.organisation ?? '',
    cooperation: plan?.cooperation ?? '',
    patient: plan?.contributions.patient ?? '',
    services: plan?.contributions.services ?? '',
    relatives: plan?.contributions.relatives ?? '',
  }));
  const { errors, formError, saving, run } = useSave();
  type F = typeof form;
  const set = <K extends keyof F>(k: K, v: F[K]) => setForm((f) => ({ ...f, [k]: v }));
  const revisionDates = form.revisionDates.length === 0 ? [null] : form.revisionDates;

  const save = () =>
    run(
      () =>
        call('plans.save', {
          patientId,
          period: { from: form.from ?? '', to: form.to ?? '' },
          revisionDates: revisionDates.filter((d): d is string => d !== null),
          coordinator: { name: form.coordinatorName, organisation: form.coordinatorOrganisation, contactId: form.contactId },
          cooperation: form.cooperation,
          contributions: { patient: form.patient, services: form.services, relatives: form.relatives },
        }),
      onClose,
    );

  return (
    <DialogShell
      open={open}
      onClose={onClose}
      heading={plan ? 'Rediger planens rammer' : 'Opprett individuell plan'}
      submitLabel={plan ? 'Lagre' : 'Opprett plan'}
      saving={saving}
      formError={formError}
      errors={errors}
      onSubmit={() => void save()}
      width={720}
    >
      <fieldset className="plain">
        <legend className="aksel-label">Planperiode og revisjon</legend>
        <div className="form-grid">
          <DateField label="Planperiode fra" value={form.from} onChange={(v) => set('from', v)} error={errors['period.from']} />
          <DateField label="Planperiode til" value={form.to} onChange={(v) => set('to', v)} error={errors['period.to']} />
          {revisionDates.map((d, i) => (
            <DateField
              key={i}
              label={revisionDates.length > 1 ? `Revisjonsdato ${i + 1}` : 'Revisjonsdato'}
              value={d}
              onChange={(v) => set('revisionDates', revisionDates.map((x, j) => (j === i ? v : x)))}
              error={errors[`revisionDates.${i}`]}
            />
          ))}
          <div style={{ alignSelf: 'end' }}>
            <Button type="button" size="xsmall" variant="tertiary" onClick={() => set('revisionDates', [...revisionDates, null])}>
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
              value={form.contactId === null ? '' : String(form.contactId)}
              onChange={(e) => {
                const c = contacts.find((x) => String(x.id) === e.target.value);
                setForm((f) => (c ? { ...f, contactId: c.id, coordinatorName: c.name, coordinatorOrganisation: c.organisation } : { ...f, contactId: null }));
              }}
              error={errors['coordinator.contactId']}
            >
              <option value="">Skriv inn selv</option>
              {contacts.map((c) => (
                <option key={c.id} value={c.id}>
                  {[c.name, c.organisation, c.municipalityName].filter(Boolean).join(' – ')}
                </option>
              ))}
            </Select>
          )}
          <TextField
            size="small"
            label="Koordinatorens navn"
            value={form.coordinatorName}
            onChange={(e) => {
              const v = e.target.value;
              setForm((f) => ({ ...f, coordinatorName: v, contactId: null }));
            }}
            error={errors['coordinator.name']}
          />
          <TextField
            size="small"
            label="Virksomhet"
            description="Ofte koordinerende enhet i kommunen"
            value={form.coordinatorOrganisation}
            onChange={(e) => {
              const v = e.target.value;
              setForm((f) => ({ ...f, coordinatorOrganisation: v, contactId: null }));
            }}
            error={errors['coordinator.organisation']}
          />
        </div>
      </fieldset>
      <fieldset className="plain">
        <legend className="aksel-label">Bidrag</legend>
        <Textarea size="small" label="Hva pasienten bidrar med" minRows={2} value={form.patient} onChange={(e) => set('patient', e.target.value)} error={errors['contributions.patient']} />
        <Textarea size="small" label="Hva tjenestene bidrar med" minRows={2} value={form.services} onChange={(e) => set('services', e.target.value)} error={errors['contributions.services']} />
        <Textarea size="small" label="Hva pårørende bidrar med" minRows={2} value={form.relatives} onChange={(e) => set('relatives', e.target.value)} error={errors['contributions.relatives']} />
      </fieldset>
      <Textarea size="small" label="Samarbeid med andre tjenester" minRows={2} value={form.cooperation} onChange={(e) => set('cooperation', e.target.value)} error={errors.cooperation} />
    </DialogShell>
  );
}

// ---------------------------------------------------------------------------
// Participant
// ---------------------------------------------------------------------------

export function ParticipantDialog({ patientId, participant, open, onClose }: { patientId: number; participant: Plan['participants'][number] | null; open: boolean; onClose: () => void }) {
  const [form, setForm] = useState({ name: participant?.name ?? '', role: participant?.role ?? '', organisation: participant?.organisation ?? '' });
  const { errors, formError, saving, run } = useSave();
  const save = () =>
    run(() => call('plans.saveParticipant', { patientId, participant: { ...(participant ? { id: participant.id } : {}), ...form } }), onClose, /^participant\./);
  return (
    <DialogShell open={open} onClose={onClose} heading={participant ? 'Endre deltaker' : 'Ny deltaker'} submitLabel="Lagre deltaker" saving={saving} formError={formError} errors={errors} onSubmit={() => void save()} width="small">
      <TextField size="small" label="Navn" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={errors.name} />
      <TextField size="small" label="Rolle" description="F.eks. pasient, pårørende, fastlege, NAV-veileder" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })} error={errors.role} />
      <TextField size="small" label="Virksomhet" value={form.organisation} onChange={(e) => setForm({ ...form, organisation: e.target.value })} error={errors.organisation} />
    </DialogShell>
  );
}

// ---------------------------------------------------------------------------
// Consent
// ---------------------------------------------------------------------------

export function ConsentDialog({ patientId, plan, open, onClose }: { patientId: number; plan: Plan; open: boolean; onClose: () => void }) {
  const c = plan.consent;
  const [form, setForm] = useState({
    givenAt: c.givenAt ?? null,
    givenBy: c.givenBy ?? '',
    covers: c.coversParticipantIds.map(String),
    withdrawnAt: c.withdrawnAt ?? null,
  });
  const { errors, formError, saving, run } = useSave();
  const save = () =>
    run(
      () =>
        call('plans.saveConsent', {
          patientId,
          givenAt: form.givenAt,
          givenBy: form.givenBy,
          coversParticipantIds: form.covers.map(Number),
          withdrawnAt: form.withdrawnAt,
        }),
      onClose,
    );
  return (
    <DialogShell open={open} onClose={onClose} heading="Samtykke" submitLabel="Lagre samtykke" saving={saving} formError={formError} errors={errors} onSubmit={() => void save()}>
      <div className="form-grid">
        <DateField label="Samtykke gitt" value={form.givenAt} onChange={(v) => setForm((f) => ({ ...f, givenAt: v }))} error={errors.givenAt} />
        <TextField size="small" label="Gitt av" description="Pasienten, eller verge/foresatte" value={form.givenBy} onChange={(e) => setForm({ ...form, givenBy: e.target.value })} error={errors.givenBy} />
      </div>
      <CheckboxGroup
        size="small"
        legend="Planen kan deles med"
        description={plan.participants.length === 0 ? 'Legg først til deltakerne i planarbeidet.' : 'Bare deltakerne pasienten har samtykket til.'}
        value={form.covers}
        onChange={(v: string[]) => setForm((f) => ({ ...f, covers: v }))}
        error={errors.coversParticipantIds}
      >
        {plan.participants.map((p) => (
          <Checkbox key={p.id} value={String(p.id)}>
            {p.name} ({[p.role, p.organisation].filter(Boolean).join(', ')})
          </Checkbox>
        ))}
      </CheckboxGroup>
      <DateField label="Trukket tilbake" description="Fylles bare ut hvis pasienten trekker samtykket" value={form.withdrawnAt} onChange={(v) => setForm((f) => ({ ...f, withdrawnAt: v }))} error={errors.withdrawnAt} />
    </DialogShell>
  );
}

// ---------------------------------------------------------------------------
// Goal
// ---------------------------------------------------------------------------

export function GoalDialog({ patientId, goal, open, onClose }: { patientId: number; goal: Plan['goals'][number] | null; open: boolean; onClose: () => void }) {
  const [form, setForm] = useState({ text: goal?.text ?? '', targetDate: goal?.targetDate ?? null });
  const { errors, formError, saving, run } = useSave();
  const save = () => run(() => call('plans.saveGoal', { patientId, goal: { ...(goal ? { id: goal.id } : {}), ...form } }), onClose, /^goal\./);
  return (
    <DialogShell open={open} onClose={onClose} heading={goal ? 'Endre mål' : 'Nytt mål'} submitLabel="Lagre mål" saving={saving} formError={formError} errors={errors} onSubmit={() => void save()}>
      <Textarea size="small" label="Målet" description="Med pasientens egne ord" minRows={2} value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} error={errors.text} />
      <DateField label="Måldato" description="Når målet skal være nådd (valgfritt)" value={form.targetDate} onChange={(v) => setForm((f) => ({ ...f, targetDate: v }))} error={errors.targetDate} />
    </DialogShell>
  );
}

// ---------------------------------------------------------------------------
// Measure
// ---------------------------------------------------------------------------

export function MeasureDialog({ patientId, plan, measure, version: loadedVersion, open, onClose }: { patientId: number; plan: Plan; measure: PlanMeasure | null; version?: number; open: boolean; onClose: () => void }) {
  // The row version this form edits. After a conflict (someone saved in between) it moves to theirs, so saving
  // again replaces their change with what was typed here, knowingly.
  const [version, setVersion] = useState(loadedVersion);
  const [form, setForm] = useState({
    what: measure?.what ?? '',
    scope: measure?.scope ?? '',
    howCarriedOut: measure?.howCarriedOut ?? '',
    responsible: measure?.responsible ?? '',
    startDate: measure?.startDate ?? null,
    dueDate: measure?.dueDate ?? null,
    goalId: measure?.goalId !== undefined ? String(measure.goalId) : '',
  });
  const { errors, formError, saving, run } = useSave();
  type F = typeof form;
  const set = <K extends keyof F>(k: K, v: F[K]) => setForm((f) => ({ ...f, [k]: v }));
  const save = () =>
    run(
      () =>
        call('plans.saveMeasure', {
          patientId,
          measure: {
            ...(measure ? { id: measure.id } : {}),
            what: form.what,
            scope: form.scope,
            howCarriedOut: form.howCarriedOut,
            responsible: form.responsible,
            startDate: form.startDate,
            dueDate: form.dueDate,
            goalId: form.goalId === '' ? null : Number(form.goalId),
            ...(measure && version !== undefined ? { version } : {}),
          },
        }),
      onClose,
      /^measure\./,
      async (error) => {
        if (error.code !== 'conflict' || !measure) return;
        const fresh = await call('plans.get', { patientId });
        if (fresh.ok) setVersion(fresh.value.view?.measureVersions.find((v) => v.measureId === measure.id)?.version);
      },
    );
  return (
    <DialogShell open={open} onClose={onClose} heading={measure ? 'Endre tiltak' : 'Nytt tiltak'} submitLabel="Lagre tiltak" saving={saving} formError={formError} errors={errors} onSubmit={() => void save()} width={720}>
      <TextField size="small" label="Tiltak" description="Hva skal gjøres" value={form.what} onChange={(e) => set('what', e.target.value)} error={errors.what} />
      <div className="form-grid">
        <TextField size="small" label="Omfang" description="F.eks. 1 time per uke" value={form.scope} onChange={(e) => set('scope', e.target.value)} error={errors.scope} />
        <TextField size="small" label="Ansvarlig" description="Person eller tjeneste" value={form.responsible} onChange={(e) => set('responsible', e.target.value)} error={errors.responsible} />
        <DateField label="Start" value={form.startDate} onChange={(v) => set('startDate', v)} error={errors.startDate} />
        <DateField label="Frist" value={form.dueDate} onChange={(v) => set('dueDate', v)} error={errors.dueDate} />
      </div>
      <Textarea size="small" label="Hvordan tiltaket gjennomføres" minRows={2} value={form.howCarriedOut} onChange={(e) => set('howCarriedOut', e.target.value)} error={errors.howCarriedOut} />
      <Select size="small" label="Knyttet til mål" value={form.goalId} onChange={(e) => set('goalId', e.target.value)} error={errors.goalId}>
        <option value="">Ikke knyttet til et mål</option>
        {plan.goals.map((g) => (
          <option key={g.id} value={g.id}>
            {g.text}
          </option>
        ))}
      </Select>
    </DialogShell>
  );
}

// ---------------------------------------------------------------------------
// Progress note
// ---------------------------------------------------------------------------

export function NoteDialog({ patientId, measure, open, onClose }: { patientId: number; measure: PlanMeasure; open: boolean; onClose: () => void }) {
  const [form, setForm] = useState({ date: todayInOslo() as string | null, text: '' });
  const { errors, formError, saving, run } = useSave();
  const save = () => run(() => call('plans.addProgressNote', { patientId, measureId: measure.id, date: form.date ?? '', text: form.text }), onClose);
  return (
    <DialogShell open={open} onClose={onClose} heading="Nytt fremdriftsnotat" submitLabel="Lagre notat" saving={saving} formError={formError} errors={errors} onSubmit={() => void save()}>
      <p className="muted" style={{ margin: 0 }}>
        Tiltak: {measure.what}
      </p>
      <DateField label="Dato" value={form.date} onChange={(v) => setForm((f) => ({ ...f, date: v }))} error={errors.date} />
      <Textarea size="small" label="Notat" minRows={3} value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} error={errors.text} />
    </DialogShell>
  );
}

// ---------------------------------------------------------------------------
// Revision: evaluate every goal, keep a version
// ---------------------------------------------------------------------------

export function RevisionDialog({ patientId, view, open, onClose, onDone }: { patientId: number; view: PlanViewDto; open: boolean; onClose: () => void; onDone: (versionNo: number) => void }) {
  const { plan } = view;
  const [heldOn, setHeldOn] = useState<string | null>(todayInOslo());
  const [next, setNext] = useState<string | null>(null);
  const [evals, setEvals] = useState<Record<number, { result: GoalResult | ''; note: string }>>(() =>
    Object.fromEntries(plan.goals.map((g) => [g.id, { result: '', note: '' }])),
  );
  const { errors, formError, saving, run } = useSave();
  const save = () =>
    run(
      () =>
        call('plans.finishRevision', {
          patientId,
          heldOn: heldOn ?? '',
          nextRevisionDate: next,
          evaluations: plan.goals
            .filter((g) => evals[g.id]?.result)
            .map((g) => ({ goalId: g.id, result: evals[g.id]!.result as GoalResult, note: evals[g.id]!.note })),
        }),
      (v) => onDone(v.versionNo),
    );
  return (
    <DialogShell open={open} onClose={onClose} heading="Revisjon av planen" submitLabel="Fullfør revisjon" saving={saving} formError={formError} errors={errors} onSubmit={() => void save()} width={760}>
      <p style={{ margin: 0 }}>
        Vurder hvert mål sammen med pasienten. Når revisjonen fullføres, tas det vare på en versjon av hele planen slik den er nå.
      </p>
      <div className="form-grid">
        <DateField label="Revisjonen ble holdt" value={heldOn} onChange={setHeldOn} error={errors.heldOn} />
        <DateField label="Neste revisjon" description="Valgfritt – legges til i planens revisjonsdatoer" value={next} onChange={setNext} error={errors.nextRevisionDate} />
      </div>
      {plan.goals.length === 0 && <p className="muted">Planen har ingen mål å evaluere.</p>}
      {plan.goals.map((g, i) => (
        <fieldset key={g.id} className="plan-eval">
          <legend>
            Mål {i + 1}: «{g.text}»
          </legend>
          <RadioGroup
            size="small"
            legend="Resultat"
            value={evals[g.id]?.result ?? ''}
            onChange={(v: GoalResult) => setEvals((e) => ({ ...e, [g.id]: { note: e[g.id]?.note ?? '', result: v } }))}
            error={errors[`goals.${g.id}`]}
          >
            <div className="plan-radios">
              {GOAL_RESULTS.map((r) => (
                <Radio key={r} value={r}>
                  {GOAL_RESULT_LABELS[r]}
                </Radio>
              ))}
            </div>
          </RadioGroup>
          <Textarea
            size="small"
            label="Merknad"
            minRows={1}
            value={evals[g.id]?.note ?? ''}
            onChange={(e) => {
              const note = e.target.value;
              setEvals((x) => ({ ...x, [g.id]: { result: x[g.id]?.result ?? '', note } }));
            }}
          />
        </fieldset>
      ))}
    </DialogShell>
  );
}
