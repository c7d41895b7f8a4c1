import { Alert, BodyLong, Button, Heading, Table, Tabs } from '@navikt/ds-react';
import { useMemo, useRef, useState } from 'react';
import type { Input, Output } from '../../../../shared/contract';
import { pathwayTypeLabel, settingLabel } from '../../../../shared/domain/pathway-types';
import { keepPreviousData } from '@tanstack/react-query';
import { issuesByField } from '../../api/field-errors';
import { useContractQuery } from '../../api/query';
import { DateField } from '../../components/DateField';
import { formatDate, todayInOslo } from '../../../../shared/domain/time';
import { useUi } from '../../stores/ui';
import { ReadmissionsIndicator } from './ReadmissionsIndicator';
import '../pathways/clock.css';
import { ReportView } from './ReportView';

type Overview = Output<'overview.get'>;
type Drill = Omit<Input<'overview.listPatients'>, 'from' | 'to'> & { title: string };

/** The current tertial (jan–apr, mai–aug, sep–des), the period the national figures are given for. */
function tertialStart(today: string): string {
  const month = Number(today.slice(5, 7));
  const start = month <= 4 ? 1 : month <= 8 ? 5 : 9;
  return `${today.slice(0, 4)}-${String(start).padStart(2, '0')}-01`;
}

