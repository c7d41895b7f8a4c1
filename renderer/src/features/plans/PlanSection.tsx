import { PencilIcon, PlusIcon, PrinterSmallIcon, TrashIcon } from '@navikt/aksel-icons';
import { Alert, BodyLong, Button, Heading, Modal, Select, Table, Tag, TextField } from '@navikt/ds-react';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { PlanViewDto } from '../../../../shared/contract/plans';
import { allowedTransitions, MEASURE_STATUS_LABELS, type MeasureStatus, type PlanMeasure } from '../../../../shared/domain/individual-plan';
import { daysBetween, daysLeftText, osloDateOf, todayInOslo } from '../../../../shared/domain/time';
import { PLAN_SECTIONS } from '../../../../shared/domain/plan-sections';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { EmptyState } from '../../components/EmptyState';
import { PrintPreview } from '../../components/PrintPreview';
import { formatDate, formatDateTime } from '../../../../shared/domain/time';
import type { PatientSectionProps } from '../patient/sections';
import { useNewAction } from '../shell/new-action';
import { ConsentDialog, GoalDialog, MeasureDialog, NoteDialog, OverviewDialog, ParticipantDialog, RevisionDialog } from './PlanDialogs';
import { VersionDialog } from './PlanReadOnly';
import { DueDate } from '../../components/DueDate';
import './plans.css';
import { firstMessage } from '../../api/field-errors';

type Plan = PlanViewDto['plan'];
type Dialog =
  | { kind: 'overview' }
  | { kind: 'participant'; item: Plan['participants'][number] | null }
  | { kind: 'consent' }
  | { kind: 'goal'; item: Plan['goals'][number] | null }
  | { kind: 'measure'; item: PlanMeasure | null }
  | { kind: 'note'; item: PlanMeasure }
  | { kind: 'revision' }
  | { kind: 'version'; versionNo: number }
  | { kind: 'confirm'; text: string; action: () => Promise<unknown> };

const heading = (no: number) => `${no}. ${PLAN_SECTIONS[no - 1]!.title}`;

function Sec({ no, action, children }: { no: number; action?: ReactNode; children: ReactNode }) {
  return (
    <section className="plan-sec" aria-labelledby={`plan-sec-${no}`}>
      <div className="plan-sec-head">
        <Heading level="3" size="small" id={`plan-sec-${no}`}>
          {heading(no)}
        </Heading>
        {action}
      </div>
      {children}
    </section>
  );
}

const Empty = ({ children = 'Ikke utfylt' }: { children?: ReactNode }) => <p className="muted plan-empty">{children}</p>;

function Text({ value }: { value: string }) {
  return value.trim() === '' ? (
    <Empty />
  ) : (
    <BodyLong size="small" className="plan-pre">
      {value}
    </BodyLong>
  );
}

function EditButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button size="xsmall" variant="tertiary" icon={<PencilIcon aria-hidden />} onClick={onClick}>
      {label}
    </Button>
  );
}

/** Inline "add a resource / need": one field and a button. */
function AddItem({ label, onAdd }: { label: string; onAdd: (text: string) => Promise<string | null> }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const err = await onAdd(text);
    if (err) setError(err);
    else {
      setText('');
      setError(undefined);
    }
  };
  return (
    <form className="plan-add" onSubmit={(e) => void submit(e)} aria-label={label}>
      <TextField size="small" label={label} hideLabel value={text} onChange={(e) => setText(e.target.value)} error={error} htmlSize={36} />
      <Button size="small" variant="secondary" type="submit" icon={<PlusIcon aria-hidden />}>
        {label.replace(/^Ny(tt)? /, 'Legg til ')}
      </Button>
    </form>
  );
}

/** Where a measure came from, when it was made from a meeting's action item. */
function originText(meetingStartAt: string | null): string {
  return meetingStartAt ? `Fra oppfølgingspunkt i samarbeidsmøte ${formatDate(osloDateOf(meetingStartAt))}` : 'Fra oppfølgingspunkt i samarbeidsmøte';
}

const CONSENT_TAG = {
  none: { variant: 'warning', text: 'Samtykke mangler' },
  given: { variant: 'success', text: 'Samtykke gitt' },
  withdrawn: { variant: 'error', text: 'Samtykke trukket tilbake' },
} as const;

