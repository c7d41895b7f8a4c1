import { BodyShort, Button, Checkbox, Heading, Select } from '@navikt/ds-react';
import { useEffect, useState } from 'react';
import { noShowContract, type PolicyInput, type TemplateView } from '../../../../shared/contract/no-show';
import { LETTER_FIELD_LABELS, LETTER_FIELDS } from '../../../../shared/domain/letter-template';
import { ATTEMPT_CHANNELS, CHANNEL_LABELS, RECIPIENT_LABELS, type ContactChannel } from '../../../../shared/domain/no-show-policy';
import './no-show.css';
import { useContractMutation, useContractQuery } from '../../api/query';
import { FormError } from '../../components/FormError';
import { CheckboxGroupInput, TextAreaInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';

const NO_TEMPLATES: TemplateView[] = [];

interface PolicyForm {
  attemptsRequired: string;
  daysToFirstContact: string;
  channels: ContactChannel[];
  recipients: string[];
  coordinatorPhone: string;
}
const policyForm = (p: PolicyInput): PolicyForm => ({
  attemptsRequired: String(p.attemptsRequired),
  daysToFirstContact: String(p.daysToFirstContact),
  channels: p.channels,
  recipients: [p.letterToPatient && 'patient', p.letterToReferrer && 'referrer', p.letterToMunicipalCoordinator && 'municipal_coordinator'].filter(
    Boolean,
  ) as string[],
  coordinatorPhone: p.coordinatorPhone,
});
/** A number field's text as a number ('' stays not-a-number, so the schema says it is missing). */
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/** Innstillinger → "Ikke møtt": the follow-up policy (DOMAIN.md §6), local practice kept as a setting. */
export function NoShowPolicySettings() {
  const [saved, setSaved] = useState(false);
  const form = useContractForm({
    method: 'noShow.savePolicy',
    schema: noShowContract['noShow.savePolicy'].input,
    defaultValues: { attemptsRequired: '', daysToFirstContact: '', channels: [], recipients: [], coordinatorPhone: '' } as PolicyForm,
    toInput: (f: PolicyForm) => ({
      attemptsRequired: num(f.attemptsRequired),
      daysToFirstContact: num(f.daysToFirstContact),
      channels: f.channels,
      letterToPatient: f.recipients.includes('patient'),
      letterToReferrer: f.recipients.includes('referrer'),
      letterToMunicipalCoordinator: f.recipients.includes('municipal_coordinator'),
      coordinatorPhone: f.coordinatorPhone,
    }),
    fieldOf: (p) => p.replace(/^channels\.\d+$/, 'channels'),
    onSaved: (value) => {
      form.reset(policyForm(value));
      setSaved(true);
    },
  });
  // The form is filled once from the saved policy; what is typed is not overwritten by later refreshes.
  const policy = useContractQuery('noShow.getPolicy', {}).data;
  const [filled, setFilled] = useState(false);
  const { control, reset } = form;
  useEffect(() => {
    if (!policy || filled) return;
    reset(policyForm(policy));
    setFilled(true);
  }, [policy, filled, reset]);
  if (!filled) return null;

  return (
    <form onSubmit={(e) => (setSaved(false), void form.onSubmit(e))} noValidate aria-label="Regler for ikke møtt" className="ns-settings">
      <BodyShort spacing size="small">
        Før en sak kan avsluttes som «fikk ikke kontakt», må kontaktforsøkene og brevene under være gjort. «Meld til behandler» er alltid mulig.
      </BodyShort>
      <FormError message={form.formError} />
      <div className="form-grid">
        <TextInput control={control} name="attemptsRequired" label="Antall kontaktforsøk" inputMode="numeric" description="Fra 1 til 5" />
        <TextInput control={control} name="daysToFirstContact" label="Dager til første kontakt" inputMode="numeric" description="Kalenderdager etter timen" />
        <CheckboxGroupInput
          control={control}
          name="channels"
          legend="Kanaler for kontaktforsøk"
          description="Brev teller ikke som kontaktforsøk; brevene er et eget krav."
        >
          {ATTEMPT_CHANNELS.map((c) => (
            <Checkbox key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </Checkbox>
          ))}
        </CheckboxGroupInput>
        <CheckboxGroupInput control={control} name="recipients" legend="Brev sendes til">
          {(['patient', 'referrer', 'municipal_coordinator'] as const).map((r) => (
            <Checkbox key={r} value={r}>
              {RECIPIENT_LABELS[r]}
            </Checkbox>
          ))}
        </CheckboxGroupInput>
        <TextInput control={control} name="coordinatorPhone" label="Koordinatorens direktenummer i brev" description="Tomt: enhetens telefonnummer brukes" />
      </div>
      <div className="toolbar" style={{ marginTop: 12 }}>
        <Button type="submit" size="small" loading={form.saving}>
          Lagre regler
        </Button>
        {saved && (
          <BodyShort size="small" role="status">
            Lagret. Fristene i åpne saker er regnet ut på nytt.
          </BodyShort>
        )}
      </div>
    </form>
  );
}

interface TemplateForm {
  label: string;
  address: string;
  subject: string;
  body: string;
}
const toDraft = (t: TemplateView): TemplateForm => ({ label: t.label, address: t.address, subject: t.subject, body: t.paragraphs.join('\n\n') });

/** Innstillinger → "Brevmaler": the three letters, editable, with the shipped text one click away. */
export function LetterTemplateSettings() {
  const [selectedId, setSelectedId] = useState('missed_appointment_patient');
  const [message, setMessage] = useState<string | null>(null);
  const templates = useContractQuery('noShow.listTemplates', {}).data?.templates ?? NO_TEMPLATES;
  const current = templates.find((t) => t.id === selectedId);
  const form = useContractForm({
    method: 'noShow.saveTemplate',
    schema: noShowContract['noShow.saveTemplate'].input,
    defaultValues: { label: '', address: '', subject: '', body: '' },
    toInput: (f: TemplateForm) => ({ id: selectedId, label: f.label, address: f.address, subject: f.subject, paragraphs: f.body.split(/\n\s*\n/) }),
    // Paragraph problems are shown by the body field.
    fieldOf: (p) => (p.startsWith('paragraphs') ? 'body' : p),
    joined: ['body'],
    onSaved: (t) => stored(t, 'Malen er lagret. Nye brev bruker den; brev som er sendt, er uendret.'),
  });
  const { control, reset: resetForm } = form;
  // The draft is filled from the list the first time only: a refresh does not overwrite what is typed.
  const [filled, setFilled] = useState(false);
  useEffect(() => {
    const t = templates.find((x) => x.id === selectedId) ?? templates[0];
    if (filled || !t) return;
    resetForm(toDraft(t));
    setFilled(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [templates]);

  function choose(id: string) {
    setSelectedId(id);
    const t = templates.find((x) => x.id === id);
    if (t) resetForm(toDraft(t));
    setMessage(null);
  }
  function stored(t: TemplateView, text: string) {
    resetForm(toDraft(t));
    setMessage(text);
  }
  const reset = useContractMutation('noShow.resetTemplate');
  async function resetTemplate() {
    if (!current) return;
    const t = await reset.mutateAsync({ id: current.id }).catch(() => null);
    if (t) stored(t, 'Malen har fått tilbake standardteksten.');
  }

  if (!filled || !current) return null;
  return (
    <form onSubmit={(e) => (setMessage(null), void form.onSubmit(e))} noValidate aria-label="Brevmal" className="ns-settings">
      <div className="toolbar">
        <Select size="small" label="Mal" value={selectedId} onChange={(e) => choose(e.target.value)}>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
              {t.modified ? ' (endret)' : ''}
            </option>
          ))}
        </Select>
      </div>
      <BodyShort size="small" className="muted" spacing>
        Brevhodet (enhet, adresse, telefon og koordinator) hentes fra profilen. Mottaker: {RECIPIENT_LABELS[current.recipient]}. Skriv flettefelt som{' '}
        {'{{felt}}'}, og skill avsnitt med en tom linje.
      </BodyShort>
      <div className="form-grid">
        <TextInput control={control} name="label" label="Navn på malen" />
        <TextInput control={control} name="subject" label="Emne" />
        <TextAreaInput control={control} name="address" label="Adressefelt (vinduskonvolutt)" minRows={3} className="span-2" />
        <TextAreaInput control={control} name="body" label="Brevtekst" minRows={14} className="span-2" />
      </div>
      <details className="ns-fields">
        <summary>Flettefelt du kan bruke</summary>
        <Heading level="3" size="xsmall" className="sr-only">
          Flettefelt
        </Heading>
        <dl className="facts">
          {LETTER_FIELDS.map((f) => (
            <div key={f} style={{ display: 'contents' }}>
              <dt className="mono">{`{{${f}}}`}</dt>
              <dd>{LETTER_FIELD_LABELS[f]}</dd>
            </div>
          ))}
        </dl>
      </details>
      <div className="toolbar" style={{ marginTop: 12 }}>
        <Button type="submit" size="small" loading={form.saving}>
          Lagre mal
        </Button>
        <Button type="button" size="small" variant="secondary" onClick={() => void resetTemplate()} disabled={!current.modified}>
          Tilbakestill til standardtekst
        </Button>
        {message && (
          <BodyShort size="small" role="status">
            {message}
          </BodyShort>
        )}
      </div>
    </form>
  );
}
