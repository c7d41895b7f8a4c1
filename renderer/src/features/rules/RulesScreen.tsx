import { Alert, BodyLong, BodyShort, Button, Heading, Table, Tag } from '@navikt/ds-react';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { RuleTimeView, RuleVersionView } from '../../../../shared/contract/rules';
import type { PathwayTypeId } from '../../../../shared/domain/pathway-types';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useNewAction } from '../shell/new-action';
import { formatDate } from '../../../../shared/domain/time';
import { ConfidenceTag } from '../pathways/DeadlineExplanation';
import { SwitchDate } from './SwitchDate';
import '../pathways/clock.css';
import { LocalVersionDialog } from './LocalVersionDialog';
import { RulePackImport } from './RulePackImport';

type Rules = Output<'rules.list'>;
const SETTING = { outpatient: 'Poliklinikk', inpatient: 'Døgn' } as const;
const VARIANT = { severe: 'alvorlig', less_severe: 'mindre alvorlig' } as const;
const CLOCK = { referral_received: 'henvisning mottatt', referral_assessed: 'henvisning vurdert' } as const;

export function versionLabel(v: Pick<RuleVersionView, 'origin' | 'validFrom'>): string {
  return `${v.origin === 'local' ? 'Lokal versjon' : 'Nasjonal versjon'} fra ${formatDate(v.validFrom)}`;
}

const ORDER = ['start', 'first_attendance', 'clinical_decision', 'evaluation', 'detox_end'];

