import { Alert, BodyLong, BodyShort, Button, Heading, Tag } from '@navikt/ds-react';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { auditActionLabel } from '../../../../shared/domain/audit-log';
import { formatDateTime } from '../../../../shared/domain/time';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';

const PAGE = 100;

/**
 * The audit history of a local database moved into the team store (team:move): read only, kept apart from the
 * team's own log, with its own check against the receipt the move wrote into the team log. Nothing on a store
 * that no local database was moved into.
 */
export function ImportedAuditLog() {
  const [limit, setLimit] = useState(PAGE);
  const query = useContractQuery('audit.listImported', { limit });
  const [check, setCheck] = useState<Output<'audit.verifyImported'> | undefined>(undefined);
  const [running, setRunning] = useState(false);
  const data = query.data;
  if (!data || data.total === 0) return null;
  async function verify() {
    setRunning(true);
    const res = await call('audit.verifyImported', {});
    setRunning(false);
    if (res.ok) setCheck(res.value);
  }
  return (
    <section aria-labelledby="imported-log" style={{ marginTop: 24 }} data-testid="imported-log">
      <Heading id="imported-log" level="3" size="xsmall" spacing>
        Historikk flyttet fra lokal database{' '}
        <Tag size="xsmall" variant="neutral">
          Kun lesing
        </Tag>
      </Heading>
      <BodyLong size="small" spacing>
        Loggen fra den lokale databasen som ble flyttet inn i teamlageret, slik den var. Den er ikke en del av teamets egen logg og kan ikke endres. Navnene er
        slik de sto i den lokale databasen.
      </BodyLong>
      <div className="trust-row">
        <Button size="small" variant="secondary" onClick={() => void verify()} loading={running}>
          Kontroller den flyttede historikken
        </Button>
      </div>
      {check !== undefined &&
        (check === null ? null : check.ok ? (
          <Alert variant="success" size="small" role="status" style={{ marginBottom: 12 }}>
            {check.message}
          </Alert>
        ) : (
          <Alert variant="error" size="small" role="alert" style={{ marginBottom: 12 }}>
            {check.message} Ta kontakt med personvernombudet.
          </Alert>
        ))}
      <BodyShort size="small" spacing>
        {`${data.total} ${data.total === 1 ? 'hendelse' : 'hendelser'}${data.total > data.entries.length ? `, viser de ${data.entries.length} nyeste` : ''}.`}
      </BodyShort>
      <table className="audit-table" aria-label="Historikk flyttet fra lokal database">
        <thead>
          <tr>
            <th scope="col">Tidspunkt</th>
            <th scope="col">Bruker</th>
            <th scope="col">OS-bruker</th>
            <th scope="col">Handling</th>
            <th scope="col">Pasient-id</th>
            <th scope="col">Logg-id</th>
          </tr>
        </thead>
        <tbody>
          {data.entries.map((e) => (
            <tr key={e.id}>
              <td className="mono">{formatDateTime(e.at)}</td>
              <td>{e.actor}</td>
              <td>{e.osUser}</td>
              <td>{auditActionLabel(e.action, e.entity)}</td>
              <td className="mono">{e.patientId ?? '–'}</td>
              <td className="mono">{e.id}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.total > data.entries.length && (
        <Button size="xsmall" variant="secondary" style={{ marginTop: 8 }} onClick={() => setLimit((l) => Math.min(500, l + PAGE))} disabled={limit >= 500}>
          Vis flere
        </Button>
      )}
    </section>
  );
}
