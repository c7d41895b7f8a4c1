import { Tag, BodyShort } from '@navikt/ds-react';
import { CONSENT_LABELS } from '../../../../shared/contract/coordination-fields';
import {
  GUARDIAN_RELATION_LABELS,
  GUARDIAN_RELATIONS,
  guardiansContract,
  PATIENT_CONTACT_KIND_LABELS,
  PATIENT_CONTACT_KINDS,
  patientContactsContract,
} from '../../../../shared/contract/family';
import { formatDate } from '../../../../shared/domain/time';
import { call } from '../../api/client';
import type { PatientSectionProps } from '../patient/sections';
import { FamilyForm, FamilyList, type FamilyFormSpec } from './FamilyList';
import { useRead } from './use-read';

/** Patient page, tab "Pårørende": guardians (under 18) with who gets letters, and the patient's own contacts. */
export function FamilySection({ patient }: PatientSectionProps) {
  return (
    <div style={{ display: 'grid', gap: 24 }}>
      <Guardians patientId={patient.id} />
      <Contacts patientId={patient.id} />
    </div>
  );
}

const consentText = (p: { consent: keyof typeof CONSENT_LABELS; consentOn: string | null }) =>
  `${CONSENT_LABELS[p.consent]}${p.consentOn ? ` (${formatDate(p.consentOn)})` : ''}`;

const GUARDIAN_FORM: FamilyFormSpec<'guardians.save'> = {
  method: 'guardians.save',
  schema: guardiansContract['guardians.save'].input,
  label: 'Ny foresatt',
  submitLabel: 'Lagre foresatt',
  defaults: {
    name: '',
    relation: 'mother',
    parentalResponsibility: true,
    address: '',
    postalCode: '',
    postalPlace: '',
    phone: '',
    consent: 'unknown',
    consentOn: null,
  },
  fields: [
    { kind: 'text', name: 'name', label: 'Navn' },
    { kind: 'select', name: 'relation', label: 'Relasjon', options: GUARDIAN_RELATIONS, labels: GUARDIAN_RELATION_LABELS },
    { kind: 'checkbox', name: 'parentalResponsibility', label: 'Har foreldreansvar' },
    { kind: 'text', name: 'address', label: 'Adresse' },
    {
      kind: 'row',
      fields: [
        { kind: 'text', name: 'postalCode', label: 'Postnummer', htmlSize: 6 },
        { kind: 'text', name: 'postalPlace', label: 'Poststed' },
      ],
    },
    { kind: 'text', name: 'phone', label: 'Telefon' },
    { kind: 'consent' },
  ],
};

const CONTACT_FORM: FamilyFormSpec<'patientContacts.save'> = {
  method: 'patientContacts.save',
  schema: patientContactsContract['patientContacts.save'].input,
  label: 'Ny kontakt',
  submitLabel: 'Lagre kontakt',
  defaults: {
    kind: 'municipal',
    name: '',
    relation: '',
    organisation: '',
    phone: '',
    namedInReferral: false,
    contactedOn: null,
    consent: 'unknown',
    consentOn: null,
  },
  fields: [
    { kind: 'select', name: 'kind', label: 'Type', options: PATIENT_CONTACT_KINDS, labels: PATIENT_CONTACT_KIND_LABELS },
    { kind: 'text', name: 'name', label: 'Navn' },
    { kind: 'text', name: 'relation', label: 'Relasjon' },
    { kind: 'text', name: 'organisation', label: 'Virksomhet' },
    { kind: 'text', name: 'phone', label: 'Telefon' },
    { kind: 'checkbox', name: 'namedInReferral', label: 'Nevnt i henvisningen' },
    { kind: 'date', name: 'contactedOn', label: 'Kontaktet dato' },
    { kind: 'consent' },
  ],
};

function Guardians({ patientId }: { patientId: number }) {
  const { value: data, error } = useRead('guardians.list', { patientId });
  if (data?.ageBand === 'adult' && data.rows.length === 0) return null;
  return (
    <FamilyList
      id="fam-guardians"
      title="Foresatte"
      error={error}
      rows={data?.rows ?? null}
      intro={
        data && (
          <>
            Pasienten er {data.age} år. {data.patientReceivesLetters ? 'Pasienten får selv brev og innkallinger.' : data.patientReason}
            {data.ageBand === '16_to_17' ? ' Fra 16 år bestemmer pasienten selv hvem som får informasjon.' : ''}
          </>
        )
      }
      columns={[
        { header: 'Navn', cell: (g) => g.name },
        { header: 'Relasjon', cell: (g) => GUARDIAN_RELATION_LABELS[g.relation] },
        { header: 'Foreldreansvar', cell: (g) => (g.parentalResponsibility ? 'Ja' : 'Nei') },
        { header: 'Adresse', cell: (g) => [g.address, [g.postalCode, g.postalPlace].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–' },
        { header: 'Samtykke', cell: consentText },
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
      remove={(g) => call('guardians.delete', { id: g.id })}
      addLabel="Legg til foresatt"
      form={(onDone) => <FamilyForm spec={GUARDIAN_FORM} patientId={patientId} onDone={onDone} />}
    />
  );
}

function Contacts({ patientId }: { patientId: number }) {
  const { value: data, error } = useRead('patientContacts.list', { patientId });
  return (
    <FamilyList
      id="fam-contacts"
      title="Pasientens kontakter"
      error={error}
      rows={data?.rows ?? null}
      intro={<>Kommunen kontaktet: {data?.municipalityContactedOn ? formatDate(data.municipalityContactedOn) : 'ikke registrert'}</>}
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
        { header: 'Samtykke', cell: consentText },
      ]}
      remove={(c) => call('patientContacts.delete', { id: c.id })}
      addLabel="Legg til kontakt"
      newAction="Legg til kontakt for pasienten"
      form={(onDone) => <FamilyForm spec={CONTACT_FORM} patientId={patientId} onDone={onDone} />}
    />
  );
}
