import { BodyShort, Button, Heading } from '@navikt/ds-react';
import { formatDate } from '../../../../shared/domain/time';
import { useContractQuery } from '../../api/query';
import { fromContact, roleLabel, type Draft } from './meeting-form-model';

/** The patient's municipal contacts (coordinators first), the GP and earlier participants, one click each. */
export function Suggestions({
  patientId,
  patientName,
  participants,
  onAdd,
}: {
  patientId: number;
  patientName: string;
  participants: Draft[];
  onAdd: (d: Draft) => void;
}) {
  const data = useContractQuery('contacts.listForPatient', { patientId }).data;
  const guardians = useContractQuery('guardians.list', { patientId }).data;
  if (!data) return null;
  const has = (name: string, contactId: number | null) => participants.some((p) => (contactId !== null ? p.contactId === contactId : p.name === name));
  const items: { label: string; detail: string; draft: () => Draft; present: boolean }[] = [];
  if (!participants.some((p) => p.role === 'patient')) {
    items.push({
      label: patientName,
      detail: 'Pasient',
      draft: () => ({ ...fromContact({ name: patientName, role: 'patient', organisation: '', email: '', phone: '' }), consentCovers: true }),
      present: false,
    });
  }
  // Guardians the rules for under-18s name (issue #13 §2): invited as relatives, with the reason shown.
  for (const g of guardians?.rows ?? []) {
    if (!g.receivesLetters) continue;
    items.push({
      label: g.name,
      detail: `Foresatt: ${g.reason.charAt(0).toLowerCase()}${g.reason.slice(1)}`,
      draft: () => ({ ...fromContact({ name: g.name, role: 'relative', organisation: '', email: '', phone: g.phone }), consentCovers: true }),
      present: has(g.name, null),
    });
  }
  for (const c of data.municipal) {
    items.push({
      label: c.name,
      detail: [roleLabel(c.role), c.organisation].filter(Boolean).join(', '),
      draft: () => fromContact(c),
      present: has(c.name, c.id),
    });
  }
  if (data.gpName && !data.municipal.some((c) => c.role === 'gp' && c.name === data.gpName)) {
    items.push({
      label: data.gpName,
      detail: 'Fastlege (fra pasientens opplysninger)',
      draft: () => fromContact({ name: data.gpName, role: 'gp', organisation: '', email: '', phone: '' }),
      present: has(data.gpName, null),
    });
  }
  for (const p of data.previous) {
    if (p.contactId !== null && data.municipal.some((c) => c.id === p.contactId)) continue;
    items.push({
      label: p.name,
      detail: `${roleLabel(p.role)}, var med ${formatDate(p.lastMeetingAt)}`,
      draft: () => fromContact(p),
      present: has(p.name, p.contactId),
    });
  }
  return (
    <section aria-labelledby="mt-suggest" className="mt-suggest">
      <Heading level="3" size="xsmall" id="mt-suggest">
        Forslag {data.municipalityName ? `fra ${data.municipalityName} kommune og tidligere møter` : 'fra tidligere møter'}
      </Heading>
      {items.length === 0 ? (
        <BodyShort className="muted" size="small">
          Ingen forslag. {data.municipalityName ? `Kontaktlisten har ingen kontakter i ${data.municipalityName}.` : 'Pasienten har ingen kommune registrert.'}
        </BodyShort>
      ) : (
        <ul className="mt-chips">
          {items.map((it) => (
            <li key={`${it.label}-${it.detail}`}>
              <Button
                size="xsmall"
                variant="secondary"
                type="button"
                disabled={it.present}
                onClick={() => onAdd(it.draft())}
                aria-label={`Legg til ${it.label}, ${it.detail}`}
              >
                + {it.label}
              </Button>
              <span className="muted"> {it.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
