import { BodyShort, Button } from '@navikt/ds-react';
import { useWatch } from 'react-hook-form';
import { assessSchema, RIGHTS_DECISIONS } from '../../../../shared/contract/pathways';
import { rightsIssues, type RightsFacts } from '../../../../shared/domain/rights-assessment';
import { formatDate, todayInOslo } from '../../../../shared/domain/time';
import { FormDialog } from '../../components/FormDialog';
import { DateInput, Options, SelectInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import type { EventDialogTarget } from './EventDialog';

const RIGHTS_LABELS: Record<(typeof RIGHTS_DECISIONS)[number], string> = {
  right: 'Rett til nødvendig helsehjelp (forløpet starter)',
  no_right: 'Ikke rett til nødvendig helsehjelp',
  not_pathway: 'Rett, men ikke et forløp',
};

interface Form {
  assessedOn: string | null;
  rightsDecision: string;
  careKind: string;
  priorityGroup: string;
  careDeadline: string | null;
  severity: string;
  patientInformedOn: string | null;
}

/**
 * The contract's schema plus the decision-dependent checks the server makes (shared/domain/rights-assessment), so
 * every error shows at once before anything is sent.
 */
const schema = assessSchema.superRefine((v, ctx) => {
  for (const issue of rightsIssues(v as RightsFacts, todayInOslo())) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
});

/**
 * "Henvisning vurdert": the rights assessment. Only "right" starts the pathway, so the care kind, the care deadline
 * (with the under-23 limit proposed as a button) and the severity show only for it.
 */
export function AssessDialog({ target, onClose, onSaved }: { target: EventDialogTarget; onClose: () => void; onSaved?: (() => void) | undefined }) {
  const limit = target.careDeadlineLimit ?? null;
  const form = useContractForm({
    method: 'pathways.assess',
    schema,
    defaultValues: {
      assessedOn: target.referralAssessed ?? todayInOslo(),
      rightsDecision: target.rights?.decision ?? '',
      careKind: target.rights?.careKind ?? '',
      priorityGroup: target.rights?.priorityGroup ?? '',
      careDeadline: target.careDeadline ?? null,
      severity: '',
      patientInformedOn: target.rights?.patientInformedOn ?? null,
    } satisfies Form,
    toInput: (f: Form) => {
      const right = f.rightsDecision === 'right';
      return {
        pathwayId: target.pathwayId,
        assessedOn: f.assessedOn ?? '',
        rightsDecision: (f.rightsDecision || undefined) as never,
        careKind: (right ? f.careKind || null : null) as never,
        priorityGroup: f.priorityGroup,
        patientInformedOn: f.patientInformedOn,
        careDeadline: right ? f.careDeadline : null,
        severity: (right ? f.severity || null : null) as never,
      };
    },
    onSaved: () => {
      onSaved?.();
      onClose();
    },
  });
  const { control } = form;
  const decision = useWatch({ control, name: 'rightsDecision' });
  const careDeadline = useWatch({ control, name: 'careDeadline' });

  return (
    <FormDialog form={form} open onClose={onClose} heading="Henvisning vurdert" subheading={target.title} submitLabel="Lagre" width="small">
      <div style={{ display: 'grid', gap: 12 }}>
        <DateInput control={control} name="assessedOn" label="Henvisning vurdert" />
        <SelectInput control={control} name="rightsDecision" label="Rettighetsvurdering">
          <option value="">Velg utfall</option>
          <Options values={RIGHTS_DECISIONS} labels={RIGHTS_LABELS} />
        </SelectInput>
        {decision !== '' && decision !== 'right' && (
          <BodyShort size="small" className="muted">
            Ingen forløpsstart og ingen forløpstid. Henvisningen går ut av arbeidslisten med utfallet registrert.
          </BodyShort>
        )}
        {decision === 'right' && (
          <>
            <SelectInput control={control} name="careKind" label="Retten gjelder">
              <option value="">Velg</option>
              <option value="assessment">Utredning</option>
              <option value="treatment">Behandling</option>
            </SelectInput>
            <TextInput control={control} name="priorityGroup" label="Prioriteringsgruppe (valgfritt)" />
            <DateInput
              control={control}
              name="careDeadline"
              label="Frist for nødvendig helsehjelp"
              description={
                limit
                  ? `Under 23 år: senest ${formatDate(limit.latest)}. ${limit.note}`
                  : 'Den individuelle fristen for helsehjelp (utredning eller behandling).'
              }
            />
            {limit && careDeadline !== limit.latest && (
              <Button
                size="xsmall"
                type="button"
                variant="secondary"
                style={{ justifySelf: 'start' }}
                onClick={() => form.setValue('careDeadline', limit.latest, { shouldDirty: true, shouldValidate: form.formState.submitCount > 0 })}
              >
                Bruk foreslått frist {formatDate(limit.latest)}
              </Button>
            )}
            {target.pathwayType === 'eating_disorder_child' && (
              <SelectInput control={control} name="severity" label="Alvorlighet">
                <option value="">Ikke vurdert (strengeste forløpstid brukes)</option>
                <option value="severe">Alvorlig tilstand</option>
                <option value="less_severe">Mindre alvorlig tilstand</option>
              </SelectInput>
            )}
          </>
        )}
        <DateInput control={control} name="patientInformedOn" label="Pasienten informert (valgfritt)" />
      </div>
    </FormDialog>
  );
}
