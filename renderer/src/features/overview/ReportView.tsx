import { Alert, BodyLong, Button, Heading, Select, Table } from '@navikt/ds-react';
import { DownloadIcon, PrinterSmallIcon } from '@navikt/aksel-icons';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { pathwayTypeLabel, settingLabel } from '../../../../shared/domain/pathway-types';
import { groupLabel, share, tertialOf, TERTIALS, type ReportIndicatorId, type Tertial } from '../../../../shared/domain/tertial-report';
import { todayInOslo } from '../../../../shared/domain/time';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { PrintPreview } from '../../components/PrintPreview';
import { downloadText } from '../meetings/keys';

type Report = Output<'report.tertial'>;
const pct = (v: number | null) => (v === null ? '–' : `${v} %`);

/**
 * Oversikt › Rapport: the unit leader's report for one tertial — the same numbers on screen, on paper and as CSV,
 * by pathway type and setting, and never a patient.
 */
export function ReportView() {
  const now = tertialOf(todayInOslo());
  const [year, setYear] = useState(now.year);
  const [tertial, setTertial] = useState<Tertial>(now.tertial);
  const report = useContractQuery('report.tertial', { year, tertial });
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const years = Array.from({ length: now.year - 2019 + 1 }, (_, i) => now.year - i);
  const data: Report | null = report.data ?? null;

  async function print() {
    const res = await call('report.print', { year, tertial });
    if (!res.ok) return setError(res.error.message);
    setHtml(res.value.html);
  }
  async function exportCsv() {
    const res = await call('report.exportCsv', { year, tertial });
    if (!res.ok) return setError(res.error.message);
    downloadText(res.value.fileName, res.value.csv, 'text/csv;charset=utf-8');
  }

  return (
    <section aria-labelledby="report-title">
      <Heading level="2" size="small" id="report-title" spacing>
        Rapport per tertial
      </Heading>
      <BodyLong spacing size="small" style={{ maxWidth: 820 }}>
        Tallene for enhetsleder: henvisninger mottatt i tertialet, etter forløp og behandlingsnivå. Bare antall, ingen pasientopplysninger. Utskriften og
        CSV-filen har de samme tallene.
      </BodyLong>
      <div className="toolbar" style={{ alignItems: 'flex-end' }}>
        <Select label="År" size="small" value={String(year)} onChange={(e) => setYear(Number(e.target.value))} style={{ width: 110 }}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
        <Select label="Tertial" size="small" value={String(tertial)} onChange={(e) => setTertial(Number(e.target.value) as Tertial)} style={{ width: 290 }}>
          {TERTIALS.map((t) => (
            <option key={t.tertial} value={t.tertial}>
              {t.label} ({t.months})
            </option>
          ))}
        </Select>
        <Button size="small" variant="secondary" icon={<PrinterSmallIcon aria-hidden />} onClick={() => void print()} disabled={!data}>
          Skriv ut rapporten
        </Button>
        <Button size="small" variant="secondary" icon={<DownloadIcon aria-hidden />} onClick={() => void exportCsv()} disabled={!data}>
          Last ned CSV
        </Button>
      </div>
      {(error ?? report.error?.message) && <Alert variant="error">{error ?? report.error?.message}</Alert>}
      {data && <ReportTables data={data} />}
      <PrintPreview open={html !== null} html={html} heading={`Rapport for ${data?.label ?? ''}`} onClose={() => setHtml(null)} />
    </section>
  );
}

