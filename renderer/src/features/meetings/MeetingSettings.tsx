import { Alert, Button, Radio, RadioGroup } from '@navikt/ds-react';
import { useEffect, useState } from 'react';
import {
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  PATIENT_PRINT_PRIVACY,
  PATIENT_PRINT_PRIVACY_LABELS,
  type MeetingKind,
  type PatientPrintPrivacy,
} from '../../../../shared/domain/meetings';
import { call } from '../../api/client';
import { meetingsContract } from '../../../../shared/contract/meetings';
import { useContractMutation, useContractQuery } from '../../api/query';
import { FormError } from '../../components/FormError';
import { SelectInput, TextAreaInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';

/** Innstillinger → Samarbeidsmøter: agenda templates per kind, and what printouts may say about the patient. */
export function MeetingSettings() {
  const [privacy, setPrivacy] = useState<PatientPrintPrivacy>('initials_birth_year');
  const [message, setMessage] = useState<string | null>(null);
  const settings = useContractQuery('meetings.getSettings', {}).data;
  const templates = (settings?.templates ?? null) as Record<MeetingKind, string[]> | null;
  const form = useContractForm({
    method: 'meetings.saveTemplate',
    schema: meetingsContract['meetings.saveTemplate'].input,
    defaultValues: { kind: 'evaluation' as MeetingKind, text: '' },
    toInput: (f: { kind: MeetingKind; text: string }) => ({ kind: f.kind, items: f.text.split('\n') }),
    // A problem with one line is shown by the text field.
    fieldOf: (p) => (p.startsWith('items') ? 'text' : p),
    onSaved: (saved) => {
      form.reset({ kind: saved.kind, text: saved.items.join('\n') });
      setMessage(`Malen for «${MEETING_KIND_LABELS[saved.kind]}» er lagret. Nye møter får denne dagsordenen.`);
    },
  });
  const { control, watch, reset: resetForm } = form;
  const kind = watch('kind');
  // The text follows the chosen kind (filled from the saved templates when the kind changes or they first load).
  const loaded = templates !== null;
  useEffect(() => {
    if (templates) resetForm({ kind, text: templates[kind].join('\n') });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, loaded]);
  useEffect(() => {
    if (settings) setPrivacy(settings.printPrivacy);
  }, [settings]);

  const resetTemplate = useContractMutation('meetings.resetTemplate');
  async function reset() {
    const res = await resetTemplate.mutateAsync({ kind }).catch((e: Error) => e);
    if (res instanceof Error) return setMessage(res.message);
    resetForm({ kind, text: res.items.join('\n') });
    setMessage(`Malen for «${MEETING_KIND_LABELS[kind]}» er satt tilbake til standard.`);
  }
  async function savePrivacy(value: PatientPrintPrivacy) {
    setPrivacy(value);
    const res = await call('meetings.savePrintPrivacy', { printPrivacy: value });
    setMessage(res.ok ? 'Personvernvalget for utskrifter er lagret.' : res.error.message);
  }

  if (!templates) return null;
  return (
    <div style={{ display: 'grid', gap: 16, maxWidth: 640 }}>
      <form onSubmit={(e) => (setMessage(null), void form.onSubmit(e))} noValidate aria-label="Dagsordenmal" style={{ display: 'grid', gap: 8 }}>
        <FormError message={form.formError} />
        <SelectInput control={control} name="kind" label="Dagsordenmal for">
          {MEETING_KINDS.map((k) => (
            <option key={k} value={k}>
              {MEETING_KIND_LABELS[k]}
            </option>
          ))}
        </SelectInput>
        <TextAreaInput
          control={control}
          name="text"
          label="Punkter på dagsordenen"
          description={kind === 'evaluation' ? 'Ett punkt per linje. Standardmalen følger Helsedirektoratets punkter for evaluering.' : 'Ett punkt per linje.'}
          minRows={6}
        />
        <div className="toolbar">
          <Button size="small" type="submit" loading={form.saving}>
            Lagre malen
          </Button>
          <Button size="small" type="button" variant="secondary" onClick={reset}>
            Tilbakestill til standard
          </Button>
        </div>
      </form>
      <RadioGroup
        size="small"
        legend="Pasienten på dagsorden og referat som skrives ut"
        value={privacy}
        onChange={(v: PatientPrintPrivacy) => void savePrivacy(v)}
      >
        {PATIENT_PRINT_PRIVACY.map((p) => (
          <Radio key={p} value={p}>
            {PATIENT_PRINT_PRIVACY_LABELS[p]}
          </Radio>
        ))}
      </RadioGroup>
      {message && (
        <Alert variant="success" size="small" inline role="status">
          {message}
        </Alert>
      )}
    </div>
  );
}
