import { Search } from '@navikt/ds-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { WorklistRow } from '../../../../shared/contract/worklist';
import { useContractQuery } from '../../api/query';
import { useSearchLog } from '../worklist/useSearchLog';
import type { PatientRef } from './meeting-form-model';

const NO_ROWS: WorklistRow[] = [];

/** Chooses the meeting's patient from the worklist: search, arrows and Enter, or the mouse. */
export function PatientPicker({ onChosen, error }: { onChosen: (p: PatientRef) => void; error?: string | undefined }) {
  const [q, setQ] = useState('');
  // Asks once the typing rests (250 ms), from two letters.
  const [resting, setResting] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setResting(q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);
  const searchLogged = useSearchLog(q.trim().length >= 2 ? q : ''); // searched from two letters
  const found = useContractQuery('worklist.list', { search: resting, limit: 8 }, { enabled: resting.length >= 2, placeholderData: keepPreviousData });
  const rows: WorklistRow[] = (q.trim().length >= 2 && found.data?.rows) || NO_ROWS;
  const unique = rows.filter((r, i) => rows.findIndex((x) => x.patientId === r.patientId) === i);
  // Arrows move among the hits, Enter chooses (the form is not sent); the mouse still works.
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, unique.length - 1));
  const choose = (r: WorklistRow) => {
    searchLogged(); // chosen from a search: logged now, if the pause has not already
    onChosen({ id: r.patientId, name: r.name });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (unique.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((current + (e.key === 'ArrowDown' ? 1 : unique.length - 1)) % unique.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(unique[current]!);
    }
  };
  return (
    <div style={{ marginBottom: 12 }}>
      <Search
        size="small"
        label="Pasient"
        hideLabel={false}
        description="Søk på navn eller fødselsnummer i arbeidslisten. Piltaster og Enter velger."
        variant="simple"
        value={q}
        onChange={(v) => {
          setQ(v);
          setActive(0);
        }}
        onClear={() => setQ('')}
        error={error}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={unique.length > 0}
        aria-controls="mt-patient-hits"
        aria-activedescendant={unique.length > 0 ? `mt-patient-${unique[current]!.patientId}` : undefined}
      />
      {unique.length > 0 && (
        <ul className="mt-hits" id="mt-patient-hits" role="listbox" aria-label="Pasienter">
          {unique.map((r, i) => (
            <li
              key={r.patientId}
              id={`mt-patient-${r.patientId}`}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'mt-hit-active' : undefined}
              onClick={() => choose(r)}
            >
              {r.name}
              <span className="muted mono"> {r.nationalIdMasked}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
