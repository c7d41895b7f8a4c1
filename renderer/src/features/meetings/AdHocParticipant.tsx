import { Button, Select, TextField } from '@navikt/ds-react';
import { useState } from 'react';
import { PARTICIPANT_ROLES } from '../../../../shared/domain/meetings';
import { draftKey, roleLabel, type Draft } from './meeting-form-model';

/** Adds a participant who is not in the contact directory, e.g. a relative. */
export function AdHoc({ onAdd }: { onAdd: (d: Draft) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<string>('relative');
  const [organisation, setOrganisation] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = () => {
    if (name.trim() === '') return setError('Skriv navnet på deltakeren');
    onAdd({ key: draftKey(), contactId: null, name: name.trim(), role, organisation: organisation.trim(), email: '', phone: '', consentCovers: false });
    setName('');
    setOrganisation('');
    setError(undefined);
  };
  return (
    <div className="mt-adhoc">
      <TextField
        size="small"
        label="Annen deltaker"
        description="Ikke i kontaktlisten, f.eks. pårørende"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={error}
      />
      <Select size="small" label="Rolle" value={role} onChange={(e) => setRole(e.target.value)}>
        {PARTICIPANT_ROLES.filter((r) => r !== 'patient').map((r) => (
          <option key={r} value={r}>
            {roleLabel(r)}
          </option>
        ))}
      </Select>
      <TextField size="small" label="Organisasjon" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
      <Button size="small" variant="secondary" type="button" onClick={add}>
        Legg til
      </Button>
    </div>
  );
}
