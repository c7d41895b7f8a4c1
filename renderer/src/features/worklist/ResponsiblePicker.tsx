import { Alert, Button, Select } from '@navikt/ds-react';
import { useState } from 'react';
import type { CaseloadPerson, WorklistRow } from '../../../../shared/contract/worklist';
import { useContractMutation, useContractQuery } from '../../api/query';

/**
 * How a responsible person reads on screen: their own name (the login where they have given none, or where two
 * people share a name), "deg" for oneself, "ingen navngitt" when nobody is named.
 */
export function responsibleLabel(login: string, people: readonly CaseloadPerson[]): string {
  if (login === '') return 'ingen navngitt';
  const person = people.find((p) => p.login === login);
  const name = person?.name ?? '';
  const shared = name !== '' && people.some((p) => p.login !== login && p.name === name);
  const shown = name === '' ? login : shared ? `${name} (${login})` : name;
  return person?.self ? `${shown} (deg)` : shown;
}

/**
 * The selected pathway's responsible person and the step to give it to someone else (audited as
 * pathway.reassign). The list is the team's coordinators and administrative staff (worklist.people).
 */
export function ResponsiblePicker({ row }: { row: WorklistRow }) {
  const people = useContractQuery('worklist.people', {});
  const reassign = useContractMutation('worklist.reassign');
  const list = people.data ?? [];
  const [to, setTo] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const others = list.filter((p) => p.login !== row.responsible);
  return (
    <section aria-labelledby="side-responsible" style={{ marginTop: 12 }} data-testid="responsible">
      <h3 id="side-responsible" className="navds-heading navds-heading--xsmall">
        Ansvarlig: {responsibleLabel(row.responsible, list)}
      </h3>
      <form
        className="responsible-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!to) return;
          setDone(null);
          reassign.mutate(
            { pathwayId: row.pathwayId, to },
            {
              onSuccess: (r) => {
                setDone(`Forløpet er gitt til ${responsibleLabel(r.responsible, list)}.`);
                setTo('');
              },
            },
          );
        }}
      >
        <Select size="small" label="Gi forløpet til" value={to} onChange={(e) => setTo(e.target.value)} error={reassign.error?.issues?.[0]?.message}>
          <option value="">Velg person</option>
          {others.map((p) => (
            <option key={p.login} value={p.login}>
              {responsibleLabel(p.login, list)}
            </option>
          ))}
        </Select>
        <Button size="xsmall" variant="secondary" type="submit" disabled={!to} loading={reassign.isPending}>
          Gi videre
        </Button>
      </form>
      {reassign.error && !reassign.error.issues?.length && (
        <Alert variant="error" size="small">
          {reassign.error.message}
        </Alert>
      )}
      <p role="status" aria-live="polite" className="muted" style={{ margin: '4px 0 0' }}>
        {done ?? ''}
      </p>
    </section>
  );
}
