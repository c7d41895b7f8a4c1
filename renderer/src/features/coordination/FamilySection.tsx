import { Alert, BodyShort, Button, Heading, Tag } from '@navikt/ds-react';
import { useState } from 'react';
import type { Control } from 'react-hook-form';
import type { z } from 'zod';
import { CONSENT_LABELS, CONSENT_STATES } from '../../../../shared/contract/coordination-fields';
import {
  GUARDIAN_RELATION_LABELS,
  GUARDIAN_RELATIONS,
  guardianInputSchema,
  guardiansContract,
  PATIENT_CONTACT_KIND_LABELS,
  PATIENT_CONTACT_KINDS,
  patientContactInputSchema,
  patientContactsContract,
} from '../../../../shared/contract/family';
import { formatDate } from '../../../../shared/domain/time';
import { call } from '../../api/client';
import { useRead } from './use-read';
import { CheckboxInput, DateInput, SelectInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { InlineForm } from '../../components/InlineForm';
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
  if (error)
    return (
      <Alert variant="error" size="small">
        {error}
      </Alert>
    );
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
                <Tag size="xsmall" variant={g.receivesLetters ? 'success' : 'neutral'}>
                  {g.receivesLetters ? 'Ja' : 'Nei'}
                </Tag>{' '}
                <span className="muted">{g.reason}</span>
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
      {adding ? (
        <GuardianForm patientId={patientId} onDone={() => setAdding(false)} />
      ) : (
        <Button size="small" variant="secondary" onClick={() => setAdding(true)} style={{ marginTop: 8 }}>
          Legg til foresatt
        </Button>
      )}
    </section>
  );
}

type GuardianForm = Omit<z.input<typeof guardianInputSchema>, 'patientId' | 'id'> & { consentOn: string | null };

function GuardianForm({ patientId, onDone }: { patientId: number; onDone: () => void }) {
  const form = useContractForm({
    method: 'guardians.save',
    schema: guardiansContract['guardians.save'].input,
    defaultValues: {
      name: '',
      relation: 'mother',
      parentalResponsibility: true,
      address: '',
      postalCode: '',
      postalPlace: '',
      phone: '',
      consent: 'unknown',
      consentOn: null,
    } as GuardianForm,
    toInput: (f: GuardianForm) => ({ patientId, ...f }),
    onSaved: () => onDone(),
  });
  const { control } = form;
  return (
    <InlineForm form={form} label="Ny foresatt" submitLabel="Lagre foresatt" onCancel={onDone}>
      <TextInput control={control} name="name" label="Navn" />
      <SelectInput control={control} name="relation" label="Relasjon">
        {GUARDIAN_RELATIONS.map((r) => (
          <option key={r} value={r}>
            {GUARDIAN_RELATION_LABELS[r]}
          </option>
        ))}
      </SelectInput>
      <CheckboxInput control={control} name="parentalResponsibility">
        Har foreldreansvar
      </CheckboxInput>
      <TextInput control={control} name="address" label="Adresse" />
      <div style={{ display: 'flex', gap: 8 }}>
        <TextInput control={control} name="postalCode" label="Postnummer" htmlSize={6} />
        <TextInput control={control} name="postalPlace" label="Poststed" />
      </div>
      <TextInput control={control} name="phone" label="Telefon" />
      <ConsentFields control={control as never} consent={form.watch('consent') ?? 'unknown'} />
    </InlineForm>
  );
}

function ConsentFields({ control, consent }: { control: Control<{ consent: Consent; consentOn: string | null }>; consent: Consent }) {
  return (
    <>
      <SelectInput control={control} name="consent" label="Samtykke til informasjon">
        {CONSENT_STATES.map((c) => (
          <option key={c} value={c}>
            {CONSENT_LABELS[c]}
          </option>
        ))}
      </SelectInput>
      {consent !== 'unknown' && <DateInput control={control} name="consentOn" label="Samtykke registrert" />}
    </>
  );
}

function Contacts({ patientId }: { patientId: number }) {
  const { value: data, error } = useRead('patientContacts.list', { patientId });
  const [adding, setAdding] = useState(false);
  useNewAction('Legg til kontakt for pasienten', () => setAdding(true));
  if (error)
    return (
      <Alert variant="error" size="small">
        {error}
      </Alert>
    );
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
        empty={
          <BodyShort className="muted" spacing>
            Ingen kontakter registrert.
          </BodyShort>
        }
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
      {adding ? (
        <ContactForm patientId={patientId} onDone={() => setAdding(false)} />
      ) : (
        <Button size="small" variant="secondary" onClick={() => setAdding(true)} style={{ marginTop: 8 }}>
          Legg til kontakt
        </Button>
      )}
    </section>
  );
}

type ContactForm = Omit<z.input<typeof patientContactInputSchema>, 'patientId' | 'id'> & { contactedOn: string | null; consentOn: string | null };

function ContactForm({ patientId, onDone }: { patientId: number; onDone: () => void }) {
  const form = useContractForm({
    method: 'patientContacts.save',
    schema: patientContactsContract['patientContacts.save'].input,
    defaultValues: {
      kind: 'municipal',
      name: '',
      relation: '',
      organisation: '',
      phone: '',
      namedInReferral: false,
      contactedOn: null,
      consent: 'unknown',
      consentOn: null,
    } as ContactForm,
    toInput: (f: ContactForm) => ({ patientId, ...f }),
    onSaved: () => onDone(),
  });
  const { control } = form;
  return (
    <InlineForm form={form} label="Ny kontakt" submitLabel="Lagre kontakt" onCancel={onDone}>
      <SelectInput control={control} name="kind" label="Type">
        {PATIENT_CONTACT_KINDS.map((k) => (
          <option key={k} value={k}>
            {PATIENT_CONTACT_KIND_LABELS[k]}
          </option>
        ))}
      </SelectInput>
      <TextInput control={control} name="name" label="Navn" />
      <TextInput control={control} name="relation" label="Relasjon" />
      <TextInput control={control} name="organisation" label="Virksomhet" />
      <TextInput control={control} name="phone" label="Telefon" />
      <CheckboxInput control={control} name="namedInReferral">
        Nevnt i henvisningen
      </CheckboxInput>
      <DateInput control={control} name="contactedOn" label="Kontaktet dato" />
      <ConsentFields control={control as never} consent={form.watch('consent') ?? 'unknown'} />
    </InlineForm>
  );
}
