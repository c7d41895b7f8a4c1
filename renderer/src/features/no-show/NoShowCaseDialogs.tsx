// The dialogs of one no-show case: recording a contact attempt, and escalating to the clinician.
import { BodyShort } from '@navikt/ds-react';
import { useEffect, useState } from 'react';
import { noShowContract, type PolicyInput } from '../../../../shared/contract/no-show';
import { ATTEMPT_OUTCOME_LABELS, ATTEMPT_OUTCOMES, CHANNEL_LABELS, type AttemptOutcome, type ContactChannel } from '../../../../shared/domain/no-show-policy';
import { callOrThrow, useContractQuery } from '../../api/query';
import { FormDialog } from '../../components/FormDialog';
import { DateInput, SelectInput, TextAreaInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { useRowVersion } from '../../forms/useRowVersion';
import { formatTime, todayInOslo } from '../../../../shared/domain/time';
import './no-show.css';

function useProfileName(): string {
  // The person's own name (their row of person_profile), never the unit's: "Utført av" is who records it.
  return useContractQuery('profile.get', {}).data?.me?.name ?? '';
}

type AttemptForm = { date: string | null; time: string; channel: ContactChannel | ''; outcome: AttemptOutcome | ''; byName: string; note: string };
const freshAttempt = (byName: string): AttemptForm => ({ date: todayInOslo(), time: formatTime(new Date()), channel: '', outcome: '', byName, note: '' });

export function AttemptDialog({ open, onClose, caseId }: { open: boolean; onClose: () => void; caseId: number }) {
  const profileName = useProfileName();
  const policy: PolicyInput | null = useContractQuery('noShow.getPolicy', {}, { enabled: open }).data ?? null;
  // Date pickers keep their own typed state: a new key gives every open a fresh form.
  const [formKey, setFormKey] = useState(0);
  const form = useContractForm({
    method: 'noShow.recordAttempt',
    schema: noShowContract['noShow.recordAttempt'].input,
    defaultValues: freshAttempt(profileName),
    toInput: (f: AttemptForm) => ({
      caseId,
      ...f,
      date: f.date ?? '',
      time: f.time.trim(),
      channel: f.channel as ContactChannel,
      outcome: f.outcome as AttemptOutcome,
    }),
    onSaved: () => onClose(),
  });
  const { reset, control } = form;
  useEffect(() => {
    if (!open) return;
    reset(freshAttempt(profileName));
    setFormKey((k) => k + 1);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, profileName]);

  return (
    <FormDialog
      form={form}
      open={open}
      onClose={onClose}
      heading="Registrer kontaktforsøk"
      label="Registrer kontaktforsøk"
      submitLabel="Lagre kontaktforsøk"
      width={600}
    >
      <div className="form-grid" key={formKey}>
        <DateInput control={control} name="date" label="Dato" />
        <TextInput control={control} name="time" label="Klokkeslett" description="tt:mm" />
        <SelectInput control={control} name="channel" label="Kanal">
          <option value="">Velg kanal</option>
          {(policy?.channels ?? []).map((ch) => (
            <option key={ch} value={ch}>
              {CHANNEL_LABELS[ch]}
            </option>
          ))}
        </SelectInput>
        <SelectInput control={control} name="outcome" label="Utfall">
          <option value="">Velg utfall</option>
          {ATTEMPT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {ATTEMPT_OUTCOME_LABELS[o]}
            </option>
          ))}
        </SelectInput>
        <TextInput control={control} name="byName" label="Utført av" className="span-2" />
        <TextAreaInput
          control={control}
          name="note"
          label="Notat"
          description="Valgfritt. Skriv bare det som trengs for oppfølgingen."
          className="span-2"
          minRows={2}
        />
      </div>
    </FormDialog>
  );
}

export function EscalateDialog({ open, onClose, caseId, version: loaded }: { open: boolean; onClose: () => void; caseId: number; version: number }) {
  const { version, onRefused } = useRowVersion(loaded, open, async () => (await callOrThrow('noShow.get', { id: caseId })).version);
  const form = useContractForm({
    method: 'noShow.escalate',
    schema: noShowContract['noShow.escalate'].input,
    defaultValues: { clinician: '', note: '' },
    toInput: (f: { clinician: string; note: string }) => ({ caseId, ...f, version: version.current }),
    onRefused,
    onSaved: () => onClose(),
  });
  const { control, reset } = form;
  useEffect(() => {
    if (open) reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a fresh form each time it opens
  }, [open]);
  return (
    <FormDialog
      form={form}
      open={open}
      onClose={onClose}
      heading="Meld til behandler"
      label="Meld til behandler"
      submitLabel="Meld til behandler"
      submitVariant="danger"
      width={560}
    >
      <BodyShort spacing size="small">
        Bruk dette når det at pasienten ikke møtte kan være et faresignal. Saken går da til behandler i stedet for vanlig avslutning. Gi også beskjed til
        behandleren direkte.
      </BodyShort>
      <TextInput control={control} name="clinician" label="Behandler" />
      <TextAreaInput control={control} name="note" label="Notat (valgfritt)" minRows={2} style={{ marginTop: 8 }} />
    </FormDialog>
  );
}