/** The patient's individual plan, reading like the § 19 list: nine sections in order, each editable in place. */
export function PlanSection({ patient }: PatientSectionProps) {
  const patientId = patient.id;
  const query = useContractQuery('plans.get', { patientId });
  const view: PlanViewDto | null | undefined = query.data?.view;
  const error = query.error?.message ?? null;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [print, setPrint] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  const open = (d: Dialog) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDialog(d);
  };
  // `n`: the plan itself when there is none, else a new goal.
  useNewAction(
    view ? 'Nytt mål' : 'Opprett individuell plan',
    () => open(view ? { kind: 'goal', item: null } : { kind: 'overview' }),
    view !== undefined && !error,
  );
  const close = () => {
    setDialog(null);
    const el = opener.current;
    if (el?.isConnected) setTimeout(() => el.focus(), 0);
  };

  async function act(request: Promise<{ ok: boolean; error?: { message: string } }>) {
    const res = await request;
    setActionError(res.ok ? null : (res.error?.message ?? 'Noe gikk galt'));
  }

  async function showPrint(versionNo?: number) {
    const res = await call('plans.getPrint', versionNo === undefined ? { patientId } : { patientId, versionNo });
    if (res.ok) setPrint(res.value.html);
    else setActionError(res.error.message);
  }

  if (error)
    return (
      <Alert variant="error" size="small">
        {error}
      </Alert>
    );
  if (view === undefined) return null;
  if (view === null) {
    return (
      <>
        <EmptyState
          title="Ingen individuell plan ennå"
          action={
            <Button size="small" onClick={() => open({ kind: 'overview' })}>
              Opprett individuell plan
            </Button>
          }
        >
          Den individuelle planen er pasientens plan: mål med egne ord, ressurser og behov, tiltak med ansvarlig, og hvem som samarbeider. Planen kan utarbeides
          før samtykke er registrert, men ikke deles eller skrives ut for andre før pasienten har samtykket.
        </EmptyState>
        {dialog?.kind === 'overview' && <OverviewDialog patientId={patientId} plan={null} open onClose={close} />}
      </>
    );
  }

  const { plan } = view;
  const today = todayInOslo();
  const consent = CONSENT_TAG[view.consentState];
  const goalText = (id: number | undefined) => plan.goals.find((g) => g.id === id)?.text;
  const lastRevision = view.revision.lastRevisionOn;

  return (
    <div className="plan">
      <div className="plan-top">
        <div className="plan-top-facts">
          <Heading level="2" size="small">
            Individuell plan
          </Heading>
          <Tag size="small" variant={consent.variant}>
            {consent.text}
          </Tag>
          <span>
            Planperiode {formatDate(plan.period.from)}–{formatDate(plan.period.to)}
          </span>
          <span>
            Neste revisjon:{' '}
            {view.revision.overdue[0] ? (
              <DueDate window="plan" due={view.revision.overdue[0]} today={today} />
            ) : view.revision.next ? (
              <DueDate window="plan" due={view.revision.next} today={today} />
            ) : (
              <span className="muted">ikke satt</span>
            )}
          </span>
        </div>
        <div className="plan-top-actions">
          <Button size="small" variant="secondary" onClick={() => open({ kind: 'revision' })}>
            Gjennomfør revisjon
          </Button>
          <Button
            size="small"
            icon={<PrinterSmallIcon aria-hidden />}
            disabled={!view.print.ok}
            aria-describedby={view.print.ok ? undefined : 'plan-print-reason'}
            onClick={() => void showPrint()}
          >
            Skriv ut / PDF
          </Button>
        </div>
      </div>
      {!view.print.ok && (
        <Alert variant="warning" size="small" className="plan-alert" id="plan-print-reason">
          {view.print.reason}.{view.consentState === 'none' ? ' Registrer samtykket under punkt 8.' : ''}
        </Alert>
      )}
      {view.revision.overdue.length > 0 && (
        <Alert variant="warning" size="small" className="plan-alert">
          Revisjonen {view.revision.overdue.map(formatDate).join(', ')} er ikke gjennomført.
        </Alert>
      )}
      {notice && (
        <Alert variant="success" size="small" className="plan-alert" closeButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {actionError && (
        <Alert variant="error" size="small" className="plan-alert" role="alert" closeButton onClose={() => setActionError(null)}>
          {actionError}
        </Alert>
      )}

      <Sec
        no={1}
        action={
          <Button size="xsmall" variant="tertiary" icon={<PlusIcon aria-hidden />} onClick={() => open({ kind: 'goal', item: null })}>
            Nytt mål
          </Button>
        }
      >
        <div className="plan-label">Mål – med pasientens egne ord</div>
        {plan.goals.length === 0 ? (
          <Empty>Ingen mål ennå.</Empty>
        ) : (
          <ol className="plan-goals">
            {plan.goals.map((g) => (
              <li key={g.id}>
                <span className="plan-goal-text">«{g.text}»</span>
                {g.targetDate && <span className="muted"> innen {formatDate(g.targetDate)}</span>}
                <span className="plan-row-actions">
                  <Button
                    size="xsmall"
                    variant="tertiary"
                    onClick={() => open({ kind: 'goal', item: g })}
                    aria-label={`Endre målet ${g.text}`}
                    icon={<PencilIcon aria-hidden />}
                  />
                  <Button
                    size="xsmall"
                    variant="tertiary-neutral"
                    aria-label={`Fjern målet ${g.text}`}
                    icon={<TrashIcon aria-hidden />}
                    onClick={() =>
                      open({
                        kind: 'confirm',
                        text: `Fjerne målet «${g.text}»? Tiltak knyttet til målet beholdes.`,
                        action: () => act(call('plans.removeGoal', { patientId, id: g.id })),
                      })
                    }
                  />
                </span>
              </li>
            ))}
          </ol>
        )}
        <div className="plan-two">
          {(['resource', 'need'] as const).map((kind) => {
            const items = kind === 'resource' ? plan.resources : plan.needs;
            const label = kind === 'resource' ? 'Ressurser' : 'Behov';
            return (
              <div key={kind}>
                <div className="plan-label">{label}</div>
                {items.length === 0 ? (
                  <Empty>Ingen registrert.</Empty>
                ) : (
                  <ul className="plan-list">
                    {items.map((it) => (
                      <li key={it.id}>
                        {it.text}
                        <Button
                          size="xsmall"
                          variant="tertiary-neutral"
                          aria-label={`Fjern ${it.text}`}
                          icon={<TrashIcon aria-hidden />}
                          onClick={() => void act(call('plans.removeItem', { patientId, kind, id: it.id }))}
                        />
                      </li>
                    ))}
                  </ul>
                )}
                <AddItem
                  label={kind === 'resource' ? 'Ny ressurs' : 'Nytt behov'}
                  onAdd={async (text) => {
                    const res = await call('plans.saveItem', { patientId, kind, item: { text } });
                    return res.ok ? null : firstMessage(res.error);
                  }}
                />
              </div>
            );
          })}
        </div>
      </Sec>

      <Sec
        no={2}
        action={
          <Button size="xsmall" variant="tertiary" icon={<PlusIcon aria-hidden />} onClick={() => open({ kind: 'participant', item: null })}>
            Ny deltaker
          </Button>
        }
      >
        {plan.participants.length === 0 ? (
          <Empty>Ingen deltakere registrert.</Empty>
        ) : (
          <Table size="small" className="plan-table">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Navn</Table.HeaderCell>
                <Table.HeaderCell scope="col">Rolle</Table.HeaderCell>
                <Table.HeaderCell scope="col">Virksomhet</Table.HeaderCell>
                <Table.HeaderCell scope="col">Samtykke til deling</Table.HeaderCell>
                <Table.HeaderCell scope="col">
                  <span className="sr-only">Handlinger</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {plan.participants.map((p) => (
                <Table.Row key={p.id}>
                  <Table.DataCell>{p.name}</Table.DataCell>
                  <Table.DataCell>{p.role}</Table.DataCell>
                  <Table.DataCell>{p.organisation || '–'}</Table.DataCell>
                  <Table.DataCell>{plan.consent.coversParticipantIds.includes(p.id) ? 'Ja' : 'Nei'}</Table.DataCell>
                  <Table.DataCell className="plan-cell-actions">
                    <Button
                      size="xsmall"
                      variant="tertiary"
                      aria-label={`Endre ${p.name}`}
                      icon={<PencilIcon aria-hidden />}
                      onClick={() => open({ kind: 'participant', item: p })}
                    />
                    <Button
                      size="xsmall"
                      variant="tertiary-neutral"
                      aria-label={`Fjern ${p.name}`}
                      icon={<TrashIcon aria-hidden />}
                      onClick={() =>
                        open({
                          kind: 'confirm',
                          text: `Fjerne ${p.name} fra planarbeidet?`,
                          action: () => act(call('plans.removeParticipant', { patientId, id: p.id })),
                        })
                      }
                    />
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Sec>

      <Sec no={3} action={<EditButton label="Endre koordinator" onClick={() => open({ kind: 'overview' })} />}>
        {plan.coordinator.name || plan.coordinator.organisation ? (
          <dl className="facts">
            <dt>Navn</dt>
            <dd>{plan.coordinator.name || '–'}</dd>
            <dt>Virksomhet</dt>
            <dd>{plan.coordinator.organisation || '–'}</dd>
          </dl>
        ) : (
          <Empty />
        )}
      </Sec>

      <Sec no={4} action={<EditButton label="Endre bidrag" onClick={() => open({ kind: 'overview' })} />}>
        <dl className="facts">
          <dt>Pasienten</dt>
          <dd>
            <Text value={plan.contributions.patient} />
          </dd>
          <dt>Tjenestene</dt>
          <dd>
            <Text value={plan.contributions.services} />
          </dd>
          <dt>Pårørende</dt>
          <dd>
            <Text value={plan.contributions.relatives} />
          </dd>
        </dl>
      </Sec>

      <Sec
        no={5}
        action={
          <Button size="xsmall" variant="tertiary" icon={<PlusIcon aria-hidden />} onClick={() => open({ kind: 'measure', item: null })}>
            Nytt tiltak
          </Button>
        }
      >
        {plan.measures.length === 0 ? (
          <Empty>Ingen tiltak ennå.</Empty>
        ) : (
          <Table size="small" className="plan-table" aria-label="Tiltak">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Tiltak</Table.HeaderCell>
                <Table.HeaderCell scope="col">Omfang</Table.HeaderCell>
                <Table.HeaderCell scope="col">Ansvarlig</Table.HeaderCell>
                <Table.HeaderCell scope="col">Start</Table.HeaderCell>
                <Table.HeaderCell scope="col">Frist</Table.HeaderCell>
                <Table.HeaderCell scope="col">Status</Table.HeaderCell>
                <Table.HeaderCell scope="col">
                  <span className="sr-only">Handlinger</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {plan.measures.map((m) => {
                const open_ = m.status === 'planned' || m.status === 'ongoing';
                return (
                  <Table.Row key={m.id}>
                    <Table.DataCell>
                      <div className="plan-measure-what">{m.what}</div>
                      {m.goalId !== undefined && <div className="muted plan-small">Mål: «{goalText(m.goalId)}»</div>}
                      {m.origin && (
                        <div className="muted plan-small">{originText(view.measureOrigins.find((o) => o.measureId === m.id)?.meetingStartAt ?? null)}</div>
                      )}
                    </Table.DataCell>
                    <Table.DataCell>{m.scope || '–'}</Table.DataCell>
                    <Table.DataCell>{m.responsible}</Table.DataCell>
                    <Table.DataCell className="plan-nowrap">{m.startDate ? formatDate(m.startDate) : '–'}</Table.DataCell>
                    <Table.DataCell>{m.dueDate ? <DueDate window="plan" due={m.dueDate} today={today} showState={open_} stacked /> : '–'}</Table.DataCell>
                    <Table.DataCell className="plan-status">
                      <Select
                        size="small"
                        label={`Status for ${m.what}`}
                        hideLabel
                        value={m.status}
                        onChange={(e) => void act(call('plans.changeMeasureStatus', { patientId, measureId: m.id, status: e.target.value as MeasureStatus }))}
                      >
                        <option value={m.status}>{MEASURE_STATUS_LABELS[m.status]}</option>
                        {allowedTransitions(m.status).map((s) => (
                          <option key={s} value={s}>
                            → {MEASURE_STATUS_LABELS[s]}
                          </option>
                        ))}
                      </Select>
                    </Table.DataCell>
                    <Table.DataCell className="plan-cell-actions">
                      <Button
                        size="xsmall"
                        variant="tertiary"
                        aria-label={`Endre tiltaket ${m.what}`}
                        icon={<PencilIcon aria-hidden />}
                        onClick={() => open({ kind: 'measure', item: m })}
                      />
                      <Button
                        size="xsmall"
                        variant="tertiary-neutral"
                        aria-label={`Fjern tiltaket ${m.what}`}
                        icon={<TrashIcon aria-hidden />}
                        onClick={() =>
                          open({
                            kind: 'confirm',
                            text: `Fjerne tiltaket «${m.what}» med fremdriftsnotater? Et tiltak som ikke skal gjennomføres kan heller settes til «Avbrutt».`,
                            action: () => act(call('plans.removeMeasure', { patientId, id: m.id })),
                          })
                        }
                      />
                    </Table.DataCell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        )}
      </Sec>

      <Sec no={6}>
        {plan.measures.length === 0 ? (
          <Empty>Beskrives for hvert tiltak.</Empty>
        ) : (
          <div className="plan-how">
            {plan.measures.map((m) => (
              <div key={m.id} className="plan-how-item">
                <div className="plan-sec-head">
                  <Heading level="4" size="xsmall">
                    {m.what}
                  </Heading>
                  <Button
                    size="xsmall"
                    variant="tertiary"
                    icon={<PlusIcon aria-hidden />}
                    onClick={() => open({ kind: 'note', item: m })}
                    aria-label={`Nytt fremdriftsnotat for ${m.what}`}
                  >
                    Nytt fremdriftsnotat
                  </Button>
                </div>
                <Text value={m.howCarriedOut} />
                {m.progressNotes.length > 0 && (
                  <ul className="plan-notes" aria-label={`Fremdrift – ${m.what}`}>
                    {m.progressNotes.map((n, i) => (
                      <li key={i}>
                        <span className="mono">{formatDate(n.date)}</span> {n.text}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
          </div>
        )}
      </Sec>

      <Sec no={7} action={<EditButton label="Endre periode og revisjonsdatoer" onClick={() => open({ kind: 'overview' })} />}>
        <dl className="facts">
          <dt>Planperiode</dt>
          <dd>
            {formatDate(plan.period.from)}–{formatDate(plan.period.to)}
          </dd>
          <dt>Revisjonsdatoer</dt>
          <dd>
            {plan.revisionDates.length === 0 ? (
              <span className="muted">Ingen satt</span>
            ) : (
              <ul className="plan-list plan-inline-list">
                {plan.revisionDates.map((d) => (
                  <li key={d}>
                    {lastRevision !== null && d <= lastRevision ? (
                      <>
                        <span className="mono">{formatDate(d)}</span> <span className="muted">(gjennomført)</span>
                      </>
                    ) : (
                      <DueDate window="plan" due={d} today={today} />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          {lastRevision && (
            <>
              <dt>Siste revisjon</dt>
              <dd>{formatDate(lastRevision)}</dd>
            </>
          )}
        </dl>
      </Sec>

      <Sec no={8} action={<EditButton label={plan.consent.givenAt ? 'Endre samtykke' : 'Registrer samtykke'} onClick={() => open({ kind: 'consent' })} />}>
        <dl className="facts">
          <dt>Status</dt>
          <dd>
            <Tag size="xsmall" variant={consent.variant}>
              {consent.text}
            </Tag>
          </dd>
          <dt>Samtykke gitt</dt>
          <dd>
            {plan.consent.givenAt ? (
              `${formatDate(plan.consent.givenAt)}${plan.consent.givenBy ? ` av ${plan.consent.givenBy}` : ''}`
            ) : (
              <span className="muted">Ikke registrert</span>
            )}
          </dd>
          <dt>Kan deles med</dt>
          <dd>
            {plan.consent.coversParticipantIds.length === 0
              ? 'Ingen'
              : plan.participants
                  .filter((p) => plan.consent.coversParticipantIds.includes(p.id))
                  .map((p) => `${p.name} (${p.role})`)
                  .join(', ')}
          </dd>
          {plan.consent.withdrawnAt && (
            <>
              <dt>Trukket tilbake</dt>
              <dd>{formatDate(plan.consent.withdrawnAt)}</dd>
            </>
          )}
        </dl>
      </Sec>

      <Sec no={9} action={<EditButton label="Endre samarbeid" onClick={() => open({ kind: 'overview' })} />}>
        <Text value={plan.cooperation} />
      </Sec>

      <section className="plan-sec" aria-labelledby="plan-versions">
        <Heading level="3" size="small" id="plan-versions" spacing>
          Versjoner
        </Heading>
        {view.versions.length === 0 ? (
          <Empty>Ingen revisjoner er gjennomført ennå. Når en revisjon fullføres, tas det vare på en versjon av hele planen.</Empty>
        ) : (
          <Table size="small" className="plan-table">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Versjon</Table.HeaderCell>
                <Table.HeaderCell scope="col">Revisjon holdt</Table.HeaderCell>
                <Table.HeaderCell scope="col">Lagret</Table.HeaderCell>
                <Table.HeaderCell scope="col">
                  <span className="sr-only">Handlinger</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {view.versions.map((v) => (
                <Table.Row key={v.versionNo}>
                  <Table.DataCell>Versjon {v.versionNo}</Table.DataCell>
                  <Table.DataCell>
                    {formatDate(v.heldOn)} <span className="muted">({daysLeftText(daysBetween(today, v.heldOn)).replace('over fristen', 'siden')})</span>
                  </Table.DataCell>
                  <Table.DataCell>{formatDateTime(v.takenAt)}</Table.DataCell>
                  <Table.DataCell>
                    <Button size="xsmall" variant="secondary" onClick={() => open({ kind: 'version', versionNo: v.versionNo })}>
                      Åpne versjon {v.versionNo}
                    </Button>
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>

      {dialog?.kind === 'overview' && <OverviewDialog patientId={patientId} plan={plan} open onClose={close} />}
      {dialog?.kind === 'participant' && <ParticipantDialog patientId={patientId} participant={dialog.item} open onClose={close} />}
      {dialog?.kind === 'consent' && <ConsentDialog patientId={patientId} plan={plan} open onClose={close} />}
      {dialog?.kind === 'goal' && <GoalDialog patientId={patientId} goal={dialog.item} open onClose={close} />}
      {dialog?.kind === 'measure' && (
        <MeasureDialog
          patientId={patientId}
          plan={plan}
          measure={dialog.item}
          version={view.measureVersions.find((v) => v.measureId === dialog.item?.id)?.version}
          open
          onClose={close}
        />
      )}
      {dialog?.kind === 'note' && <NoteDialog patientId={patientId} measure={dialog.item} open onClose={close} />}
      {dialog?.kind === 'revision' && (
        <RevisionDialog
          patientId={patientId}
          view={view}
          open
          onClose={close}
          onDone={(versionNo) => {
            close();
            setNotice(`Revisjonen er fullført. Planen er tatt vare på som versjon ${versionNo}.`);
          }}
        />
      )}
      {dialog?.kind === 'version' && (
        <VersionDialog
          patientId={patientId}
          versionNo={dialog.versionNo}
          canPrint={view.print.ok}
          printReason={view.print.reason}
          onClose={close}
          onPrint={(versionNo) => {
            setDialog(null);
            void showPrint(versionNo);
          }}
        />
      )}
      {dialog?.kind === 'confirm' && (
        <Modal open onClose={close} header={{ heading: 'Bekreft' }} width="small">
          <Modal.Body>
            <BodyLong>{dialog.text}</BodyLong>
          </Modal.Body>
          <Modal.Footer>
            <Button
              size="small"
              variant="danger"
              onClick={() => {
                const action = dialog.action;
                close();
                void action();
              }}
            >
              Fjern
            </Button>
            <Button size="small" variant="secondary" onClick={close}>
              Avbryt
            </Button>
          </Modal.Footer>
        </Modal>
      )}
      <PrintPreview open={print !== null} html={print} heading="Individuell plan" onClose={() => setPrint(null)} />
    </div>
  );
}
