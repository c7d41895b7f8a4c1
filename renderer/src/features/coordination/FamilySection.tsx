import { Alert, BodyShort, Button, Checkbox, Heading, Select, Tag, TextField } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import { CONSENT_LABELS, CONSENT_STATES } from '../../../../shared/contract/coordination-fields';
import { GUARDIAN_RELATION_LABELS, GUARDIAN_RELATIONS, PATIENT_CONTACT_KIND_LABELS, PATIENT_CONTACT_KINDS } from '../../../../shared/contract/family';
import { formatDate } from '../../../../shared/domain/time';
import { call } from '../../api/client';
import { useRead } from './use-read';
import { DateField } from '../../components/DateField';
import { FormError } from '../../components/FormError';
import { issuesByField } from '../../api/field-errors';
import type { PatientSectionProps } from '../patient/sections';
import { RowTable } from '../../components/RowTable';
import { useNewAction } from '../shell/new-action';

type Consent = (typeof CONSENT_STATES)[number];

/** Patient page, tab "Pårørende": guardians (under 18) with who gets letters, and the patient's own contacts. */
export function FamilySection({ patient }: PatientSectionProps) {
  return (
    <div style={{ display: 'grid', gap: 24 }}>
      <Guardians patientId={patient.id} />
      <Contacts patientId={patient.id} />
    </div>
  );
}

function Guardians({ patientId }: { patientId: number }) {
  const { value: data, error } = useRead('guardians.list', { patientId });
  const [adding, setAdding] = useState(false);
  if (error) return <Alert variant="error" size="small">{error}</Alert>;
  if (!data) return null;
  if (data.ageBand === 'adult' && data.rows.length === 0) return null;
  return (
    <section aria-labelledby="fam-guardians">
      <Heading level="3" size="xsmall" id="fam-guardians" spacing>
        Foresatte
      </Heading>
      <BodyShort size="small" spacing>
        Pasienten er {data.age} år. {data.patientReceivesLetters ? 'Pasienten får selv brev og innkallinger.' : data.patientReason}
        {data.ageBand === '16_to_17' ? ' Fra 16 år bestemmer pasienten selv hvem som får informasjon.' : ''}
      </BodyShort>
      <RowTable
        label="Foresatte"
        rows={data.rows}
        rowKey={(g) => g.id}
        columns={[
          { header: 'Navn', cell: (g) => g.name },
          { header: 'Relasjon', cell: (g) => GUARDIAN_RELATION_LABELS[g.relation] },
          { header: 'Foreldreansvar', cell: (g) => (g.parentalResponsibility ? 'Ja' : 'Nei') },
          { header: 'Adresse', cell: (g) => [g.address, [g.postalCode, g.postalPlace].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–' },
          { header: 'Samtykke', cell: (g) => `${CONSENT_LABELS[g.consent]}${g.consentOn ? ` (${formatDate(g.consentOn)})` : ''}` },
          {
            header: 'Får brev',
            cell: (g) => (
              <>
                <Tag size="xsmall" variant={g.receivesLetters ? 'success' : 'neutral'}>{g.receivesLetters ? 'Ja' : 'Nei'}</Tag> <span className="muted">{g.reason}</span>
              </>
            ),
          },
        ]}
        action={{
          header: 'Handlinger',
          cell: (g) => (
            <Button size="xsmall" variant="tertiary" onClick={() => void call('guardians.delete', { id: g.id })} aria-label={`Fjern ${g.name}`}>
              Fjern
            </Button>
          ),
        }}
      />
      {adding ? <GuardianForm patientId={patientId} onDone={() => setAdding(false)} /> : <Button size="small" variant="secondary" onClick={() => setAdding(true)} style={{ marginTop: 8 }}>Legg til foresatt</Button>}
    </section>
  );
}

function GuardianForm({ patientId, onDone }: { patientId: number; onDone: () => void }) {
  const [f, setF] = useState({ name: '', relation: 'mother' as (typeof GUARDIAN_RELATIONS)[number], parentalResponsibility: true, address: '', postalCode: '', postalPlace: '', phone: '', consent: 'unknown' as Consent, consentOn: null as string | null });
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await call('guardians.save', { patientId, ...f });
    if (!res.ok) {
      setIssues(issuesByField(res.error));
      return setError(res.error.message);
    }
    onDone();
  }
  return (
    <form onSubmit={submit} aria-label="Ny foresatt" style={{ display: 'grid', gap: 8, maxWidth: 480, marginTop: 8 }}>
      <TextField label="Navn" size="small" value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} error={issues.name} />
      <Select label="Relasjon" size="small" value={f.relation} onChange={(e) => setF({ ...f, relation: e.target.value as typeof f.relation })}>
        {GUARDIAN_RELATIONS.map((r) => <option key={r} value={r}>{GUARDIAN_RELATION_LABELS[r]}</option>)}
      </Select>
      <Checkbox size="small" checked={f.parentalResponsibility} onChange={(e) => setF({ ...f, parentalResponsibility: e.target.checked })}>Har foreldreansvar</Checkbox>
      <TextField label="Adresse" size="small" value={f.address} onChange={(e) => setF({ ...f, address: e.target.value })} />
      <div style={{ display: 'flex', gap: 8 }}>
        <TextField label="Postnummer" size="small" htmlSize={6} value={f.postalCode} onChange={(e) => setF({ ...f, postalCode: e.target.value })} error={issues.postalCode} />
        <TextField label="Poststed" size="small" value={f.postalPlace} onChange={(e) => setF({ ...f, postalPlace: e.target.value })} />
      </div>
      <TextField label="Telefon" size="small" value={f.phone} onChange={(e) => setF({ ...f, phone: e.target.value })} error={issues.phone} />
      <ConsentFields consent={f.consent} consentOn={f.consentOn} error={issues.consentOn} onChange={(consent, consentOn) => setF({ ...f, consent, consentOn })} />
      <FormError message={error} />
      <div style={{ display: 'flex', gap: 8 }}>
        <Button size="small" type="submit">Lagre foresatt</Button>
        <Button size="small" type="button" variant="tertiary" onClick={onDone}>Avbryt</Button>
      </div>
    </form>
  );
}

