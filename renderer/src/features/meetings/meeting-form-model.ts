import type { ParticipantInput } from '../../../../shared/contract/meetings';
import { PARTICIPANT_ROLE_LABELS, type MeetingKind, type ParticipantRole } from '../../../../shared/domain/meetings';

/** The meeting form's values and its participant rows, and how a row becomes the contract's participant. */
export interface PatientRef {
  id: number;
  name: string;
}

export interface Draft {
  key: string;
  contactId: number | null;
  name: string;
  role: string;
  organisation: string;
  email: string;
  phone: string;
  consentCovers: boolean;
}

export const roleLabel = (r: string) => PARTICIPANT_ROLE_LABELS[r as ParticipantRole] ?? r;
let nextKey = 0;
export const draftKey = () => `p${++nextKey}`;

export function fromContact(c: {
  contactId?: number | null;
  id?: number;
  name: string;
  role: string;
  organisation: string;
  email: string;
  phone: string;
}): Draft {
  return {
    key: draftKey(),
    contactId: c.contactId ?? c.id ?? null,
    name: c.name,
    role: c.role,
    organisation: c.organisation,
    email: c.email,
    phone: c.phone,
    consentCovers: false,
  };
}

export interface MeetingFormValues {
  patient: PatientRef | null;
  kind: MeetingKind;
  date: string | null;
  time: string;
  /** Minutes, as the select holds it. */
  durationMinutes: string;
  place: string;
  videoUrl: string;
  participants: Draft[];
  conflictReason: string;
}

export function toInput(p: Draft): ParticipantInput {
  return { contactId: p.contactId, name: p.name, role: p.role, organisation: p.organisation, email: p.email, phone: p.phone, consentCovers: p.consentCovers };
}
