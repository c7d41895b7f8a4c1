import { Alert, BodyShort, Button, Checkbox, Heading, Select, Tag, TextField } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import { POSTPONEMENT_REASON_LABELS, POSTPONEMENT_REASONS, type BreachStatus } from '../../../../shared/contract/breach';
import { INTERPRETER_STATES } from '../../../../shared/contract/pathway-care';
import type { Pathway } from '../../../../shared/contract/patients';
import { pathwayTypeLabel } from '../../../../shared/domain/pathway-types';
import { formatDate } from '../../../../shared/domain/time';
import { call } from '../../api/client';
import { useRead } from './use-read';
import { DateField } from '../../components/DateField';
import { FormError } from '../../components/FormError';
import { PrintPreview } from '../../components/PrintPreview';
import { issuesByField } from '../../api/field-errors';
import type { PatientSectionProps } from '../patient/sections';

const RISK_VARIANT: Record<BreachStatus['risk']['state'], 'success' | 'warning' | 'error' | 'neutral' | 'info'> = {
  none: 'neutral', met: 'success', booked: 'success', patient_postponed: 'info', unbooked: 'neutral', at_risk: 'warning', breached: 'error',
};
const INTERPRETER_LABELS: Record<(typeof INTERPRETER_STATES)[number], string> = { unknown: 'Ikke avklart', needed: 'Trenger tolk', not_needed: 'Trenger ikke tolk' };

/** Patient page, tab "Frist og forløp": legal deadline breach, interpreter and pregnancy, earlier pathways. */
export function DeadlineSection({ patient, pathways }: PatientSectionProps) {
  return (
    <div style={{ display: 'grid', gap: 24 }}>
      {pathways.map((p) => (
        <section key={p.id} aria-labelledby={`dl-${p.id}`}>
          <Heading level="3" size="xsmall" id={`dl-${p.id}`} spacing>
            {pathwayTypeLabel(p.pathwayType)}, mottatt {formatDate(p.referralReceived)}
          </Heading>
          <Breach pathway={p} />
          <Care pathway={p} />
        </section>
      ))}
      <Readmissions patientId={patient.id} />
    </div>
  );
}

