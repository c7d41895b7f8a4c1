import { PrinterSmallIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Button, Heading, Select, Table, Tag } from '@navikt/ds-react';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { EventView, PathwayDetail } from '../../../../shared/contract/pathways';
import { pathwayTypeLabel, settingLabel } from '../../../../shared/domain/pathway-types';
import { RECORD_SYSTEM_NOTICE } from '../../../../shared/domain/record-registration';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { PrintPreview } from '../../components/PrintPreview';
import { formatDate, formatDateTime } from '../../../../shared/domain/time';
import { DueDate } from '../../components/DueDate';
import { DeadlineStateLabel } from '../pathways/DeadlineState';
import { BreachReasonForm, ConfidenceTag, DeadlineExplanation } from '../pathways/DeadlineExplanation';
import { EventDialog, EVENT_KEYS, type EventDialogKind } from '../pathways/EventDialog';
import { EvaluationProposals, TransferFacts, TreatmentPlanFact } from '../pathways/PathwayLinks';
import { TransferDialog } from '../pathways/TransferDialog';
import type { EvaluationProposal } from '../../../../shared/contract/transfers';
import type { PatientSectionProps } from './sections';
import { WithdrawDialog } from './WithdrawEventDialog';

type Data = Output<'pathways.getForPatient'>;
const STATUS_LABEL = { open: 'Åpent', own_clinician: 'Egen behandler', ended: 'Avsluttet' } as const;
const SOURCE_LABEL: Record<string, string> = {
  manual: 'Registrert',
  appointment: 'Fra time',
  no_show: 'Fra ikke møtt',
  assessment: 'Fra vurderingen',
  transfer: 'Fra overføring',
  meeting: 'Fra møte',
};
const BASIS_LABEL = {
  start_event: 'forløpsstart',
  referral_received: 'henvisning mottatt',
  referral_assessed: 'henvisning vurdert',
  transfer_received: 'mottatt ved intern overføring',
  no_pathway: 'ingen forløpsklokke',
} as const;
const RIGHTS_LABEL = {
  right: 'Rett til nødvendig helsehjelp',
  no_right: 'Ikke rett til nødvendig helsehjelp',
  not_pathway: 'Rett, men ikke et forløp',
} as const;
const CARE_KIND_LABEL = { assessment: 'utredning', treatment: 'behandling' } as const;

/** Forløp: each pathway's events with their codes, its deadlines with explanations, and corrections with a reason. */
export function PathwaysSection({ patient }: PatientSectionProps) {
  const query = useContractQuery('pathways.getForPatient', { patientId: patient.id });
  const data: Data | null = query.data ?? null;
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? query.error?.message ?? null;
  const [dialog, setDialog] = useState<{ pathway: PathwayDetail; what: EventDialogKind } | null>(null);
  const [withdraw, setWithdraw] = useState<EventView | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const [transfer, setTransfer] = useState<PathwayDetail | null>(null);
  const proposals = useContractQuery('evaluations.proposals', { patientId: patient.id }).data?.proposals ?? [];

  async function printSummary() {
    const res = await call('pathways.getSummary', { patientId: patient.id });
    if (res.ok) setSummary(res.value.html);
    else setError(res.error.message);
  }

  if (error) return <Alert variant="error">{error}</Alert>;
  if (!data) return null;
  return (
    <div>
      <div className="actions" style={{ marginBottom: 12 }}>
        <Button size="small" variant="secondary" icon={<PrinterSmallIcon aria-hidden />} onClick={printSummary}>
          Skriv ut pasientoppsummering
        </Button>
      </div>
      <Alert variant="info" size="small" style={{ marginBottom: 12 }}>
        {RECORD_SYSTEM_NOTICE} Listen «Til journal» viser hva som gjenstår.
      </Alert>
      {data.pathways.length === 0 && <BodyShort>Pasienten har ingen forløp.</BodyShort>}
      {data.pathways.map((p) => (
        <PathwayCard
          key={p.id}
          p={p}
          reasons={data.breachReasons}
          proposals={proposals.filter((x) => x.pathwayId === p.id)}
          onRecord={(what) => setDialog({ pathway: p, what })}
          onWithdraw={setWithdraw}
          onTransfer={() => setTransfer(p)}
        />
      ))}
      {dialog && (
        <EventDialog
          target={{
            pathwayId: dialog.pathway.id,
            pathwayType: dialog.pathway.pathwayType,
            title: pathwayTypeLabel(dialog.pathway.pathwayType),
            referralAssessed: dialog.pathway.referralAssessed,
            careDeadline: dialog.pathway.careDeadline,
            rights: dialog.pathway.rights,
            careDeadlineLimit: dialog.pathway.careDeadlineLimit,
          }}
          what={dialog.what}
          helpNeeds={data.helpNeeds}
          endReasons={data.endReasons}
          onClose={() => setDialog(null)}
        />
      )}
      {transfer && (
        <TransferDialog pathway={transfer} birthDate={patient.birthDate} title={pathwayTypeLabel(transfer.pathwayType)} onClose={() => setTransfer(null)} />
      )}
      {withdraw && <WithdrawDialog event={withdraw} onClose={() => setWithdraw(null)} />}
      <PrintPreview open={summary !== null} html={summary} heading="Pasientoppsummering" onClose={() => setSummary(null)} />
    </div>
  );
}

