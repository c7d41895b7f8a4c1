import { Button, Select } from '@navikt/ds-react';
import { useEffect, useMemo } from 'react';
import type { Contact } from '../../../../shared/contract/contacts';
import { plansContract } from '../../../../shared/contract/plans';
import type { IndividualPlan as Plan } from '../../../../shared/domain/individual-plan';
import { useContractQuery } from '../../api/query';
import { DateInput, TextAreaInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { useRowVersion } from '../../forms/useRowVersion';
import { freshPlanVersion } from './plan-versions';
import { todayInOslo } from '../../../../shared/domain/time';
import { DialogShell } from './PlanDialogShell';

/** Overview: period, revision dates, coordinator, contributions, cooperation (create and edit) */

interface OverviewForm {
  period: { from: string | null; to: string | null };
  revisionDates: (string | null)[];
  coordinator: { name: string; organisation: string; contactId: string };
  cooperation: string;
  contributions: { patient: string; services: string; relatives: string };
}

export function OverviewDialog({
  patientId,
  plan,
  version: loaded,
  open,
  onClose,
}: {
  patientId: number;
  plan: Plan | null;
  version?: number | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const { version, onRefused } = useRowVersion(
    loaded,
    open,
    freshPlanVersion(patientId, (v) => v.plan),
  );
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
      ...(plan ? { version: version.current } : {}),
    }),
    onRefused,
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
