import { Alert, Button, Select } from '@navikt/ds-react';
import { useState } from 'react';
import type { WorklistRow } from '../../../../shared/contract/worklist';
import { useContractMutation, useContractQuery } from '../../api/query';

/** How a login reads on screen: "deg" for oneself, "ingen" when nobody is named. */
export function responsibleLabel(login: string, self: string | undefined): string {
  if (login === '') return 'ingen navngitt';
  return login === self ? `${login} (deg)` : login;
}

/**
 * The selected pathway's responsible person and the step to give it to someone else (audited as
 * pathway.reassign). The list is the team's coordinators and administrative staff (worklist.people).
 */
export function ResponsiblePicker({ row }: { row: WorklistRow }) {
  const people = useContractQuery('worklist.people', {});
  const reassign = useContractMutation('worklist.reassign');
  const me = people.data?.find((p) => p.self)?.login;
  const [to, setTo] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const others = (people.data ?? []).filter((p) => p.login !== row.responsible);
  return (
    <section aria-labelledby="side-responsible" style={{ marginTop: 12 }} data-testid="responsible">
      <h3 id="side-responsible" className="navds-heading navds-heading--xsmall">
        Ansvarlig: {responsibleLabel(row.responsible, me)}
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
                setDone(`Forløpet er gitt til ${responsibleLabel(r.responsible, me)}.`);
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
              {responsibleLabel(p.login, me)}
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