interface CardProps {
  p: PathwayDetail;
  reasons: Data['breachReasons'];
  proposals: EvaluationProposal[];
  onRecord: (what: EventDialogKind) => void;
  onWithdraw: (e: EventView) => void;
  onTransfer: () => void;
}

function PathwayCard({ p, reasons, proposals, onRecord, onWithdraw, onTransfer }: CardProps) {
  const open = p.status === 'open';
  const [moveTo, setMoveTo] = useState('');
  const [moveError, setMoveError] = useState<string | null>(null);
  async function move() {
    const res = await call('pathways.moveRuleVersion', { pathwayId: p.id, ruleVersionId: moveTo });
    if (!res.ok) setMoveError(res.error.message);
    else setMoveTo('');
  }
  const headingId = `pathway-${p.id}`;
  return (
    <section className="pathway-card" aria-labelledby={headingId}>
      <div className="pathway-card-head">
        <Heading level="3" size="small" id={headingId}>
          {p.pathwayCode ? `${p.pathwayCode} ` : ''}
          {pathwayTypeLabel(p.pathwayType)} · {settingLabel(p.setting)}
        </Heading>
        <Tag size="small" variant={open ? 'info' : 'neutral'}>
          {STATUS_LABEL[p.status]}
        </Tag>
      </div>
      <dl className="facts" style={{ marginBottom: 12 }}>
        <dt>Henvisning mottatt</dt>
        <dd>{formatDate(p.referralReceived)}</dd>
        <dt>Henvisning vurdert</dt>
        <dd>{p.referralAssessed ? formatDate(p.referralAssessed) : 'Ikke vurdert'}</dd>
        <dt>Rettighetsvurdering</dt>
        <dd>
          {p.rights.decision ? RIGHTS_LABEL[p.rights.decision] : 'Ikke registrert'}
          {p.rights.careKind && ` (${CARE_KIND_LABEL[p.rights.careKind]})`}
          {p.rights.priorityGroup && ` · prioriteringsgruppe ${p.rights.priorityGroup}`}
          {p.rights.patientInformedOn && ` · pasienten informert ${formatDate(p.rights.patientInformedOn)}`}
          {p.intake === 'internal_transfer' && <span className="muted"> · intern overføring: ingen ny lovpålagt vurderingsfrist</span>}
        </dd>
        <dt>Frist for helsehjelp</dt>
        <dd>
          {p.careDeadline
            ? formatDate(p.careDeadline)
            : p.rights.decision === 'no_right'
              ? 'Ingen frist: pasienten har ikke rett til nødvendig helsehjelp'
              : p.intake === 'internal_transfer'
                ? 'Ingen ny frist ved intern overføring'
                : 'Ikke satt'}
          {p.careDeadlineLimit && (
            <span className="muted">
              {' '}
              (under 23 år: senest {formatDate(p.careDeadlineLimit.latest)}. {p.careDeadlineLimit.note})
            </span>
          )}
        </dd>
        <dt>Forløpet regnes fra</dt>
        <dd>
          {p.clockStart.basis === 'no_pathway'
            ? 'Ingen forløpstid: forløpet starter bare når pasienten har rett til nødvendig helsehjelp'
            : p.clockStart.date
              ? `${formatDate(p.clockStart.date)} (${BASIS_LABEL[p.clockStart.basis]})`
              : `${BASIS_LABEL[p.clockStart.basis]} – ikke registrert`}
        </dd>
        <dt>Regelversjon</dt>
        <dd>
          {p.ruleVersion ? `${p.ruleVersion.label}${p.ruleVersion.withdrawn ? ' (trukket tilbake)' : ''}` : 'Ingen'}
          {p.ruleVersion?.validFromConfidence === 'unconfirmed' && <span className="muted"> · startdatoen er ikke bekreftet</span>}
          {open && p.otherVersions.length > 0 && (
            <span className="actions" style={{ marginTop: 4 }}>
              <Select size="small" label="Flytt til regelversjon" hideLabel value={moveTo} onChange={(e) => setMoveTo(e.target.value)}>
                <option value="">Flytt til annen versjon …</option>
                {p.otherVersions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.label}
                  </option>
                ))}
              </Select>
              <Button size="xsmall" variant="secondary" disabled={!moveTo} onClick={move}>
                Flytt forløpet
              </Button>
              {moveError && <span className="deadline-overdue">{moveError}</span>}
            </span>
          )}
        </dd>
        <TransferFacts p={p} />
        <TreatmentPlanFact p={p} />
        {p.patientPostponed.totalDays > 0 && (
          <>
            <dt>Pasientutsatt</dt>
            <dd>
              {p.patientPostponed.totalDays} dager{p.patientPostponed.open ? ' (pågår)' : ''}
            </dd>
          </>
        )}
      </dl>

      {!open && p.rights.decision !== null && p.rights.decision !== 'right' && (
        <div className="actions" style={{ marginBottom: 12 }}>
          <Button size="xsmall" variant="secondary" onClick={() => onRecord({ kind: 'assess' })}>
            Endre rettighetsvurdering
          </Button>
        </div>
      )}
      {open && (
        <div className="actions" style={{ marginBottom: 12 }} role="group" aria-label="Registrer hendelse">
          {EVENT_KEYS.map((k) => (
            <Button
              key={k.key}
              size="xsmall"
              variant="secondary"
              onClick={() => onRecord(k.type === 'assess' ? { kind: 'assess' } : { kind: 'event', type: k.type })}
            >
              {k.label}
            </Button>
          ))}
          {p.rights.decision === 'right' && (
            <Button size="xsmall" variant="secondary" onClick={onTransfer}>
              Overfør forløpet
            </Button>
          )}
        </div>
      )}
      {p.status === 'own_clinician' && p.rights.decision === 'right' && (
        <div className="actions" style={{ marginBottom: 12 }}>
          <Button size="xsmall" variant="secondary" onClick={onTransfer}>
            Overfør forløpet
          </Button>
        </div>
      )}
      <EvaluationProposals proposals={proposals} />

      {[...p.validations, ...p.dataQuality].filter((i) => i.code !== 'no_rule_version' || !p.ruleVersion).length > 0 && (
        <Alert variant="warning" size="small" style={{ marginBottom: 12 }}>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {[...p.validations, ...p.dataQuality].map((i, n) => (
              <li key={n}>{i.message}</li>
            ))}
          </ul>
        </Alert>
      )}

      <Heading level="4" size="xsmall" spacing>
        Frister
      </Heading>
      <Table size="small" style={{ marginBottom: 16 }}>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">Frist</Table.HeaderCell>
            <Table.HeaderCell scope="col">Dato</Table.HeaderCell>
            <Table.HeaderCell scope="col">Hvorfor</Table.HeaderCell>
            <Table.HeaderCell scope="col">Årsak til overskridelse</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {p.deadlines.length === 0 && (
            <Table.Row>
              <Table.DataCell colSpan={4}>
                <DeadlineStateLabel state="none" /> {p.nextAction.label}
              </Table.DataCell>
            </Table.Row>
          )}
          {p.deadlines.map((d) => (
            <Table.Row key={d.key}>
              <Table.DataCell>
                {d.label}
                {d.kind === 'legal' && <span className="muted"> (lovpålagt)</span>}
              </Table.DataCell>
              <Table.DataCell style={{ whiteSpace: 'nowrap' }}>
                <DueDate due={d.due} met={d.met} window="pathway" />
              </Table.DataCell>
              <Table.DataCell>
                <details>
                  <summary>
                    {d.explanation?.offset != null
                      ? `${d.explanation.offset} ${d.explanation.unit === 'working' ? 'virkedager' : 'dager'} fra ${d.explanation.startEventLabel.toLowerCase()}`
                      : 'Forklaring'}
                    {d.explanation?.unconfirmed && (
                      <>
                        {' '}
                        <ConfidenceTag confidence="unconfirmed" />
                      </>
                    )}
                  </summary>
                  <DeadlineExplanation deadline={d} />
                </details>
              </Table.DataCell>
              <Table.DataCell>
                {d.state === 'overdue' ? (
                  d.breachReason && !open ? (
                    `${d.breachReason.label}${d.breachReason.note ? ` – ${d.breachReason.note}` : ''}`
                  ) : (
                    <details open={!d.breachReason}>
                      <summary>{d.breachReason ? `${d.breachReason.label}${d.breachReason.note ? ` – ${d.breachReason.note}` : ''}` : 'Årsak mangler'}</summary>
                      <BreachReasonForm key={`${d.key}-${d.breachReason?.code ?? ''}`} pathwayId={p.id} deadline={d} reasons={reasons} />
                    </details>
                  )
                ) : (
                  <span className="muted">–</span>
                )}
              </Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>

      <Heading level="4" size="xsmall" spacing>
        Hendelser
      </Heading>
      {p.events.length === 0 ? (
        <BodyShort size="small" className="muted">
          Ingen hendelser registrert ennå.
        </BodyShort>
      ) : (
        <Table size="small">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Dato</Table.HeaderCell>
              <Table.HeaderCell scope="col">Hendelse</Table.HeaderCell>
              <Table.HeaderCell scope="col">Kode</Table.HeaderCell>
              <Table.HeaderCell scope="col">Kilde</Table.HeaderCell>
              <Table.HeaderCell scope="col">Status</Table.HeaderCell>
              <Table.HeaderCell scope="col">
                <span className="sr-only">Handlinger</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {p.events.map((e) => (
              <Table.Row key={e.id} className={e.status === 'active' ? undefined : 'event-corrected'}>
                <Table.DataCell>{formatDate(e.date)}</Table.DataCell>
                <Table.DataCell>
                  {e.label}
                  {e.outcomeLabel ? `: ${e.outcomeLabel}` : ''}
                  {e.until ? ` (til ${formatDate(e.until)})` : ''}
                  {e.endReasonLabel ? ` – ${e.endReasonLabel}` : ''}
                  {e.helpNeedLabel ? ` – ${e.helpNeedLabel}` : ''}
                  {e.note ? ` – ${e.note}` : ''}
                </Table.DataCell>
                <Table.DataCell className="mono">
                  {e.code ?? '–'}
                  {e.code && e.codeConfidence === 'unconfirmed' && <span title="Kodebokstaven er ikke bekreftet mot kodeveilederen"> *</span>}
                </Table.DataCell>
                <Table.DataCell>{SOURCE_LABEL[e.source] ?? e.source}</Table.DataCell>
                <Table.DataCell className="keep">
                  {e.status === 'active'
                    ? 'Gjeldende'
                    : e.status === 'corrected'
                      ? `Korrigert: ${e.correctionReason ?? ''}`
                      : `Trukket tilbake: ${e.correctionReason ?? ''}`}
                  {e.status !== 'active' && <span className="muted"> ({formatDateTime(e.createdAt)})</span>}
                </Table.DataCell>
                <Table.DataCell className="keep">
                  {e.status === 'active' && (
                    <span className="actions">
                      <Button size="xsmall" variant="tertiary" onClick={() => onRecord({ kind: 'correct', event: e })}>
                        Korriger
                      </Button>
                      <Button size="xsmall" variant="tertiary" onClick={() => onWithdraw(e)}>
                        Trekk tilbake
                      </Button>
                    </span>
                  )}
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
