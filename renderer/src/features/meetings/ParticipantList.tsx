import { Alert, BodyShort, Button, Checkbox, Select, Table } from '@navikt/ds-react';
import { PARTICIPANT_ROLES } from '../../../../shared/domain/meetings';
import { AdHoc } from './AdHocParticipant';
import { DirectorySearch } from './DirectorySearch';
import { fromContact, roleLabel, type Draft, type PatientRef } from './meeting-form-model';
import { Suggestions } from './ParticipantSuggestions';

/** The form's participants: the rows (role, consent, remove) and the ways to add one (suggestions, directory, ad hoc). */
export function ParticipantList({
  participants,
  chosen,
  error,
  setParticipants,
}: {
  participants: Draft[];
  chosen: PatientRef | null;
  error: string | undefined;
  setParticipants: (next: (ps: Draft[]) => Draft[]) => void;
}) {
  const update = (key: string, patch: Partial<Draft>) => setParticipants((ps) => ps.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  const add = (d: Draft) => setParticipants((ps) => (d.contactId !== null && ps.some((p) => p.contactId === d.contactId) ? ps : [...ps, d]));
  return (
    <fieldset className="plain">
      <legend className="mt-legend">Deltakere</legend>
      {error && (
        <Alert variant="error" size="small" inline>
          {error}
        </Alert>
      )}
      {participants.length === 0 ? (
        <BodyShort className="muted" spacing>
          Ingen deltakere ennå. Legg til fra forslagene, kontaktlisten eller skriv inn en deltaker.
        </BodyShort>
      ) : (
        <Table size="small" aria-label="Deltakere i møtet">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Navn</Table.HeaderCell>
              <Table.HeaderCell>Rolle</Table.HeaderCell>
              <Table.HeaderCell>Organisasjon</Table.HeaderCell>
              <Table.HeaderCell>Samtykke dekker</Table.HeaderCell>
              <Table.HeaderCell>
                <span className="sr-only">Fjern</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {participants.map((p) => (
              <Table.Row key={p.key}>
                <Table.DataCell>
                  {p.name}
                  {p.contactId !== null && <span className="muted"> (kontaktliste)</span>}
                </Table.DataCell>
                <Table.DataCell style={{ minWidth: 250 }}>
                  <Select size="small" label={`Rolle for ${p.name}`} hideLabel value={p.role} onChange={(e) => update(p.key, { role: e.target.value })}>
                    {PARTICIPANT_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {roleLabel(r)}
                      </option>
                    ))}
                  </Select>
                </Table.DataCell>
                <Table.DataCell>{p.organisation}</Table.DataCell>
                <Table.DataCell>
                  {p.role === 'patient' ? (
                    <span className="muted">Pasienten selv</span>
                  ) : (
                    <Checkbox size="small" hideLabel checked={p.consentCovers} onChange={(e) => update(p.key, { consentCovers: e.target.checked })}>
                      {`Samtykket dekker ${p.name}`}
                    </Checkbox>
                  )}
                </Table.DataCell>
                <Table.DataCell>
                  <Button
                    size="xsmall"
                    variant="tertiary-neutral"
                    type="button"
                    onClick={() => setParticipants((ps) => ps.filter((x) => x.key !== p.key))}
                    aria-label={`Fjern ${p.name}`}
                  >
                    Fjern
                  </Button>
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {chosen && <Suggestions patientId={chosen.id} patientName={chosen.name} participants={participants} onAdd={add} />}
      <div className="mt-two">
        <DirectorySearch onAdd={(c) => add(fromContact(c))} />
        <AdHoc onAdd={add} />
      </div>
    </fieldset>
  );
}