function Breach({ pathway }: { pathway: Pathway }) {
  const { value: s, error } = useRead('breach.get', { pathwayId: pathway.id });
  const [form, setForm] = useState<'helfo' | 'postpone' | null>(null);
  const [letter, setLetter] = useState<string | null>(null);
  const [letterError, setLetterError] = useState<string | null>(null);
  if (error) return <Alert variant="error" size="small">{error}</Alert>;
  if (!s) return null;
  if (!s.careDeadline) return <BodyShort size="small" className="muted" spacing>Ingen juridisk frist for helsehjelp registrert.</BodyShort>;
  async function makeLetter() {
    setLetterError(null);
    const res = await call('breach.createLetter', { pathwayId: pathway.id });
    if (res.ok) setLetter(res.value.html);
    else setLetterError(res.error.message);
  }
  const warned = s.risk.state === 'at_risk' || s.risk.state === 'breached';
  return (
    <div style={{ display: 'grid', gap: 8, marginBottom: 12 }}>
      <BodyShort>
        Frist for helsehjelp: <strong>{formatDate(s.careDeadline)}</strong>{' '}
        <Tag size="xsmall" variant={RISK_VARIANT[s.risk.state]}>{s.risk.label}</Tag>
      </BodyShort>
      <BodyShort size="small">
        Helfo varslet: {s.helfoNotifiedOn ? `${formatDate(s.helfoNotifiedOn)}${s.helfoNote ? ` – ${s.helfoNote}` : ''}` : warned ? 'nei – varsle Helfo (Fristbruddportalen)' : 'nei'}
      </BodyShort>
      {s.postponements.length > 0 && (
        <ul aria-label="Utsatt av pasienten" style={{ margin: 0 }}>
          {s.postponements.map((p) => (
            <li key={p.id}>
              {POSTPONEMENT_REASON_LABELS[p.reason]}: tilbudt {formatDate(p.offeredDate)}{p.requestedDate ? `, ønsket ${formatDate(p.requestedDate)}` : ''}{p.note ? ` – ${p.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button size="small" variant="secondary" onClick={() => setForm('helfo')}>Registrer Helfo varslet</Button>
        <Button size="small" variant="secondary" onClick={() => setForm('postpone')}>Registrer utsettelse fra pasienten</Button>
        {warned && <Button size="small" variant="secondary" onClick={makeLetter}>Brev om fristbrudd</Button>}
      </div>
      <FormError message={letterError} />
      {form === 'helfo' && <HelfoForm pathwayId={pathway.id} onDone={() => setForm(null)} />}
      {form === 'postpone' && <PostponeForm pathwayId={pathway.id} onDone={() => setForm(null)} />}
      {s.letters.length > 0 && <BodyShort size="small" className="muted">{s.letters.length} brev om fristbrudd laget.</BodyShort>}
      <BodyShort size="small" className="muted">
        Helfo, Fristbruddtelefonen {s.helfo.phone} ({s.helfo.hours}). Kilde: {s.helfo.source}. {s.helfo.note}
      </BodyShort>
      <PrintPreview open={letter !== null} onClose={() => setLetter(null)} html={letter} heading="Brev om fristbrudd" />
    </div>
  );
}

function HelfoForm({ pathwayId, onDone }: { pathwayId: number; onDone: () => void }) {
  const [date, setDate] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await call('breach.recordHelfo', { pathwayId, helfoNotifiedOn: date as string, note });
    if (!res.ok) {
      setIssues(issuesByField(res.error));
      return setError(res.error.message);
    }
    onDone();
  }
  return (
    <form onSubmit={submit} aria-label="Helfo varslet" style={{ display: 'grid', gap: 8, maxWidth: 420 }}>
      <DateField label="Dato Helfo ble varslet" value={date} onChange={setDate} error={issues.helfoNotifiedOn} />
      <TextField label="Merknad" size="small" value={note} onChange={(e) => setNote(e.target.value)} />
      <FormError message={error} />
      <div style={{ display: 'flex', gap: 8 }}>
        <Button size="small" type="submit">Lagre</Button>
        <Button size="small" type="button" variant="tertiary" onClick={onDone}>Avbryt</Button>
      </div>
    </form>
  );
}

function PostponeForm({ pathwayId, onDone }: { pathwayId: number; onDone: () => void }) {
  const [f, setF] = useState({ offeredDate: null as string | null, requestedDate: null as string | null, reason: 'declined_offer' as (typeof POSTPONEMENT_REASONS)[number], note: '' });
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await call('breach.addPostponement', { pathwayId, ...f, offeredDate: f.offeredDate as string });
    if (!res.ok) {
      setIssues(issuesByField(res.error));
      return setError(res.error.message);
    }
    onDone();
  }
  return (
    <form onSubmit={submit} aria-label="Utsettelse fra pasienten" style={{ display: 'grid', gap: 8, maxWidth: 420 }}>
      <Select label="Årsak" size="small" value={f.reason} onChange={(e) => setF({ ...f, reason: e.target.value as typeof f.reason })}>
        {POSTPONEMENT_REASONS.map((r) => <option key={r} value={r}>{POSTPONEMENT_REASON_LABELS[r]}</option>)}
      </Select>
      <DateField label="Tilbudt dato" value={f.offeredDate} onChange={(v) => setF({ ...f, offeredDate: v })} error={issues.offeredDate} />
      <DateField label="Ønsket dato (valgfritt)" value={f.requestedDate} onChange={(v) => setF({ ...f, requestedDate: v })} error={issues.requestedDate} />
      <TextField label="Merknad" size="small" value={f.note} onChange={(e) => setF({ ...f, note: e.target.value })} />
      <FormError message={error} />
      <div style={{ display: 'flex', gap: 8 }}>
        <Button size="small" type="submit">Lagre</Button>
        <Button size="small" type="button" variant="tertiary" onClick={onDone}>Avbryt</Button>
      </div>
    </form>
  );
}

function Care({ pathway }: { pathway: Pathway }) {
  const { value: c, error } = useRead('pathwayCare.get', { pathwayId: pathway.id });
  const [editing, setEditing] = useState(false);
  if (error) return <Alert variant="error" size="small">{error}</Alert>;
  if (!c) return null;
  const tsb = pathway.pathwayType === 'tsb' || pathway.pathwayType === 'pregnant_substance';
  return (
    <div style={{ display: 'grid', gap: 4 }}>
      <BodyShort size="small">
        Tolk: {INTERPRETER_LABELS[c.interpreter]}{c.interpreterLanguage ? ` (${c.interpreterLanguage})` : ''}
        {c.interpreterRecordedOn ? `, registrert ${formatDate(c.interpreterRecordedOn)}` : c.firstAttendanceOn ? '' : ' – avklares ved første fremmøte'}
      </BodyShort>
      {tsb && (
        <BodyShort size="small">
          Gravid: {c.pregnant ? 'ja' : 'nei'}
          {c.detox && (
            <>
              {' '}– videre behandling etter avrusning skal starte {formatDate(c.detox.due)} (0 dager){' '}
              <span className="muted" title={c.detox.source}>(veiledende forløpstid, kilde: Helsedirektoratet)</span>{' '}
              <Tag size="xsmall" variant={c.detox.state === 'late' ? 'error' : c.detox.state === 'met' ? 'success' : 'warning'}>
                {c.detox.state === 'met' ? 'Startet' : c.detox.state === 'late' ? `${c.detox.daysLate} dager over` : 'Skal starte i dag'}
              </Tag>
            </>
          )}
        </BodyShort>
      )}
      {editing ? (
        <CareForm pathwayId={pathway.id} tsb={tsb} initial={c} onDone={() => setEditing(false)} />
      ) : (
        <Button size="xsmall" variant="tertiary" onClick={() => setEditing(true)} style={{ justifySelf: 'start' }}>
          Endre tolk{tsb ? ' og graviditet' : ''}
        </Button>
      )}
    </div>
  );
}

type CareInitial = { interpreter: (typeof INTERPRETER_STATES)[number]; interpreterLanguage: string; pregnant: boolean; detoxEndedOn: string | null; furtherTreatmentOn: string | null };

function CareForm({ pathwayId, tsb, initial, onDone }: { pathwayId: number; tsb: boolean; initial: CareInitial; onDone: () => void }) {
  const [f, setF] = useState<CareInitial>({ interpreter: initial.interpreter, interpreterLanguage: initial.interpreterLanguage, pregnant: initial.pregnant, detoxEndedOn: initial.detoxEndedOn, furtherTreatmentOn: initial.furtherTreatmentOn });
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await call('pathwayCare.save', { pathwayId, ...f });
    if (!res.ok) {
      setIssues(issuesByField(res.error));
      return setError(res.error.message);
    }
    onDone();
  }
  return (
    <form onSubmit={submit} aria-label="Tolk og graviditet" style={{ display: 'grid', gap: 8, maxWidth: 420 }}>
      <Select label="Tolkebehov" size="small" value={f.interpreter} onChange={(e) => setF({ ...f, interpreter: e.target.value as CareInitial['interpreter'] })}>
        {INTERPRETER_STATES.map((s) => <option key={s} value={s}>{INTERPRETER_LABELS[s]}</option>)}
      </Select>
      {f.interpreter === 'needed' && <TextField label="Språk" size="small" value={f.interpreterLanguage} onChange={(e) => setF({ ...f, interpreterLanguage: e.target.value })} error={issues.interpreterLanguage} />}
      {tsb && (
        <>
          <Checkbox size="small" checked={f.pregnant} onChange={(e) => setF({ ...f, pregnant: e.target.checked })}>Gravid</Checkbox>
          {f.pregnant && (
            <>
              <DateField label="Avrusning avsluttet" value={f.detoxEndedOn} onChange={(v) => setF({ ...f, detoxEndedOn: v })} error={issues.detoxEndedOn} />
              <DateField label="Videre behandling startet" value={f.furtherTreatmentOn} onChange={(v) => setF({ ...f, furtherTreatmentOn: v })} error={issues.furtherTreatmentOn} />
            </>
          )}
        </>
      )}
      <FormError message={error} />
      <div style={{ display: 'flex', gap: 8 }}>
        <Button size="small" type="submit">Lagre</Button>
        <Button size="small" type="button" variant="tertiary" onClick={onDone}>Avbryt</Button>
      </div>
    </form>
  );
}

function Readmissions({ patientId }: { patientId: number }) {
  const { value: r } = useRead('readmissions.forPatient', { patientId });
  if (!r || r.rows.length < 2) return null;
  return (
    <section aria-labelledby="dl-readmissions">
      <Heading level="3" size="xsmall" id="dl-readmissions" spacing>
        Forløp etter hverandre
      </Heading>
      <BodyShort size="small" spacing>Henvist på nytt innen 12 måneder etter avslutning: {r.reReferralsWithin12Months}</BodyShort>
      <ul style={{ margin: 0 }}>
        {r.rows.map((p) => (
          <li key={p.pathwayId}>
            {pathwayTypeLabel(p.pathwayType as Pathway['pathwayType'])}: mottatt {formatDate(p.referralReceived)}
            {p.closedOn ? `, avsluttet ${formatDate(p.closedOn)}` : ''}
            {p.reReferralAfterId !== null ? ` – ny henvisning ${p.daysSinceEnd} dager etter forrige avslutning` : ''}
            {p.transferredFromId !== null ? ' – fortsetter forrige forløp etter intern overføring (ikke en ny henvisning)' : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