function ConsentFields({ consent, consentOn, error, onChange }: { consent: Consent; consentOn: string | null; error: string | undefined; onChange: (c: Consent, on: string | null) => void }) {
  return (
    <>
      <Select label="Samtykke til informasjon" size="small" value={consent} onChange={(e) => onChange(e.target.value as Consent, consentOn)}>
        {CONSENT_STATES.map((c) => <option key={c} value={c}>{CONSENT_LABELS[c]}</option>)}
      </Select>
      {consent !== 'unknown' && <DateField label="Samtykke registrert" value={consentOn} onChange={(v) => onChange(consent, v)} error={error} />}
    </>
  );
}

function Contacts({ patientId }: { patientId: number }) {
  const { value: data, error } = useRead('patientContacts.list', { patientId });
  const [adding, setAdding] = useState(false);
  useNewAction('Legg til kontakt for pasienten', () => setAdding(true));
  if (error) return <Alert variant="error" size="small">{error}</Alert>;
  if (!data) return null;
  return (
    <section aria-labelledby="fam-contacts">
      <Heading level="3" size="xsmall" id="fam-contacts" spacing>
        Pasientens kontakter
      </Heading>
      <BodyShort size="small" spacing>
        Kommunen kontaktet: {data.municipalityContactedOn ? formatDate(data.municipalityContactedOn) : 'ikke registrert'}
      </BodyShort>
      <RowTable
        label="Pasientens kontakter"
        rows={data.rows}
        rowKey={(c) => c.id}
        empty={<BodyShort className="muted" spacing>Ingen kontakter registrert.</BodyShort>}
        columns={[
          { header: 'Navn', cell: (c) => `${c.name}${c.namedInReferral ? ' (nevnt i henvisningen)' : ''}` },
          { header: 'Type', cell: (c) => PATIENT_CONTACT_KIND_LABELS[c.kind] },
          { header: 'Relasjon/virksomhet', cell: (c) => [c.relation, c.organisation].filter(Boolean).join(', ') || '–' },
          { header: 'Telefon', className: 'mono', cell: (c) => c.phone || '–' },
          { header: 'Kontaktet', cell: (c) => formatDate(c.contactedOn) || '–' },
          { header: 'Samtykke', cell: (c) => `${CONSENT_LABELS[c.consent]}${c.consentOn ? ` (${formatDate(c.consentOn)})` : ''}` },
        ]}
        action={{
          header: 'Handlinger',
          cell: (c) => (
            <Button size="xsmall" variant="tertiary" onClick={() => void call('patientContacts.delete', { id: c.id })} aria-label={`Fjern ${c.name}`}>
              Fjern
            </Button>
          ),
        }}
      />
      {adding ? <ContactForm patientId={patientId} onDone={() => setAdding(false)} /> : <Button size="small" variant="secondary" onClick={() => setAdding(true)} style={{ marginTop: 8 }}>Legg til kontakt</Button>}
    </section>
  );
}

function ContactForm({ patientId, onDone }: { patientId: number; onDone: () => void }) {
  const [f, setF] = useState({ kind: 'municipal' as (typeof PATIENT_CONTACT_KINDS)[number], name: '', relation: '', organisation: '', phone: '', namedInReferral: false, contactedOn: null as string | null, consent: 'unknown' as Consent, consentOn: null as string | null });
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await call('patientContacts.save', { patientId, ...f });
    if (!res.ok) {
      setIssues(issuesByField(res.error));
      return setError(res.error.message);
    }
    onDone();
  }
  return (
    <form onSubmit={submit} aria-label="Ny kontakt" style={{ display: 'grid', gap: 8, maxWidth: 480, marginTop: 8 }}>
      <Select label="Type" size="small" value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value as typeof f.kind })}>
        {PATIENT_CONTACT_KINDS.map((k) => <option key={k} value={k}>{PATIENT_CONTACT_KIND_LABELS[k]}</option>)}
      </Select>
      <TextField label="Navn" size="small" value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} error={issues.name} />
      <TextField label="Relasjon" size="small" value={f.relation} onChange={(e) => setF({ ...f, relation: e.target.value })} />
      <TextField label="Virksomhet" size="small" value={f.organisation} onChange={(e) => setF({ ...f, organisation: e.target.value })} />
      <TextField label="Telefon" size="small" value={f.phone} onChange={(e) => setF({ ...f, phone: e.target.value })} error={issues.phone} />
      <Checkbox size="small" checked={f.namedInReferral} onChange={(e) => setF({ ...f, namedInReferral: e.target.checked })}>Nevnt i henvisningen</Checkbox>
      <DateField label="Kontaktet dato" value={f.contactedOn} onChange={(v) => setF({ ...f, contactedOn: v })} error={issues.contactedOn} />
      <ConsentFields consent={f.consent} consentOn={f.consentOn} error={issues.consentOn} onChange={(consent, consentOn) => setF({ ...f, consent, consentOn })} />
      <FormError message={error} />
      <div style={{ display: 'flex', gap: 8 }}>
        <Button size="small" type="submit">Lagre kontakt</Button>
        <Button size="small" type="button" variant="tertiary" onClick={onDone}>Avbryt</Button>
      </div>
    </form>
  );
}
