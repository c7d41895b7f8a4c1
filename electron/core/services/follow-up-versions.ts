import type { VersionedRecord } from './row-version';

/**
 * No lost update on the follow-up records (row-version.ts): a no-show case's state changes (close, escalate, the
 * clinician's answer, pasientutsatt, undo) and an appointment's corrections and status changes. A contact attempt
 * is an insert of its own and takes no version.
 */
export const NO_SHOW_CASE_RECORD: VersionedRecord = {
  what: 'Saken',
  fields: {
    status: 'Status',
    outcome: 'Utfall',
    new_appointment_id: 'Ny time',
    close_note: 'Notat',
    escalation_answer: 'Svar fra behandler',
    postponed_event_id: 'Pasientutsatt',
    withdrawn_reason: 'Angret',
  },
};

/** A contact in the unit's directory. */
export const CONTACT_RECORD: VersionedRecord = {
  what: 'Kontakten',
  fields: {
    name: 'Navn',
    role: 'Rolle',
    organisation: 'Organisasjon',
    municipality_number: 'Kommune',
    phone: 'Telefon',
    email: 'E-post',
    address: 'Adresse',
    postal_code: 'Postnummer',
    postal_place: 'Poststed',
  },
};

/** A pathway's referrer. */
export const REFERRER_RECORD: VersionedRecord = {
  what: 'Henviseren',
  fields: {
    organisation: 'Virksomhet',
    person: 'Henvisende lege/behandler',
    address: 'Adresse',
    postal_code: 'Postnummer',
    postal_place: 'Poststed',
    her_id: 'HER-id',
    referral_date: 'Henvisningsdato',
    is_gp: 'Henviser er fastlege',
  },
};

export const APPOINTMENT_RECORD: VersionedRecord = {
  what: 'Timen',
  fields: {
    start_at: 'Dato og klokkeslett',
    duration_minutes: 'Varighet',
    place: 'Sted',
    clinician: 'Behandler',
    status: 'Status',
  },
};
