import { Button, Search } from '@navikt/ds-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { Contact } from '../../../../shared/contract/contacts';
import { useContractQuery } from '../../api/query';
import { roleLabel } from './meeting-form-model';

const NO_CONTACTS: Contact[] = [];

/** Finds a participant in the contact directory. */
export function DirectorySearch({ onAdd }: { onAdd: (c: Contact) => void }) {
  const [q, setQ] = useState('');
  const found = useContractQuery('contacts.list', { search: q, limit: 8 }, { enabled: q.trim() !== '', placeholderData: keepPreviousData });
  const hits: Contact[] = (q.trim() !== '' && found.data?.rows) || NO_CONTACTS;
  return (
    <div>
      <Search size="small" label="Søk i kontaktlisten" hideLabel={false} variant="simple" value={q} onChange={setQ} onClear={() => setQ('')} />
      {hits.length > 0 && (
        <ul className="mt-hits" aria-label="Treff i kontaktlisten">
          {hits.map((c) => (
            <li key={c.id}>
              <Button
                size="xsmall"
                variant="tertiary"
                type="button"
                onClick={() => {
                  onAdd(c);
                  setQ('');
                }}
                aria-label={`Legg til ${c.name}`}
              >
                + {c.name}
              </Button>
              <span className="muted"> {[roleLabel(c.role), c.organisation, c.municipalityName].filter(Boolean).join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