/** "Oversikt": the caseload's quality indicators for a period, each figure opening the patients behind it. */
export function OverviewScreen() {
  const today = todayInOslo();
  const [from, setFrom] = useState<string | null>(tertialStart(today));
  const [to, setTo] = useState<string | null>(today);
  const overview = useContractQuery('overview.get', { from: from ?? '', to: to ?? '' }, { placeholderData: keepPreviousData });
  // An invalid period keeps the last figures on screen, the errors by the date fields.
  const lastGood = useRef<Overview | null>(null);
  if (overview.data) lastGood.current = overview.data;
  const data = overview.data ?? lastGood.current;
  const errors = useMemo(() => {
    if (!overview.error) return {} as Record<string, string>;
    const byField = issuesByField(overview.error);
    return Object.keys(byField).length ? byField : { form: overview.error.message };
  }, [overview.error]);
  const [drill, setDrill] = useState<Drill | null>(null);
  const { title: _title, ...drillInput } = drill ?? { title: '' };
  const drilled = useContractQuery(
    'overview.listPatients',
    { ...(drillInput as Omit<Drill, 'title'>), from: data?.from ?? '', to: data?.to ?? '' },
    { enabled: drill !== null && data !== null },
  );
  const patients: Output<'overview.listPatients'> | null = drill && data ? (drilled.data ?? null) : null;
  const navigated = useUi((s) => s.navigated);
  const [view, setView] = useState<'indicators' | 'report'>('indicators');

  const figure = (value: number, d: Drill) => (
    <button type="button" className="linklike" onClick={() => setDrill(d)} aria-label={`${d.title}: ${value} pasienter`}>
      {value}
    </button>
  );

  return (
    <section aria-labelledby="overview-title">
      <div className="screen-title">
        <Heading level="1" size="medium" id="overview-title">
          Oversikt
        </Heading>
      </div>
      <Tabs value={view} onChange={(v) => setView(v as 'indicators' | 'report')} size="small">
        <Tabs.List>
          <Tabs.Tab value="indicators" label="Indikatorer" />
          <Tabs.Tab value="report" label="Rapport" />
        </Tabs.List>
        <Tabs.Panel value="report" style={{ paddingTop: 12 }}>
          {view === 'report' && <ReportView />}
        </Tabs.Panel>
        <Tabs.Panel value="indicators" style={{ paddingTop: 12 }}>
          <BodyLong spacing style={{ maxWidth: 820 }}>
            Kvalitetsindikatorene for dine pasienter, for henvisninger mottatt i perioden, med de nasjonale tallene ved siden av. Trykk på et tall for å se
            pasientene bak det.
          </BodyLong>
          <div className="toolbar" style={{ alignItems: 'flex-start' }}>
            <DateField label="Fra" value={from} onChange={setFrom} error={errors.from} />
            <DateField label="Til" value={to} onChange={setTo} error={errors.to} />
          </div>
          {errors.form && <Alert variant="error">{errors.form}</Alert>}
          {data && (
            <>
              <Table size="small" style={{ maxWidth: 1100, marginBottom: 20 }}>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">Indikator</Table.HeaderCell>
                    <Table.HeaderCell scope="col" align="right">
                      Dine tall
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col" align="right">
                      Innen tid
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col" align="right">
                      Ikke innen tid
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col" align="right">
                      Frist ikke passert
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col">Nasjonalt</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {data.indicators.map((i) => (
                    <Table.Row key={i.id}>
                      <Table.HeaderCell scope="row">
                        {i.label}
                        <div className="muted" style={{ fontWeight: 400, fontSize: 12 }}>
                          {i.description}
                        </div>
                      </Table.HeaderCell>
                      {i.id === 'open_postponed' ? (
                        <>
                          <Table.DataCell align="right">
                            <span className="indicator-value">{figure(i.met, { indicator: i.id, part: 'all', title: i.label })}</span>
                          </Table.DataCell>
                          <Table.DataCell colSpan={3} />
                          <Table.DataCell className="muted">Eget mål, ikke et nasjonalt tall</Table.DataCell>
                        </>
                      ) : (
                        <>
                          <Table.DataCell align="right">
                            <span className="indicator-value">{i.share === null ? '–' : `${i.share} %`}</span>
                          </Table.DataCell>
                          <Table.DataCell align="right">{figure(i.met, { indicator: i.id, part: 'met', title: `${i.label}: innen tid` })}</Table.DataCell>
                          <Table.DataCell align="right">
                            {figure(i.missed, { indicator: i.id, part: 'missed', title: `${i.label}: ikke innen tid` })}
                          </Table.DataCell>
                          <Table.DataCell align="right">
                            {figure(i.pending, { indicator: i.id, part: 'pending', title: `${i.label}: frist ikke passert` })}
                          </Table.DataCell>
                          <Table.DataCell>{i.national ?? <span className="muted">Eget mål, ikke et nasjonalt tall</span>}</Table.DataCell>
                        </>
                      )}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
              <Heading level="2" size="small" spacing>
                Overskridelser etter årsak
              </Heading>
              <Table size="small" style={{ maxWidth: 640, marginBottom: 20 }}>
                <Table.Body>
                  {data.breaches.map((b) => (
                    <Table.Row key={b.reasonCode}>
                      <Table.HeaderCell scope="row">{b.label}</Table.HeaderCell>
                      <Table.DataCell align="right">
                        {figure(b.count, { indicator: 'breaches', part: 'all', reasonCode: b.reasonCode, title: `Overskridelser: ${b.label}` })}
                      </Table.DataCell>
                    </Table.Row>
                  ))}
                  {data.breaches.length === 0 && (
                    <Table.Row>
                      <Table.DataCell colSpan={2} className="muted">
                        Ingen årsaker registrert for frister i perioden.
                      </Table.DataCell>
                    </Table.Row>
                  )}
                  <Table.Row>
                    <Table.HeaderCell scope="row">Overskredet nå, årsak mangler</Table.HeaderCell>
                    <Table.DataCell align="right">
                      {figure(data.breachesWithoutReason, { indicator: 'breaches', part: 'without_reason', title: 'Overskredet nå, årsak mangler' })}
                    </Table.DataCell>
                  </Table.Row>
                </Table.Body>
              </Table>
              <ReadmissionsIndicator from={data.from} to={data.to} />
            </>
          )}
          {drill && patients && (
            <section aria-labelledby="drill-title">
              <div className="actions">
                <Heading level="2" size="small" id="drill-title">
                  {drill.title} ({patients.rows.length}
                  {patients.truncated ? '+' : ''})
                </Heading>
                <Button size="xsmall" variant="tertiary" onClick={() => setDrill(null)}>
                  Lukk listen
                </Button>
              </div>
              <Table size="small" style={{ maxWidth: 1100 }}>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">Pasient</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Fødselsnr.</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Forløp</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Mottatt</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Frist</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Gjort</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {patients.rows.map((r) => (
                    <Table.Row key={r.pathwayId}>
                      <Table.DataCell>
                        <button type="button" className="linklike" onClick={() => navigated({ screen: 'patient', patientId: r.patientId, from: 'overview' })}>
                          {r.name}
                        </button>
                      </Table.DataCell>
                      <Table.DataCell className="mono">{r.nationalIdMasked}</Table.DataCell>
                      <Table.DataCell>
                        {pathwayTypeLabel(r.pathwayType)}, {settingLabel(r.setting).toLowerCase()}
                      </Table.DataCell>
                      <Table.DataCell>{formatDate(r.referralReceived)}</Table.DataCell>
                      <Table.DataCell>{formatDate(r.due)}</Table.DataCell>
                      <Table.DataCell>{r.met ? formatDate(r.met) : '–'}</Table.DataCell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </section>
          )}
        </Tabs.Panel>
      </Tabs>
    </section>
  );
}
