import { Alert, BodyShort, Button } from '@navikt/ds-react';
import { useRef, useState } from 'react';
import type { AuditEntryView } from '../../../../shared/contract/audit';
import { auditActionLabel } from '../../../../shared/domain/audit-log';
import { keepPreviousData } from '@tanstack/react-query';
import { formMessage, issuesByField } from '../../api/field-errors';
import { useContractQuery } from '../../api/query';
import { DateField } from '../../components/DateField';
import { formatDateTime } from '../../../../shared/domain/time';

const PAGE = 100;

/** The login (database login on the team store, OS user on the local store), with the person's own name beside it. */
export function LoginCell({ entry }: { entry: AuditEntryView }) {
  return (
    <>
      <span className="mono">{entry.osUser}</span>
      {entry.personName && entry.personName !== entry.osUser && <span className="muted"> – {entry.personName}</span>}
    </>
  );
}

export interface Period {
  from: string | null;
  to: string | null;
}

/** The audit log, newest first, filtered by period (and by patient on the patient page). */
export function AuditLogTable({ patientId, period, onPeriod }: { patientId?: number; period: Period; onPeriod: (p: Period) => void }) {
  const [limit, setLimit] = useState(PAGE);
  const query = useContractQuery(
    'audit.list',
    {
      ...(patientId !== undefined ? { patientId } : {}),
      ...(period.from ? { from: period.from } : {}),
      ...(period.to ? { to: period.to } : {}),
      limit,
    },
    { placeholderData: keepPreviousData },
  );
  // An invalid period keeps the last entries on screen, the errors by the date fields.
  const lastGood = useRef<{ entries: AuditEntryView[]; total: number }>({ entries: [], total: 0 });
  if (query.data) lastGood.current = query.data;
  const { entries, total } = lastGood.current;
  const fieldErrors = query.error ? issuesByField(query.error) : {};
  const error = query.error ? formMessage(query.error) : null;

  return (
    <div>
      <div className="trust-row">
        <DateField label="Fra dato" value={period.from} onChange={(from) => onPeriod({ ...period, from })} error={fieldErrors.from} />
        <DateField label="Til dato" value={period.to} onChange={(to) => onPeriod({ ...period, to })} error={fieldErrors.to} />
      </div>
      {error && (
        <Alert variant="error" size="small">
          {error}
        </Alert>
      )}
      <BodyShort size="small" spacing aria-live="polite">
        {total === 0
          ? 'Ingen hendelser i perioden.'
          : `${total} ${total === 1 ? 'hendelse' : 'hendelser'}${total > entries.length ? `, viser de ${entries.length} nyeste` : ''}.`}
      </BodyShort>
      {entries.length > 0 && (
        <table className="audit-table" aria-label={patientId !== undefined ? 'Logg for pasienten' : 'Logg for hele arbeidslisten'}>
          <thead>
            <tr>
              <th scope="col">Tidspunkt</th>
              <th scope="col">Bruker</th>
              <th scope="col">Innlogging</th>
              <th scope="col">Handling</th>
              {patientId === undefined && <th scope="col">Pasient-id</th>}
              <th scope="col">Logg-id</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td className="mono">{formatDateTime(e.at)}</td>
                <td>{e.actor}</td>
                <td style={{ whiteSpace: 'nowrap' }}>
                  <LoginCell entry={e} />
                </td>
                <td>{auditActionLabel(e.action, e.entity)}</td>
                {patientId === undefined && <td className="mono">{e.patientId ?? '–'}</td>}
                <td className="mono">{e.id}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > entries.length && (
        <Button size="xsmall" variant="secondary" style={{ marginTop: 8 }} onClick={() => setLimit((l) => Math.min(500, l + PAGE))} disabled={limit >= 500}>
          Vis flere
        </Button>
      )}
    </div>
  );
}
