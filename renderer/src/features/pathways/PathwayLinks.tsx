import { Alert, BodyShort, Button } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import type { PathwayDetail } from '../../../../shared/contract/pathways';
import type { EvaluationProposal } from '../../../../shared/contract/transfers';
import { pathwayTypeLabel } from '../../../../shared/domain/pathway-types';
import { formatDate, todayInOslo } from '../../../../shared/domain/time';
import { call } from '../../api/client';
import { issuesByField } from '../../api/field-errors';
import { DateField } from '../../components/DateField';
import { FormError } from '../../components/FormError';
import { ConfidenceTag } from './DeadlineExplanation';

/** The transfer links of one pathway (dt/dd pairs for its facts list): where it came from, where it went. */
export function TransferFacts({ p }: { p: PathwayDetail }) {
  const { from, to } = p.transfer;
  return (
    <>
      {from && (
        <>
          <dt>Overført fra</dt>
          <dd>
            {pathwayTypeLabel(from.pathwayType)}
            {from.transferredOn ? `, overført ${formatDate(from.transferredOn)}` : ''} <span className="muted">({from.kindLabel})</span>. Ingen ny lovpålagt
            vurderingsfrist; forløpstiden regnes fra mottaket her.
          </dd>
        </>
      )}
      {to && (
        <>
          <dt>Overført til</dt>
          <dd>
            {to.pathwayType ? pathwayTypeLabel(to.pathwayType) : to.receivingTrust}
            {to.transferredOn ? `, overført ${formatDate(to.transferredOn)}` : ''} <span className="muted">({to.kindLabel})</span>
            {to.pathwayType === null && <span className="muted"> · forløpet er avsluttet her; helseforetaket som overtar registrerer egen start</span>}{' '}
            <span title={`Kilde: ${to.source}`}>{to.confidence === 'unconfirmed' && <ConfidenceTag confidence="unconfirmed" />}</span>
          </dd>
        </>
      )}
    </>
  );
}

/** "Behandlingsplan utarbeidet med pasient": the date and who recorded it, set or changed in place. */
export function TreatmentPlanFact({ p }: { p: PathwayDetail }) {
  const [editing, setEditing] = useState(false);
  const [date, setDate] = useState<string | null>(p.treatmentPlan?.date ?? todayInOslo());
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await call('evaluations.recordTreatmentPlan', { pathwayId: p.id, date: date ?? '' });
    if (!res.ok) {
      setIssues(issuesByField(res.error));
      return setError(res.error.message);
    }
    setEditing(false);
  }
  return (
    <>
      <dt>Behandlingsplan med pasienten</dt>
      <dd>
        {p.treatmentPlan ? `Utarbeidet ${formatDate(p.treatmentPlan.date)}, registrert av ${p.treatmentPlan.by}` : 'Ikke registrert'}{' '}
        {!editing && p.rights.decision !== 'no_right' && p.rights.decision !== 'not_pathway' && (
          <Button size="xsmall" variant="tertiary" onClick={() => setEditing(true)}>
            {p.treatmentPlan ? 'Endre' : 'Registrer'}
          </Button>
        )}
        {editing && (
          <form onSubmit={submit} aria-label="Behandlingsplan utarbeidet med pasienten" style={{ display: 'grid', gap: 8, maxWidth: 320, marginTop: 4 }}>
            <DateField label="Dato behandlingsplanen ble utarbeidet med pasienten" value={date} onChange={setDate} error={issues.date} />
            <FormError message={error} />
            <div style={{ display: 'flex', gap: 8 }}>
              <Button size="xsmall" type="submit">
                Lagre
              </Button>
              <Button size="xsmall" type="button" variant="tertiary" onClick={() => setEditing(false)}>
                Avbryt
              </Button>
            </div>
          </form>
        )}
      </dd>
    </>
  );
}

/** Evaluations proposed by a held evaluation meeting or an attended evaluation appointment: one click records one. */
export function EvaluationProposals({ proposals }: { proposals: EvaluationProposal[] }) {
  const [error, setError] = useState<string | null>(null);
  if (proposals.length === 0) return null;
  async function decide(p: EvaluationProposal, confirm: boolean) {
    setError(null);
    const ref = { pathwayId: p.pathwayId, sourceKind: p.sourceKind, sourceId: p.sourceId };
    const res = confirm ? await call('evaluations.confirm', ref) : await call('evaluations.dismiss', ref);
    if (!res.ok) setError(res.error.message);
  }
  return (
    <Alert variant="info" size="small" style={{ marginBottom: 12 }}>
      <BodyShort size="small" weight="semibold" spacing>
        Forslag til evaluering
      </BodyShort>
      <ul aria-label="Forslag til evaluering" style={{ margin: 0, paddingLeft: 18, display: 'grid', gap: 6 }}>
        {proposals.map((p) => (
          <li key={`${p.sourceKind}-${p.sourceId}`}>
            {p.label} {formatDate(p.date)}.{' '}
            <Button size="xsmall" variant="primary" onClick={() => decide(p, true)}>
              Registrer evaluering {formatDate(p.date)}
            </Button>{' '}
            <Button size="xsmall" variant="tertiary" onClick={() => decide(p, false)}>
              Ikke en evaluering
            </Button>
          </li>
        ))}
      </ul>
      <FormError message={error} />
    </Alert>
  );
}
