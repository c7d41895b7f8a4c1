import { Alert, BodyShort, Button, Checkbox, Heading, TextField } from '@navikt/ds-react';
import { useEffect, useState, type FormEvent } from 'react';
import type { Pathway } from '../../../../shared/contract/patients';
import { pathwayTypeLabel } from '../../../../shared/domain/pathway-types';
import { formatDate } from '../../../../shared/domain/time';
import { call } from '../../api/client';
import { useRead } from './use-read';
import { DateField } from '../../components/DateField';
import { FormError } from '../../components/FormError';
import { issuesByField } from '../../api/field-errors';
import type { PatientSectionProps } from '../patient/sections';
import { copyText } from './copy';

/** Patient page, tab "Henviser": the referrer of each pathway, and prepared texts to copy into the record system. */
export function ReferrerSection({ pathways }: PatientSectionProps) {
  if (pathways.length === 0) return <BodyShort className="muted">Pasienten har ingen forløp.</BodyShort>;
  return (
    <div style={{ display: 'grid', gap: 24 }}>
      {pathways.map((p) => (
        <PathwayReferrer key={p.id} pathway={p} />
      ))}
    </div>
  );
}

function PathwayReferrer({ pathway }: { pathway: Pathway }) {
  const { value: data, error } = useRead('referrer.get', { pathwayId: pathway.id });
  const [editing, setEditing] = useState(false);
  if (error) return <Alert variant="error" size="small">{error}</Alert>;
  if (!data) return null;
  const r = data.referrer;
  const headingId = `ref-${pathway.id}`;
  return (
    <section aria-labelledby={headingId}>
      <Heading level="3" size="xsmall" id={headingId} spacing>
        Henviser – {pathwayTypeLabel(pathway.pathwayType)}, mottatt {formatDate(pathway.referralReceived)}
      </Heading>
      {editing ? (
        <ReferrerForm pathwayId={pathway.id} initial={r} onDone={() => setEditing(false)} />
      ) : (
        <>
          {r ? (
            <dl className="facts">
              <dt>Virksomhet</dt>
              <dd>{r.organisation}{r.isGp ? ' (fastlege)' : ''}</dd>
              <dt>Henviser</dt>
              <dd>{r.person || '–'}</dd>
              <dt>Adresse</dt>
              <dd>{[r.address, [r.postalCode, r.postalPlace].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–'}</dd>
              <dt>HER-id</dt>
              <dd className="mono">{r.herId || '–'}</dd>
              <dt>Henvisningsdato</dt>
              <dd>{formatDate(r.referralDate) || '–'}</dd>
            </dl>
          ) : (
            <BodyShort className="muted" spacing>Ingen henviser registrert.</BodyShort>
          )}
          <Button size="small" variant="secondary" onClick={() => setEditing(true)}>
            {r ? 'Endre henviser' : 'Registrer henviser'}
          </Button>
        </>
      )}
      <Heading level="4" size="xsmall" spacing style={{ marginTop: 16 }}>
        Meldinger til henviser/fastlege
      </Heading>
      <BodyShort size="small" className="muted" spacing>
        Kopier teksten og lim den inn i meldingen i journalsystemet. Den sendes ikke herfra.
      </BodyShort>
      <div style={{ display: 'grid', gap: 12 }}>
        {data.messages.map((m) => (
          <MessageCard key={m.key} label={m.label} text={m.text} missing={m.missing} />
        ))}
      </div>
    </section>
  );
}

function MessageCard({ label, text, missing }: { label: string; text: string | null; missing: string | null }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(t);
  }, [copied]);
  return (
    <div style={{ border: '1px solid var(--a-border-subtle, #ccc)', borderRadius: 4, padding: 8 }}>
      <BodyShort weight="semibold">{label}</BodyShort>
      {text ? (
        <>
          <pre style={{ whiteSpace: 'pre-wrap', font: 'inherit', margin: '4px 0' }}>{text}</pre>
          <Button size="xsmall" variant="secondary" onClick={async () => setCopied(await copyText(text))} aria-label={`Kopier: ${label}`}>
            Kopier
          </Button>
          <span role="status" style={{ marginLeft: 8 }}>{copied ? 'Kopiert' : ''}</span>
        </>
      ) : (
        <BodyShort size="small" className="muted">Ikke klar: {missing}</BodyShort>
      )}
    </div>
  );
}

type ReferrerInitial = { organisation: string; person: string; address: string; postalCode: string; postalPlace: string; herId: string; referralDate: string | null; isGp: boolean } | null;

function ReferrerForm({ pathwayId, initial, onDone }: { pathwayId: number; initial: ReferrerInitial; onDone: () => void }) {
  const [f, setF] = useState({
    organisation: initial?.organisation ?? '',
    person: initial?.person ?? '',
    address: initial?.address ?? '',
    postalCode: initial?.postalCode ?? '',
    postalPlace: initial?.postalPlace ?? '',
    herId: initial?.herId ?? '',
    referralDate: initial?.referralDate ?? null,
    isGp: initial?.isGp ?? false,
  });
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await call('referrer.save', { pathwayId, ...f });
    if (!res.ok) {
      setIssues(issuesByField(res.error));
      return setError(res.error.message);
    }
    onDone();
  }

  return (
    <form onSubmit={submit} style={{ display: 'grid', gap: 8, maxWidth: 480 }} aria-label="Henviser">
      <TextField label="Virksomhet" size="small" value={f.organisation} onChange={set('organisation')} error={issues.organisation} />
      <TextField label="Henvisende lege/behandler" size="small" value={f.person} onChange={set('person')} error={issues.person} />
      <TextField label="Adresse" size="small" value={f.address} onChange={set('address')} error={issues.address} />
      <div style={{ display: 'flex', gap: 8 }}>
        <TextField label="Postnummer" size="small" value={f.postalCode} onChange={set('postalCode')} error={issues.postalCode} htmlSize={6} />
        <TextField label="Poststed" size="small" value={f.postalPlace} onChange={set('postalPlace')} error={issues.postalPlace} />
      </div>
      <TextField label="HER-id (hvis kjent)" size="small" value={f.herId} onChange={set('herId')} error={issues.herId} htmlSize={12} />
      <DateField label="Henvisningsdato" value={f.referralDate} onChange={(v) => setF({ ...f, referralDate: v })} error={issues.referralDate} />
      <Checkbox size="small" checked={f.isGp} onChange={(e) => setF({ ...f, isGp: e.target.checked })}>
        Henviser er pasientens fastlege
      </Checkbox>
      <FormError message={error} />
      <div style={{ display: 'flex', gap: 8 }}>
        <Button size="small" type="submit">Lagre henviser</Button>
        <Button size="small" variant="tertiary" type="button" onClick={onDone}>Avbryt</Button>
      </div>
    </form>
  );
}
