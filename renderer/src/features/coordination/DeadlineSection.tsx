import { Alert, BodyShort, Button, Heading, Tag } from '@navikt/ds-react';
import { useState } from 'react';
import { breachContract, POSTPONEMENT_REASON_LABELS, POSTPONEMENT_REASONS, type BreachStatus } from '../../../../shared/contract/breach';
import { INTERPRETER_STATES, pathwayCareContract } from '../../../../shared/contract/pathway-care';
import type { Pathway } from '../../../../shared/contract/patients';
import { pathwayTypeLabel } from '../../../../shared/domain/pathway-types';
import { formatDate } from '../../../../shared/domain/time';
import { call } from '../../api/client';
import { useRead } from './use-read';
import { FormError } from '../../components/FormError';
import { InlineForm } from '../../components/InlineForm';
import { CheckboxInput, DateInput, Options, SelectInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { PrintPreview } from '../../components/PrintPreview';
import type { PatientSectionProps } from '../patient/sections';
import { ReadError } from '../../components/ReadError';

const RISK_VARIANT: Record<BreachStatus['risk']['state'], 'success' | 'warning' | 'error' | 'neutral' | 'info'> = {
  none: 'neutral',
  met: 'success',
  booked: 'success',
  patient_postponed: 'info',
  unbooked: 'neutral',
  at_risk: 'warning',
  breached: 'error',
};
const INTERPRETER_LABELS: Record<(typeof INTERPRETER_STATES)[number], string> = {
  unknown: 'Ikke avklart',
  needed: 'Trenger tolk',
  not_needed: 'Trenger ikke tolk',
};

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
  const [letterWarnings, setLetterWarnings] = useState<string[]>([]);
  const [letterError, setLetterError] = useState<string | null>(null);
  if (error || !s) return <ReadError error={error} />;
  if (!s.careDeadline)
    return (
      <BodyShort size="small" className="muted" spacing>
        Ingen juridisk frist for helsehjelp registrert.
      </BodyShort>
    );
  async function makeLetter() {
    setLetterError(null);
    const res = await call('breach.createLetter', { pathwayId: pathway.id });
    if (res.ok) {
      setLetter(res.value.html);
      setLetterWarnings(res.value.warnings);
    } else setLetterError(res.error.message);
  }
  const warned = s.risk.state === 'at_risk' || s.risk.state === 'breached';
  return (
    <div style={{ display: 'grid', gap: 8, marginBottom: 12 }}>
      <BodyShort>
        Frist for helsehjelp: <strong>{formatDate(s.careDeadline)}</strong>{' '}
        <Tag size="xsmall" variant={RISK_VARIANT[s.risk.state]}>
          {s.risk.label}
        </Tag>
      </BodyShort>
      <BodyShort size="small">
        Helfo varslet:{' '}
        {s.helfoNotifiedOn
          ? `${formatDate(s.helfoNotifiedOn)}${s.helfoNote ? ` – ${s.helfoNote}` : ''}`
          : warned
            ? 'nei – varsle Helfo (Fristbruddportalen)'
            : 'nei'}
      </BodyShort>
      {s.postponements.length > 0 && (
        <ul aria-label="Utsatt av pasienten" style={{ margin: 0 }}>
          {s.postponements.map((p) => (
            <li key={p.id}>
              {POSTPONEMENT_REASON_LABELS[p.reason]}: tilbudt {formatDate(p.offeredDate)}
              {p.requestedDate ? `, ønsket ${formatDate(p.requestedDate)}` : ''}
              {p.note ? ` – ${p.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button size="small" variant="secondary" onClick={() => setForm('helfo')}>
          Registrer Helfo varslet
        </Button>
        <Button size="small" variant="secondary" onClick={() => setForm('postpone')}>
          Registrer utsettelse fra pasienten
        </Button>
        {warned && (
          <Button size="small" variant="secondary" onClick={makeLetter}>
            Brev om fristbrudd
          </Button>
        )}
      </div>
      <FormError message={letterError} />
      {form === 'helfo' && <HelfoForm pathwayId={pathway.id} onDone={() => setForm(null)} />}
      {form === 'postpone' && <PostponeForm pathwayId={pathway.id} onDone={() => setForm(null)} />}
      {s.letters.length > 0 && (
        <BodyShort size="small" className="muted">
          {s.letters.length} brev om fristbrudd laget.
        </BodyShort>
      )}
      <BodyShort size="small" className="muted">
        Helfo, Fristbruddtelefonen {s.helfo.phone} ({s.helfo.hours}). Kilde: {s.helfo.source}. {s.helfo.note}
      </BodyShort>
      <PrintPreview
        open={letter !== null}
        onClose={() => setLetter(null)}
        html={letter}
        heading="Brev om fristbrudd"
        notice={
          letterWarnings.length > 0 && (
            <Alert variant="warning" size="small" style={{ marginBottom: 8 }}>
              {letterWarnings.map((w) => (
                <BodyShort key={w} size="small">
                  {w}
                </BodyShort>
              ))}
            </Alert>
          )
        }
      />
    </div>
  );
}

function HelfoForm({ pathwayId, onDone }: { pathwayId: number; onDone: () => void }) {
  const form = useContractForm({
    method: 'breach.recordHelfo',
    schema: breachContract['breach.recordHelfo'].input,
    defaultValues: { helfoNotifiedOn: null, note: '' } as { helfoNotifiedOn: string | null; note: string },
    toInput: (f: { helfoNotifiedOn: string | null; note: string }) => ({ pathwayId, helfoNotifiedOn: f.helfoNotifiedOn ?? '', note: f.note }),
    onSaved: () => onDone(),
  });
  const { control } = form;
  return (
    <InlineForm form={form} label="Helfo varslet" submitLabel="Lagre" onCancel={onDone} maxWidth={420}>
      <DateInput control={control} name="helfoNotifiedOn" label="Dato Helfo ble varslet" />
      <TextInput control={control} name="note" label="Merknad" />
    </InlineForm>
  );
}

interface PostponeForm {
  offeredDate: string | null;
  requestedDate: string | null;
  reason: (typeof POSTPONEMENT_REASONS)[number];
  note: string;
}

function PostponeForm({ pathwayId, onDone }: { pathwayId: number; onDone: () => void }) {
  const form = useContractForm({
    method: 'breach.addPostponement',
    schema: breachContract['breach.addPostponement'].input,
    defaultValues: { offeredDate: null, requestedDate: null, reason: 'declined_offer', note: '' } as PostponeForm,
    toInput: (f: PostponeForm) => ({ pathwayId, ...f, offeredDate: f.offeredDate ?? '' }),
    onSaved: () => onDone(),
  });
  const { control } = form;
  return (
    <InlineForm form={form} label="Utsettelse fra pasienten" submitLabel="Lagre" onCancel={onDone} maxWidth={420}>
      <SelectInput control={control} name="reason" label="Årsak">
        <Options values={POSTPONEMENT_REASONS} labels={POSTPONEMENT_REASON_LABELS} />
      </SelectInput>
      <DateInput control={control} name="offeredDate" label="Tilbudt dato" />
      <DateInput control={control} name="requestedDate" label="Ønsket dato (valgfritt)" />
      <TextInput control={control} name="note" label="Merknad" />
    </InlineForm>
  );
}

function Care({ pathway }: { pathway: Pathway }) {
  const { value: c, error } = useRead('pathwayCare.get', { pathwayId: pathway.id });
  const [editing, setEditing] = useState(false);
  if (error || !c) return <ReadError error={error} />;
  const tsb = pathway.pathwayType === 'tsb' || pathway.pathwayType === 'pregnant_substance';
  return (
    <div style={{ display: 'grid', gap: 4 }}>
      <BodyShort size="small">
        Tolk: {INTERPRETER_LABELS[c.interpreter]}
        {c.interpreterLanguage ? ` (${c.interpreterLanguage})` : ''}
        {c.interpreterRecordedOn ? `, registrert ${formatDate(c.interpreterRecordedOn)}` : c.firstAttendanceOn ? '' : ' – avklares ved første fremmøte'}
      </BodyShort>
      {tsb && (
        <BodyShort size="small">
          Gravid: {c.pregnant ? 'ja' : 'nei'}
          {c.detox && (
            <>
              {' '}
              – videre behandling etter avrusning skal starte {formatDate(c.detox.due)} (0 dager){' '}
              <span className="muted" title={c.detox.source}>
                (veiledende forløpstid, kilde: Helsedirektoratet)
              </span>{' '}
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

type CareInitial = {
  interpreter: (typeof INTERPRETER_STATES)[number];
  interpreterLanguage: string;
  pregnant: boolean;
  detoxEndedOn: string | null;
  furtherTreatmentOn: string | null;
};

function CareForm({ pathwayId, tsb, initial, onDone }: { pathwayId: number; tsb: boolean; initial: CareInitial; onDone: () => void }) {
  const form = useContractForm({
    method: 'pathwayCare.save',
    schema: pathwayCareContract['pathwayCare.save'].input,
    defaultValues: {
      interpreter: initial.interpreter,
      interpreterLanguage: initial.interpreterLanguage,
      pregnant: initial.pregnant,
      detoxEndedOn: initial.detoxEndedOn,
      furtherTreatmentOn: initial.furtherTreatmentOn,
    } as CareInitial,
    toInput: (f: CareInitial) => ({ pathwayId, ...f }),
    onSaved: () => onDone(),
  });
  const { control, watch } = form;
  return (
    <InlineForm form={form} label="Tolk og graviditet" submitLabel="Lagre" onCancel={onDone} maxWidth={420}>
      <SelectInput control={control} name="interpreter" label="Tolkebehov">
        <Options values={INTERPRETER_STATES} labels={INTERPRETER_LABELS} />
      </SelectInput>
      {watch('interpreter') === 'needed' && <TextInput control={control} name="interpreterLanguage" label="Språk" />}
      {tsb && (
        <>
          <CheckboxInput control={control} name="pregnant">
            Gravid
          </CheckboxInput>
          {watch('pregnant') && (
            <>
              <DateInput control={control} name="detoxEndedOn" label="Avrusning avsluttet" />
              <DateInput control={control} name="furtherTreatmentOn" label="Videre behandling startet" />
            </>
          )}
        </>
      )}
    </InlineForm>
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
      <BodyShort size="small" spacing>
        Henvist på nytt innen 12 måneder etter avslutning: {r.reReferralsWithin12Months}
      </BodyShort>
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