function ReportTables({ data }: { data: Report }) {
  const ids = Object.keys(data.indicatorLabels) as ReportIndicatorId[];
  return (
    <>
      <Heading level="3" size="xsmall" spacing>
        {data.label}
      </Heading>
      {data.groups.length === 0 ? (
        <BodyLong className="muted">Ingen henvisninger mottatt i tertialet.</BodyLong>
      ) : (
        <Table size="small" style={{ maxWidth: 1100, marginBottom: 20 }} aria-label="Indikatorer etter forløp">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Forløp</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">
                Mottatt
              </Table.HeaderCell>
              {ids.map((id) => (
                <Table.HeaderCell key={id} scope="col" align="right">
                  {data.indicatorLabels[id]}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.groups.map((g) => (
              <Table.Row key={`${g.pathwayType}/${g.setting}`}>
                <Table.HeaderCell scope="row">
                  {pathwayTypeLabel(g.pathwayType)}, {settingLabel(g.setting).toLowerCase()}
                </Table.HeaderCell>
                <Table.DataCell align="right">{g.received}</Table.DataCell>
                {g.measures.map((m) => (
                  <Table.DataCell key={m.id} align="right">
                    <strong>{pct(m.share)}</strong>
                    <div className="muted" style={{ fontSize: 12 }}>
                      {m.met} av {m.met + m.missed}
                      {m.pending ? `, ${m.pending} ikke passert` : ''}
                      {m.national ? ` · nasjonalt ${m.national}` : ''}
                    </div>
                  </Table.DataCell>
                ))}
              </Table.Row>
            ))}
            {data.groups.length > 1 && (
              <Table.Row>
                <Table.HeaderCell scope="row">Alle forløp</Table.HeaderCell>
                <Table.DataCell align="right">{data.totals.received}</Table.DataCell>
                {data.totals.measures.map((m) => (
                  <Table.DataCell key={m.id} align="right">
                    <strong>{pct(m.share)}</strong>
                    <div className="muted" style={{ fontSize: 12 }}>
                      {m.met} av {m.met + m.missed}
                      {m.pending ? `, ${m.pending} ikke passert` : ''}
                    </div>
                  </Table.DataCell>
                ))}
              </Table.Row>
            )}
          </Table.Body>
        </Table>
      )}
      <div style={{ display: 'flex', gap: 32, flexWrap: 'wrap' }}>
        <div>
          <Heading level="3" size="xsmall" spacing>
            Overskridelser etter årsak
          </Heading>
          <Table size="small" style={{ minWidth: 420, marginBottom: 20 }} aria-label="Overskridelser etter årsak">
            <Table.Body>
              {data.breaches.map((b) => (
                <Table.Row key={`${b.reasonCode}/${b.pathwayType}/${b.setting}`}>
                  <Table.HeaderCell scope="row">{b.label}</Table.HeaderCell>
                  <Table.DataCell>{groupLabel(b.pathwayType, b.setting)}</Table.DataCell>
                  <Table.DataCell align="right">{b.count}</Table.DataCell>
                </Table.Row>
              ))}
              {data.breaches.length === 0 && (
                <Table.Row>
                  <Table.DataCell className="muted">Ingen overskridelser med registrert årsak.</Table.DataCell>
                </Table.Row>
              )}
            </Table.Body>
          </Table>
        </div>
        <div>
          <Heading level="3" size="xsmall" spacing>
            Ikke møtt: løst innen reglene
          </Heading>
          <Table size="small" style={{ minWidth: 420, marginBottom: 8 }} aria-label="Ikke møtt etter forløp">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Forløp</Table.HeaderCell>
                <Table.HeaderCell scope="col" align="right">
                  Ikke møtt
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" align="right">
                  Innen reglene
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" align="right">
                  Eskalert
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" align="right">
                  Åpne
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.noShows.map((s) => (
                <Table.Row key={`${s.pathwayType}/${s.setting}`}>
                  <Table.HeaderCell scope="row">{groupLabel(s.pathwayType, s.setting)}</Table.HeaderCell>
                  <Table.DataCell align="right">{s.total}</Table.DataCell>
                  <Table.DataCell align="right">
                    {s.resolvedWithinPolicy} ({pct(share(s.resolvedWithinPolicy, s.total - s.resolvedWithinPolicy))})
                  </Table.DataCell>
                  <Table.DataCell align="right">{s.escalated}</Table.DataCell>
                  <Table.DataCell align="right">{s.open}</Table.DataCell>
                </Table.Row>
              ))}
              {data.noShows.length === 0 && (
                <Table.Row>
                  <Table.DataCell colSpan={5} className="muted">
                    Ingen uteblivelser i tertialet.
                  </Table.DataCell>
                </Table.Row>
              )}
            </Table.Body>
          </Table>
          <BodyLong size="small" className="muted" style={{ maxWidth: 480 }}>
            Regler: {data.policy}. Løst innen reglene: avsluttet eller eskalert uten å fravike reglene, med første kontaktforsøk innen fristen.
          </BodyLong>
        </div>
      </div>
    </>
  );
}