function TimesTable({ times: unsorted, caption }: { times: RuleTimeView[]; caption: string }) {
  const times = [...unsorted].sort((a, b) =>
    a.setting === b.setting ? ORDER.indexOf(a.fromEvent) - ORDER.indexOf(b.fromEvent) : a.setting === 'outpatient' ? -1 : 1,
  );
  if (times.length === 0) {
    return (
      <BodyShort size="small" className="muted">
        Ingen forløpstider i denne versjonen: bare de lovpålagte fristene gjelder.
      </BodyShort>
    );
  }
  return (
    <Table size="small" style={{ marginBottom: 8 }}>
      <caption>
        <span className="sr-only">{caption}</span>
      </caption>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell scope="col">Nivå</Table.HeaderCell>
          <Table.HeaderCell scope="col">Fra</Table.HeaderCell>
          <Table.HeaderCell scope="col">Til</Table.HeaderCell>
          <Table.HeaderCell scope="col" align="right">
            Tid
          </Table.HeaderCell>
          <Table.HeaderCell scope="col">Sikkerhet</Table.HeaderCell>
          <Table.HeaderCell scope="col">Kilde og merknad</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {times.map((t) => (
          <Table.Row key={t.id}>
            <Table.DataCell>{SETTING[t.setting]}</Table.DataCell>
            <Table.DataCell>{t.fromLabel}</Table.DataCell>
            <Table.DataCell>
              {t.toLabel}
              {t.variant ? ` (${VARIANT[t.variant]})` : ''}
            </Table.DataCell>
            <Table.DataCell align="right" style={{ whiteSpace: 'nowrap' }}>
              {t.days} {t.unit === 'working' ? 'virkedager' : 'dager'}
              {t.repeatWithinDays !== null && <span className="muted"> (første {t.repeatWithinDays === 365 ? 'år' : `${t.repeatWithinDays} dager`})</span>}
            </Table.DataCell>
            <Table.DataCell>
              <ConfidenceTag confidence={t.confidence} />
            </Table.DataCell>
            <Table.DataCell>
              {t.source}
              {t.note ? <span className="muted"> – {t.note}</span> : null}
            </Table.DataCell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

/** "Regler": the rules in force, with source and confidence, and the unit's own versions on top. */
export function RulesScreen() {
  const query = useContractQuery('rules.list', {});
  const data: Rules | null = query.data ?? null;
  const error = query.error?.message ?? null;
  const [adding, setAdding] = useState<PathwayTypeId | null>(null);
  const [withdrawing, setWithdrawing] = useState<RuleVersionView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // `n`: a new local version of the pathway in focus (else the first).
  useNewAction('Ny lokal versjon', () => {
    const here = document.activeElement?.closest<HTMLElement>('[data-pathway]')?.dataset.pathway as PathwayTypeId | undefined;
    const first = data?.pathways[0]?.pathwayType;
    if (here ?? first) setAdding((here ?? first)!);
  });

  async function moveOpen(v: RuleVersionView) {
    const res = await call('rules.moveOpenPathways', { versionId: v.id });
    setMessage(res.ok ? `${res.value.moved} åpne forløp er flyttet til ${versionLabel(v).toLowerCase()}. Flyttingen er logget.` : res.error.message);
  }

  return (
    <section aria-labelledby="rules-title">
      <div className="screen-title">
        <Heading level="1" size="medium" id="rules-title">
          Regler
        </Heading>
      </div>
      <BodyLong spacing style={{ maxWidth: 820 }}>
        Fristene og forløpstidene arbeidslisten regner med, med kilde og hvor sikre de er. Forløpstidene er veiledende og i kalenderdager; de lovpålagte
        fristene regnes i virkedager. Tider merket <ConfidenceTag confidence="unconfirmed" /> er ikke bekreftet i en offentlig kilde. Enheten kan legge inn en
        egen versjon som gjelder fra en dato; forløp som allerede er i gang, beholder sin versjon til du flytter dem.
      </BodyLong>
      {error && <Alert variant="error">{error}</Alert>}
      {message && (
        <Alert variant="info" size="small" closeButton onClose={() => setMessage(null)} style={{ marginBottom: 12 }}>
          {message}
        </Alert>
      )}
      <RulePackImport />
      <section className="rules-pathway" aria-labelledby="rules-legal">
        <Heading level="2" size="small" id="rules-legal" spacing>
          Lovpålagte frister
        </Heading>
        <Table size="small">
          <Table.Body>
            <Table.Row>
              <Table.DataCell>Henvisningen vurdert</Table.DataCell>
              <Table.DataCell>10 virkedager etter at henvisningen er mottatt</Table.DataCell>
              <Table.DataCell>
                <ConfidenceTag confidence="confirmed" />
              </Table.DataCell>
              <Table.DataCell>Pasient- og brukerrettighetsloven § 2-2</Table.DataCell>
            </Table.Row>
            <Table.Row>
              <Table.DataCell>Frist for nødvendig helsehjelp</Table.DataCell>
              <Table.DataCell>Settes ved vurderingen, for utredning eller behandling</Table.DataCell>
              <Table.DataCell>
                <ConfidenceTag confidence="confirmed" />
              </Table.DataCell>
              <Table.DataCell>Pasient- og brukerrettighetsloven § 2-2</Table.DataCell>
            </Table.Row>
            <Table.Row>
              <Table.DataCell>Under 23 år (psykisk lidelse eller rusavhengighet)</Table.DataCell>
              <Table.DataCell>
                Fristen settes høyst 65 virkedager regnet fra henvisningen ble mottatt (den strengeste lesningen); vurderingen foreslår datoen
              </Table.DataCell>
              <Table.DataCell>
                <ConfidenceTag confidence="unconfirmed" />
              </Table.DataCell>
              <Table.DataCell>Prioriteringsforskriften: grensen er bekreftet, forankringen og hvor den regnes fra er ikke bekreftet</Table.DataCell>
            </Table.Row>
          </Table.Body>
        </Table>
      </section>
      {data?.pathways.map((p) => {
        const inForce = p.versions.find((v) => v.inForceToday) ?? null;
        const others = p.versions.filter((v) => v !== inForce);
        return (
          <section key={p.pathwayType} data-pathway={p.pathwayType} className="rules-pathway" aria-labelledby={`rules-${p.pathwayType}`}>
            <div className="pathway-card-head">
              <Heading level="2" size="small" id={`rules-${p.pathwayType}`}>
                {p.code ? `${p.code} ` : ''}
                {p.label}
              </Heading>
              <Button size="xsmall" variant="secondary" onClick={() => setAdding(p.pathwayType)}>
                Ny lokal versjon
              </Button>
            </div>
            {inForce && (
              <>
                <BodyShort size="small" spacing>
                  <Tag size="xsmall" variant="success">
                    Gjelder nå
                  </Tag>{' '}
                  <strong>{versionLabel(inForce)}</strong> · forløpstiden regnes fra {CLOCK[inForce.clockStart]} · {inForce.openPathways} åpne forløp ·{' '}
                  {inForce.source}
                </BodyShort>
                <SwitchDate v={inForce} onSaved={setMessage} />
                <TimesTable times={inForce.times} caption={`${p.label}: forløpstider som gjelder nå`} />
              </>
            )}
            {others.length > 0 && (
              <details>
                <summary>Andre versjoner ({others.length})</summary>
                {others.map((v) => (
                  <div key={v.id} style={{ margin: '8px 0 12px 12px' }}>
                    <BodyShort size="small" spacing>
                      <strong>{versionLabel(v)}</strong> · forløpstiden regnes fra {CLOCK[v.clockStart]} · {v.openPathways} åpne forløp · {v.source}
                      {v.withdrawnAt && (
                        <>
                          {' '}
                          <Tag size="xsmall" variant="neutral">
                            Trukket tilbake {formatDate(v.withdrawnAt)}
                          </Tag>{' '}
                          {v.withdrawnReason}
                        </>
                      )}
                    </BodyShort>
                    <SwitchDate v={v} onSaved={setMessage} />
                    <TimesTable times={v.times} caption={`${p.label}: ${versionLabel(v)}`} />
                    {v.origin === 'local' && !v.withdrawnAt && <LocalVersionActions v={v} onMove={moveOpen} onWithdraw={setWithdrawing} />}
                  </div>
                ))}
              </details>
            )}
            {inForce?.origin === 'local' && <LocalVersionActions v={inForce} onMove={moveOpen} onWithdraw={setWithdrawing} />}
            <details style={{ marginTop: 6 }}>
              <summary>Hendelser og koder</summary>
              <BodyShort size="small" style={{ margin: '6px 0 0 12px' }}>
                {p.events
                  .map(
                    (e) =>
                      `${e.label}${e.code ? ` (${e.code}${e.codeConfidence === 'unconfirmed' ? ', ikke bekreftet' : ''})` : ''}${e.maxPerPathway ? `, høyst ${e.maxPerPathway}` : ''}`,
                  )
                  .join(' · ')}
                {p.code ? ` · Klinisk beslutning kodes med utfallet: ${data.outcomes.map((o) => `${p.code}${o.code}`).join(', ')}` : ''}
              </BodyShort>
            </details>
          </section>
        );
      })}
      {adding && data && (
        <LocalVersionDialog
          pathway={data.pathways.find((p) => p.pathwayType === adding)!}
          today={data.today}
          onClose={() => setAdding(null)}
          onSaved={(label) => setMessage(`${label} er lagret. Nye forløp fra datoen får den; åpne forløp beholder sin versjon til du flytter dem.`)}
        />
      )}
      {withdrawing && <WithdrawVersionDialog v={withdrawing} onClose={() => setWithdrawing(null)} onDone={setMessage} />}
    </section>
  );
}

function LocalVersionActions({
  v,
  onMove,
  onWithdraw,
}: {
  v: RuleVersionView;
  onMove: (v: RuleVersionView) => void;
  onWithdraw: (v: RuleVersionView) => void;
}) {
  return (
    <div className="actions" style={{ marginBottom: 8 }}>
      <Button size="xsmall" variant="secondary" onClick={() => onMove(v)}>
        Flytt åpne forløp til denne versjonen
      </Button>
      <Button size="xsmall" variant="tertiary" onClick={() => onWithdraw(v)}>
        Trekk tilbake
      </Button>
    </div>
  );
}

function WithdrawVersionDialog({ v, onClose, onDone }: { v: RuleVersionView; onClose: () => void; onDone: (m: string) => void }) {
  return (
    <ReasonDialog
      heading="Trekk tilbake lokal versjon"
      explanation="De nasjonale reglene blir stående urørt. Forløp på denne versjonen går tilbake til versjonen som gjaldt da de startet."
      label="Hvorfor trekkes versjonen tilbake?"
      confirmLabel="Trekk tilbake"
      onClose={onClose}
      method="rules.withdrawLocalVersion"
      input={(reason) => ({ versionId: v.id, reason })}
      onDone={(res) => onDone(`${versionLabel(v)} er trukket tilbake. ${res.moved} forløp regnes nå etter versjonen som gjaldt da de startet.`)}
    />
  );
}
