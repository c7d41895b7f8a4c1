import { Alert, BodyShort, Button, Checkbox, CheckboxGroup, Heading, Select, Textarea, TextField } from '@navikt/ds-react';
import { useEffect, useState, type FormEvent } from 'react';
import type { PolicyInput, TemplateView } from '../../../../shared/contract/no-show';
import { LETTER_FIELD_LABELS, LETTER_FIELDS } from '../../../../shared/domain/letter-template';
import { ATTEMPT_CHANNELS, CHANNEL_LABELS, RECIPIENT_LABELS, type ContactChannel } from '../../../../shared/domain/no-show-policy';
import { call } from '../../api/client';
import { formMessage, issuesByField } from '../../api/field-errors';
import './no-show.css';
import { useContractQuery } from '../../api/query';

/** Innstillinger → "Ikke møtt": the follow-up policy (DOMAIN.md §6), local practice kept as a setting. */
export function NoShowPolicySettings() {
  const [form, setForm] = useState<{ attempts: string; days: string; channels: ContactChannel[]; recipients: string[]; coordinatorPhone: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<'idle' | 'saved' | 'error'>('idle');
  const [formError, setFormError] = useState<string | null>(null);

  const fill = (p: PolicyInput) =>
    setForm({
      attempts: String(p.attemptsRequired),
      days: String(p.daysToFirstContact),
      channels: p.channels,
      recipients: [p.letterToPatient && 'patient', p.letterToReferrer && 'referrer', p.letterToMunicipalCoordinator && 'municipal_coordinator'].filter(Boolean) as string[],
      coordinatorPhone: p.coordinatorPhone,
    });
  // The form is filled once from the saved policy; what is typed is not overwritten by later refreshes.
  const policy = useContractQuery('noShow.getPolicy', {}).data;
  useEffect(() => {
    if (policy && !form) fill(policy);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [policy]);
  if (!form) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    const res = await call('noShow.savePolicy', {
      attemptsRequired: Number(form.attempts),
      daysToFirstContact: Number(form.days),
      channels: form.channels,
      letterToPatient: form.recipients.includes('patient'),
      letterToReferrer: form.recipients.includes('referrer'),
      letterToMunicipalCoordinator: form.recipients.includes('municipal_coordinator'),
      coordinatorPhone: form.coordinatorPhone,
    });
    if (res.ok) {
      fill(res.value);
      setErrors({});
      setFormError(null);
      setStatus('saved');
      return;
    }
    setStatus('error');
    const byField = issuesByField(res.error);
    setErrors(byField);
    setFormError(byField.policy ?? formMessage(res.error));
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Regler for ikke møtt" className="ns-settings">
      <BodyShort spacing size="small">
        Før en sak kan avsluttes som «fikk ikke kontakt», må kontaktforsøkene og brevene under være gjort. «Meld til behandler» er alltid mulig.
      </BodyShort>
      {formError && (
        <Alert variant="error" size="small" role="alert">
          {formError}
        </Alert>
      )}
      <div className="form-grid">
        <TextField size="small" label="Antall kontaktforsøk" inputMode="numeric" value={form.attempts} onChange={(e) => setForm({ ...form, attempts: e.target.value })} error={errors.attemptsRequired} description="Fra 1 til 5" />
        <TextField size="small" label="Dager til første kontakt" inputMode="numeric" value={form.days} onChange={(e) => setForm({ ...form, days: e.target.value })} error={errors.daysToFirstContact} description="Kalenderdager etter timen" />
        <CheckboxGroup size="small" legend="Kanaler for kontaktforsøk" description="Brev teller ikke som kontaktforsøk; brevene er et eget krav." value={form.channels} onChange={(v: ContactChannel[]) => setForm({ ...form, channels: v })} error={errors.channels}>
          {ATTEMPT_CHANNELS.map((c) => (
            <Checkbox key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </Checkbox>
          ))}
        </CheckboxGroup>
        <CheckboxGroup size="small" legend="Brev sendes til" value={form.recipients} onChange={(v: string[]) => setForm({ ...form, recipients: v })}>
          {(['patient', 'referrer', 'municipal_coordinator'] as const).map((r) => (
            <Checkbox key={r} value={r}>
              {RECIPIENT_LABELS[r]}
            </Checkbox>
          ))}
        </CheckboxGroup>
        <TextField size="small" label="Koordinatorens direktenummer i brev" value={form.coordinatorPhone} onChange={(e) => setForm({ ...form, coordinatorPhone: e.target.value })} error={errors.coordinatorPhone} description="Tomt: enhetens telefonnummer brukes" />
      </div>
      <div className="toolbar" style={{ marginTop: 12 }}>
        <Button type="submit" size="small">
          Lagre regler
        </Button>
        {status === 'saved' && (
          <BodyShort size="small" role="status">
            Lagret. Fristene i åpne saker er regnet ut på nytt.
          </BodyShort>
        )}
      </div>
    </form>
  );
}

/** Innstillinger → "Brevmaler": the three letters, editable, with the shipped text one click away. */
export function LetterTemplateSettings() {
  const [templates, setTemplates] = useState<TemplateView[]>([]);
  const [selectedId, setSelectedId] = useState('missed_appointment_patient');
  const [draft, setDraft] = useState<{ label: string; address: string; subject: string; body: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  const toDraft = (t: TemplateView) => ({ label: t.label, address: t.address, subject: t.subject, body: t.paragraphs.join('\n\n') });
  const loaded = useContractQuery('noShow.listTemplates', {}).data?.templates;
  useEffect(() => {
    if (!loaded) return;
    setTemplates(loaded);
    // The draft is filled from the list the first time only: a refresh does not overwrite what is typed.
    if (draft) return;
    const t = loaded.find((x) => x.id === selectedId) ?? loaded[0];
    if (t) setDraft(toDraft(t));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);
  const current = templates.find((t) => t.id === selectedId);

  function choose(id: string) {
    setSelectedId(id);
    const t = templates.find((x) => x.id === id);
    if (t) setDraft(toDraft(t));
    setErrors({});
    setMessage(null);
  }
  function stored(t: TemplateView, text: string) {
    setTemplates((all) => all.map((x) => (x.id === t.id ? t : x)));
    setDraft(toDraft(t));
    setErrors({});
    setMessage(text);
  }
  async function save(e: FormEvent) {
    e.preventDefault();
    if (!draft || !current) return;
    const res = await call('noShow.saveTemplate', { id: current.id, label: draft.label, address: draft.address, subject: draft.subject, paragraphs: draft.body.split(/\n\s*\n/) });
    if (res.ok) return stored(res.value, 'Malen er lagret. Nye brev bruker den; brev som er sendt, er uendret.');
    const byField = issuesByField(res.error);
    // Paragraph problems are shown by the body field.
    const body = Object.entries(byField).filter(([k]) => k.startsWith('paragraphs')).map(([, v]) => v);
    setErrors({ ...byField, body: body.map((m) => (/[.!?]$/.test(m) ? m : `${m}.`)).join(' ') });
    setMessage(null);
  }
  async function reset() {
    if (!current) return;
    const res = await call('noShow.resetTemplate', { id: current.id });
    if (res.ok) stored(res.value, 'Malen har fått tilbake standardteksten.');
  }

  if (!draft || !current) return null;
  return (
    <form onSubmit={save} noValidate aria-label="Brevmal" className="ns-settings">
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
        Brevhodet (enhet, adresse, telefon og koordinator) hentes fra profilen. Mottaker: {RECIPIENT_LABELS[current.recipient]}. Skriv flettefelt
        som {'{{felt}}'}, og skill avsnitt med en tom linje.
      </BodyShort>
      <div className="form-grid">
        <TextField size="small" label="Navn på malen" value={draft.label} onChange={(e) => setDraft({ ...draft, label: e.target.value })} error={errors.label} />
        <TextField size="small" label="Emne" value={draft.subject} onChange={(e) => setDraft({ ...draft, subject: e.target.value })} error={errors.subject} />
        <Textarea size="small" label="Adressefelt (vinduskonvolutt)" value={draft.address} onChange={(e) => setDraft({ ...draft, address: e.target.value })} error={errors.address} minRows={3} className="span-2" />
        <Textarea size="small" label="Brevtekst" value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} error={errors.body || undefined} minRows={14} className="span-2" />
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
        <Button type="submit" size="small">
          Lagre mal
        </Button>
        <Button type="button" size="small" variant="secondary" onClick={() => void reset()} disabled={!current.modified}>
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
