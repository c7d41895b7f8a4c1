import { Alert, BodyLong, Button, Heading, Modal, Table } from '@navikt/ds-react';
import type { Output } from '../../../../shared/contract';
import { planItemRef, planSections, type SectionBlock } from '../../../../shared/domain/plan-sections';
import { GOAL_RESULT_LABELS } from '../../../../shared/domain/plan-revision';
import { useContractQuery } from '../../api/query';
import { formatDate, formatDateTime } from '../../../../shared/domain/time';

type Version = Output<'plans.getVersion'>;

function Block({ block }: { block: SectionBlock }) {
  switch (block.kind) {
    case 'text':
      return (
        <div className="plan-block">
          {block.label && <div className="plan-label">{block.label}</div>}
          <BodyLong size="small" className="plan-pre">
            {block.text}
          </BodyLong>
        </div>
      );
    case 'list':
      return (
        <div className="plan-block">
          <div className="plan-label">{block.label}</div>
          <ul className="plan-list">
            {block.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        </div>
      );
    case 'fields':
      return (
        <dl className="facts plan-block">
          {block.fields.map((f) => (
            <div key={f.label} style={{ display: 'contents' }}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'table':
      return (
        <Table size="small" className="plan-block">
          <Table.Header>
            <Table.Row>
              {block.columns.map((c) => (
                <Table.HeaderCell key={c} scope="col">
                  {c}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {block.rows.map((r, i) => (
              <Table.Row key={i}>
                {r.map((c, j) => (
                  <Table.DataCell key={j}>{c}</Table.DataCell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      );
    case 'signature':
      return (
        <BodyLong size="small" className="plan-block plan-statement">
          {block.statement}
        </BodyLong>
      );
  }
}

/** A kept version of the plan: its evaluations, what has changed since, and the nine sections as they stood. */
export function VersionDialog({
  patientId,
  versionNo,
  canPrint,
  printReason,
  onClose,
  onPrint,
}: {
  patientId: number;
  versionNo: number;
  canPrint: boolean;
  printReason: string | null;
  onClose: () => void;
  onPrint: (versionNo: number) => void;
}) {
  const query = useContractQuery('plans.getVersion', { patientId, versionNo });
  const version: Version | null = query.data ?? null;
  const error = query.error?.message ?? null;

  const heading = version ? `Versjon ${version.versionNo} – revisjon ${formatDate(version.heldOn)}` : `Versjon ${versionNo}`;
  return (
    <Modal open onClose={onClose} header={{ heading }} width={960}>
      <Modal.Body>
        {error && (
          <Alert variant="error" size="small">
            {error}
          </Alert>
        )}
        {version && (
          <div className="plan-version">
            <p className="muted" style={{ marginTop: 0 }}>
              Tatt vare på {formatDateTime(version.takenAt)}. Slik planen så ut da revisjonen ble fullført.
            </p>
            <section aria-labelledby="v-eval">
              <Heading level="3" size="xsmall" id="v-eval" spacing>
                Evaluering av målene
              </Heading>
              {version.evaluations.length === 0 ? (
                <p className="muted">Planen hadde ingen mål å evaluere.</p>
              ) : (
                <Table size="small">
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell scope="col">Mål</Table.HeaderCell>
                      <Table.HeaderCell scope="col">Resultat</Table.HeaderCell>
                      <Table.HeaderCell scope="col">Merknad</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {version.evaluations.map((e) => (
                      <Table.Row key={e.goalId}>
                        <Table.DataCell>{version.plan.goals.find((g) => g.id === e.goalId)?.text}</Table.DataCell>
                        <Table.DataCell>{GOAL_RESULT_LABELS[e.result]}</Table.DataCell>
                        <Table.DataCell>{e.note || '–'}</Table.DataCell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              )}
            </section>
            <section aria-labelledby="v-changes" className="plan-changes">
              <Heading level="3" size="xsmall" id="v-changes" spacing>
                Endret siden denne versjonen (sammenlignet med gjeldende plan)
              </Heading>
              {version.changes.length === 0 ? (
                <p className="muted">Ingen endringer i mål, koordinator, tiltak, planperiode eller samtykke.</p>
              ) : (
                <ul className="plan-list">
                  {version.changes.map((c, i) => (
                    <li key={i}>
                      <span className="muted">{planItemRef(c.section)}:</span> {c.label}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {planSections(version.plan).map((s) => (
              <section key={s.id} aria-labelledby={`v-sec-${s.id}`} className="plan-sec">
                <Heading level="3" size="xsmall" id={`v-sec-${s.id}`} spacing>
                  {s.heading}
                </Heading>
                {s.blocks.map((b, i) => (
                  <Block key={i} block={b} />
                ))}
              </section>
            ))}
          </div>
        )}
      </Modal.Body>
      <Modal.Footer>
        <Button
          size="small"
          disabled={!canPrint || !version}
          onClick={() => onPrint(versionNo)}
          aria-describedby={canPrint ? undefined : 'version-print-reason'}
        >
          Skriv ut denne versjonen
        </Button>
        <Button size="small" variant="secondary" onClick={onClose}>
          Lukk
        </Button>
        {!canPrint && (
          <span id="version-print-reason" className="muted plan-print-reason">
            {printReason}
          </span>
        )}
      </Modal.Footer>
    </Modal>
  );
}
