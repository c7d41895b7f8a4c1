import { Alert, BodyShort, Button, Checkbox, Heading, Table, Tag, Textarea, TextField } from '@navikt/ds-react';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AgendaItem, MeetingDetail as Detail } from '../../../../shared/contract/meetings';
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS, PARTICIPANT_ROLE_LABELS, type ParticipantRole } from '../../../../shared/domain/meetings';
import { meetingTimeText } from '../../../../shared/print/meeting-documents';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { PrintPreview } from '../../components/PrintPreview';
import { formatDateTime } from '../../../../shared/domain/time';
import { downloadText } from './keys';
import { InlineDateField } from './InlineDateField';
import { MeetingForm } from './MeetingForm';
import { firstMessage, formMessage, issuesByField } from '../../api/field-errors';
import { leaveIfAgreed, useUnsaved } from '../../forms/unsaved';
import { RowTable } from '../../components/RowTable';
import { ReasonDialog } from '../../components/ReasonDialog';
import { typing } from '../shell/useGlobalShortcuts';

const SOURCE_LABELS: Record<string, string> = { action: 'Fra forrige møte', plan_goal: 'Mål i IP', plan_measure: 'Tiltak i IP' };

/**
 * One meeting: facts, agenda (from the kind's template, edited per meeting), minutes in versions, action items,
 * printing and the calendar file.
 */
export function MeetingDetail({ id, onBack, showPatient = true }: { id: number; onBack: () => void; showPatient?: boolean }) {
  const meeting = useContractQuery('meetings.get', { id });
  const m: Detail | null = meeting.data ?? null;
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? meeting.error?.message ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const [editOpen, setEditOpen] = useState(false);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [print, setPrint] = useState<{ html: string; heading: string; notice?: ReactNode } | null>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || typing(e.target) || document.querySelector('dialog[open]')) return;
      e.stopImmediatePropagation();
      leaveIfAgreed(onBack);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onBack]);

  if (error && !m) return <Alert variant="error">{error}</Alert>;
  if (!m) return null;

  async function printAgenda() {
    const res = await call('meetings.getAgendaDocument', { id });
    if (res.ok) setPrint({ html: res.value.html, heading: 'Dagsorden' });
    else setError(res.error.message);
  }
  async function printInvitation() {
    const res = await call('meetings.getInvitationLetters', { id });
    if (!res.ok) return setError(res.error.message);
    const { recipients, warnings } = res.value;
    const notice = (
      <Alert variant={warnings.length ? 'warning' : 'info'} size="small" style={{ marginBottom: 8 }}>
        <BodyShort size="small" weight="semibold">
          Innkallingen går til:
        </BodyShort>
        <ul style={{ margin: 0 }}>
          {recipients.map((r) => (
            <li key={r.name}>
              {r.name} – {r.reason}
            </li>
          ))}
        </ul>
        {warnings.map((w) => (
          <BodyShort key={w} size="small">
            {w}
          </BodyShort>
        ))}
      </Alert>
    );
    setPrint({ html: res.value.html, heading: 'Innkalling', notice });
  }
  async function printMinutes(version?: number) {
    const res = await call('meetings.getMinutesDocument', { id, ...(version ? { version } : {}) });
    if (res.ok) setPrint({ html: res.value.html, heading: 'Referat' });
    else setError(res.error.message);
  }
  async function exportIcs() {
    const res = await call('meetings.getIcs', { id });
    if (!res.ok) return setError(res.error.message);
    downloadText(res.value.filename, res.value.text, 'text/calendar;charset=utf-8');
    setNotice(
      m!.status === 'cancelled'
        ? 'Kalenderfil med avlysning er lastet ned. Send den til deltakerne.'
        : 'Kalenderfilen er lastet ned. Åpne den i Outlook eller send den til deltakerne.',
    );
  }

  const cancelled = m.status === 'cancelled';
  return (
    <article aria-labelledby="meeting-title" className="mt-detail">
      <Button size="xsmall" variant="tertiary" onClick={() => leaveIfAgreed(onBack)}>
        ← Tilbake (Esc)
      </Button>
      <div className="screen-title">
        <Heading level="2" size="medium" id="meeting-title">
          {MEETING_KIND_LABELS[m.kind]} – {meetingTimeText(m.startAt, m.durationMinutes)}
        </Heading>
        <Tag size="small" variant={cancelled ? 'error' : m.status === 'held' ? 'success' : 'info'}>
          {MEETING_STATUS_LABELS[m.status]}
        </Tag>
      </div>
      <dl className="facts">
        {showPatient && (
          <>
            <dt>Pasient</dt>
            <dd>{m.patientName}</dd>
          </>
        )}
        <dt>Sted</dt>
        <dd>{m.place || '–'}</dd>
        <dt>Videolenke</dt>
        <dd>{m.videoUrl || '–'}</dd>
        {m.conflictReason && (
          <>
            <dt>Overlappende avtaler</dt>
            <dd>Lagret med årsak: {m.conflictReason}</dd>
          </>
        )}
        {cancelled && (
          <>
            <dt>Avlyst</dt>
            <dd>{m.cancelReason || 'Ingen årsak oppgitt'}</dd>
          </>
        )}
        <dt>Kalender</dt>
        <dd>
          {m.icsSequence === 0
            ? 'Invitasjonen er ikke endret etter at den ble laget'
            : `Invitasjonen er endret ${m.icsSequence} ${m.icsSequence === 1 ? 'gang' : 'ganger'}: send ny kalenderfil til deltakerne`}
        </dd>
      </dl>
      <div className="toolbar mt-actions">
        <Button size="small" onClick={printAgenda}>
          Skriv ut dagsorden
        </Button>
        {!cancelled && (
          <Button size="small" variant="secondary" onClick={printInvitation}>
            Innkalling i brev
          </Button>
        )}
        <Button size="small" variant="secondary" onClick={exportIcs}>
          Kalenderfil (.ics)
        </Button>
        {!cancelled && (
          <Button size="small" variant="secondary" onClick={() => setEditOpen(true)}>
            Endre møtet
          </Button>
        )}
        {m.status === 'planned' && (
          <Button size="small" variant="secondary-neutral" onClick={() => setCancelOpen(true)}>
            Avlys møtet
          </Button>
        )}
      </div>
      {notice && (
        <Alert variant="success" size="small" closeButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {error && (
        <Alert variant="error" size="small" closeButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}

      <section aria-labelledby="mt-participants">
        <Heading level="3" size="small" id="mt-participants" spacing>
          Deltakere
        </Heading>
        <RowTable
          label="Deltakere"
          rows={m.participants}
          rowKey={(p) => p.id}
          empty={<BodyShort className="muted">Ingen deltakere er registrert.</BodyShort>}
          columns={[
            { header: 'Navn', cell: (p) => p.name },
            { header: 'Rolle', cell: (p) => PARTICIPANT_ROLE_LABELS[p.role as ParticipantRole] ?? p.role },
            { header: 'Organisasjon', cell: (p) => p.organisation },
            { header: 'Kontakt', cell: (p) => [p.phone, p.email].filter(Boolean).join(' · ') },
            { header: 'Samtykke dekker', cell: (p) => (p.isPatient ? 'Pasienten selv' : p.consentCovers ? 'Ja' : 'Nei – del ikke opplysninger') },
          ]}
        />
      </section>

      <AgendaEditor meeting={m} onError={setError} />
      {!cancelled && <MinutesEditor meeting={m} onError={setError} onPrint={printMinutes} />}

      <MeetingForm
        open={editOpen}
        patient={null}
        meeting={m}
        onClose={() => setEditOpen(false)}
        onSaved={() => setNotice('Endringen er lagret. Send en ny kalenderfil til deltakerne.')}
      />
      <CancelDialog
        open={cancelOpen}
        id={m.id}
        onClose={() => setCancelOpen(false)}
        onDone={() => setNotice('Møtet er avlyst. Last ned kalenderfilen og send avlysningen til deltakerne.')}
      />
      <PrintPreview open={print !== null} onClose={() => setPrint(null)} html={print?.html ?? null} heading={print?.heading ?? ''} notice={print?.notice} />
    </article>
  );
}

function CancelDialog({ open, id, onClose, onDone }: { open: boolean; id: number; onClose: () => void; onDone: () => void }) {
  return (
    <ReasonDialog
      open={open}
      heading="Avlys møtet"
      explanation="Møtet blir stående, merket som avlyst, med årsaken."
      label="Årsak (valgfri)"
      confirmLabel="Avlys møtet"
      method="meetings.cancel"
      input={(reason) => ({ id, reason })}
      multiline
      danger
      onClose={onClose}
      onDone={onDone}
    />
  );
}

interface AgendaDraft {
  id?: number;
  title: string;
  source: 'template' | 'manual' | 'action' | 'plan_goal' | 'plan_measure';
  sourceId: number | null;
}

const toDraft = (a: AgendaItem): AgendaDraft => ({ id: a.id, title: a.title, source: a.source as AgendaDraft['source'], sourceId: a.sourceId });

function AgendaEditor({ meeting, onError }: { meeting: Detail; onError: (e: string) => void }) {
  const [items, setItems] = useState<AgendaDraft[]>(meeting.agenda.map(toDraft));
  const [dirty, setDirty] = useState(false);
  useUnsaved(dirty);
  const [newItem, setNewItem] = useState('');
  const suggested = useContractQuery('meetings.listAgendaSuggestions', { id: meeting.id }).data;
  const suggestions = suggested?.items ?? [];
  const planAvailable = suggested?.planAvailable ?? false;
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!dirty) setItems(meeting.agenda.map(toDraft));
  }, [meeting.agenda, dirty]);

  const change = (next: AgendaDraft[]) => {
    setItems(next);
    setDirty(true);
    setSaved(false);
  };
  const move = (i: number, by: number) => {
    const next = [...items];
    const [it] = next.splice(i, 1);
    next.splice(i + by, 0, it!);
    change(next);
  };
  async function save() {
    const res = await call('meetings.saveAgenda', {
      id: meeting.id,
      items: items.map((i) => ({ ...(i.id ? { id: i.id } : {}), title: i.title, source: i.source, sourceId: i.sourceId })),
    });
    if (!res.ok) return onError(firstMessage(res.error));
    setDirty(false);
    setSaved(true);
  }
  const offered = suggestions.filter((s) => !items.some((i) => i.source === s.source && i.sourceId === s.sourceId));

  return (
    <section aria-labelledby="mt-agenda" className="mt-block">
      <Heading level="3" size="small" id="mt-agenda" spacing>
        Dagsorden
      </Heading>
      <ol className="mt-agenda">
        {items.map((it, i) => (
          <li key={it.id ?? `new-${i}`}>
            <TextField
              size="small"
              label={`Punkt ${i + 1}`}
              hideLabel
              value={it.title}
              onChange={(e) => change(items.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))}
            />
            {SOURCE_LABELS[it.source] && (
              <Tag size="xsmall" variant="neutral">
                {SOURCE_LABELS[it.source]}
              </Tag>
            )}
            <Button size="xsmall" variant="tertiary-neutral" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Flytt punkt ${i + 1} opp`}>
              ↑
            </Button>
            <Button
              size="xsmall"
              variant="tertiary-neutral"
              disabled={i === items.length - 1}
              onClick={() => move(i, 1)}
              aria-label={`Flytt punkt ${i + 1} ned`}
            >
              ↓
            </Button>
            <Button size="xsmall" variant="tertiary-neutral" onClick={() => change(items.filter((_, j) => j !== i))} aria-label={`Fjern punkt ${i + 1}`}>
              Fjern
            </Button>
          </li>
        ))}
      </ol>
      <div className="mt-row">
        <TextField
          size="small"
          label="Nytt punkt"
          hideLabel
          placeholder="Nytt punkt på dagsordenen"
          value={newItem}
          onChange={(e) => setNewItem(e.target.value)}
          htmlSize={50}
        />
        <Button
          size="small"
          variant="secondary"
          disabled={newItem.trim() === ''}
          onClick={() => {
            change([...items, { title: newItem.trim(), source: 'manual', sourceId: null }]);
            setNewItem('');
          }}
        >
          Legg til punkt
        </Button>
        <Button size="small" onClick={save} disabled={!dirty}>
          Lagre dagsorden
        </Button>
        {saved && <span className="muted">Lagret.</span>}
      </div>
      {offered.length > 0 && (
        <div className="mt-suggest">
          <Heading level="4" size="xsmall">
            Forslag til dagsorden
          </Heading>
          <ul className="mt-chips">
            {offered.map((s) => (
              <li key={`${s.source}-${s.sourceId}`}>
                <Button size="xsmall" variant="secondary" onClick={() => change([...items, { title: s.title, source: s.source, sourceId: s.sourceId }])}>
                  + {s.title}
                </Button>
                {s.detail && <span className="muted"> {s.detail}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!planAvailable && (
        <BodyShort size="small" className="muted">
          Pasienten har ingen individuell plan; mål og tiltak foreslås når en plan finnes.
        </BodyShort>
      )}
    </section>
  );
}

interface ActionDraft {
  id?: number;
  key: string;
  text: string;
  owner: string;
  dueDate: string | null;
  done: boolean;
  planMeasureId: number | null;
}

let actionKey = 0;

function MinutesEditor({ meeting, onError, onPrint }: { meeting: Detail; onError: (e: string) => void; onPrint: (version?: number) => void }) {
  const latest = meeting.minutes[0];
  const locked = latest?.status === 'final';
  const seed = useCallback(() => {
    const noteFor = new Map((latest?.notes ?? []).map((n) => [n.agendaItemId, n.note]));
    return {
      notes: Object.fromEntries(meeting.agenda.map((a) => [a.id, noteFor.get(a.id) ?? ''])) as Record<number, string>,
      decisions: latest?.decisions ?? '',
      actions: meeting.actionItems.map((a): ActionDraft => ({ ...a, key: `a${++actionKey}` })),
    };
  }, [latest, meeting.agenda, meeting.actionItems]);
  const [draft, setDraft] = useState(seed);
  const [dirty, setDirty] = useState(false);
  // The draft's row version this editor started from (0: none); after a conflict, the newer one (save again replaces it).
  const draftVersion = useRef(latest?.status === 'draft' ? latest.rowVersion : 0);
  useUnsaved(dirty);
  const [formKey, setFormKey] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    if (!dirty) {
      setDraft(seed());
      setFormKey((k) => k + 1);
      draftVersion.current = latest?.status === 'draft' ? latest.rowVersion : 0;
    }
  }, [seed, dirty, latest]);

  const change = (patch: Partial<ReturnType<typeof seed>>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
    setStatus(null);
  };
  const setAction = (key: string, patch: Partial<ActionDraft>) => change({ actions: draft.actions.map((a) => (a.key === key ? { ...a, ...patch } : a)) });

  async function save(): Promise<boolean> {
    const res = await call('meetings.saveMinutes', {
      id: meeting.id,
      notes: meeting.agenda.map((a) => ({ agendaItemId: a.id, note: draft.notes[a.id] ?? '' })),
      decisions: draft.decisions,
      actionItems: draft.actions.map((a) => ({ ...(a.id ? { id: a.id } : {}), text: a.text, owner: a.owner, dueDate: a.dueDate, done: a.done })),
      draftVersion: draftVersion.current,
    });
    if (!res.ok) {
      if (res.error.code === 'conflict') {
        const fresh = await call('meetings.get', { id: meeting.id });
        const top = fresh.ok ? fresh.value.minutes[0] : undefined;
        if (top) draftVersion.current = top.status === 'draft' ? top.rowVersion : 0;
      }
      setErrors(issuesByField(res.error));
      const message = formMessage(res.error);
      if (message) onError(message);
      return false;
    }
    setErrors({});
    draftVersion.current = res.value.rowVersion;
    setDirty(false);
    setStatus(`Utkast lagret (versjon ${res.value.version}).`);
    return true;
  }
  async function finalize() {
    if (dirty || !latest || latest.status !== 'draft') {
      if (!(await save())) return;
    }
    const res = await call('meetings.finalizeMinutes', { id: meeting.id });
    if (!res.ok) return onError(res.error.message);
    setStatus(`Referatet er ferdigstilt og låst (versjon ${res.value.version}). En senere endring blir en ny versjon.`);
  }
  async function toggleDone(a: ActionDraft, done: boolean) {
    if (!a.id) return setAction(a.key, { done });
    const res = await call('meetings.setActionItemDone', { actionItemId: a.id, done });
    if (!res.ok) return onError(res.error.message);
    setDraft((d) => ({ ...d, actions: d.actions.map((x) => (x.key === a.key ? { ...x, done } : x)) }));
  }
  const readOnly = locked && !dirty;

  return (
    <section aria-labelledby="mt-minutes" className="mt-block" key={formKey}>
      <div className="mt-row">
        <Heading level="3" size="small" id="mt-minutes">
          Referat
        </Heading>
        {latest ? (
          <Tag size="small" variant={latest.status === 'final' ? 'success' : 'warning'}>
            {latest.status === 'final' ? `Versjon ${latest.version} ferdigstilt` : `Versjon ${latest.version} – utkast`}
          </Tag>
        ) : (
          <Tag size="small" variant="neutral">
            Ikke påbegynt
          </Tag>
        )}
      </div>
      {locked && (
        <BodyShort size="small" className="muted" spacing>
          Ferdigstilt {formatDateTime(latest.finalizedAt ?? latest.updatedAt)}
          {latest.finalizedBy ? ` av ${latest.finalizedBy}` : ''}. Endrer du noe, lagres det som versjon {latest.version + 1}; denne versjonen beholdes.
        </BodyShort>
      )}
      {meeting.agenda.map((a, i) => (
        <Textarea
          key={a.id}
          size="small"
          label={`${i + 1}. ${a.title}`}
          minRows={2}
          value={draft.notes[a.id] ?? ''}
          onChange={(e) => change({ notes: { ...draft.notes, [a.id]: e.target.value } })}
          className="mt-note"
        />
      ))}
      <Textarea
        size="small"
        label="Beslutninger"
        minRows={2}
        value={draft.decisions}
        onChange={(e) => change({ decisions: e.target.value })}
        className="mt-note"
        error={errors.decisions}
      />

      <Heading level="4" size="xsmall" spacing>
        Oppfølgingspunkter
      </Heading>
      {draft.actions.length > 0 && (
        <Table size="small" aria-label="Oppfølgingspunkter">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Hva</Table.HeaderCell>
              <Table.HeaderCell>Ansvarlig</Table.HeaderCell>
              <Table.HeaderCell>Frist</Table.HeaderCell>
              <Table.HeaderCell>Utført</Table.HeaderCell>
              <Table.HeaderCell>Individuell plan</Table.HeaderCell>
              <Table.HeaderCell>
                <span className="mt-sr-only">Fjern</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {draft.actions.map((a, i) => (
              <Table.Row key={a.key}>
                <Table.DataCell>
                  <TextField
                    size="small"
                    label={`Oppfølgingspunkt ${i + 1}`}
                    hideLabel
                    value={a.text}
                    onChange={(e) => setAction(a.key, { text: e.target.value })}
                    error={errors[`actionItems.${i}.text`]}
                  />
                </Table.DataCell>
                <Table.DataCell>
                  <TextField
                    size="small"
                    label={`Ansvarlig for punkt ${i + 1}`}
                    hideLabel
                    value={a.owner}
                    onChange={(e) => setAction(a.key, { owner: e.target.value })}
                  />
                </Table.DataCell>
                <Table.DataCell>
                  <InlineDateField
                    label={`Frist for punkt ${i + 1}`}
                    value={a.dueDate}
                    onChange={(d) => setAction(a.key, { dueDate: d })}
                    error={errors[`actionItems.${i}.dueDate`]}
                  />
                </Table.DataCell>
                <Table.DataCell>
                  <Checkbox size="small" hideLabel checked={a.done} onChange={(e) => void toggleDone(a, e.target.checked)}>
                    {`Punkt ${i + 1} er utført`}
                  </Checkbox>
                </Table.DataCell>
                <Table.DataCell>
                  {a.planMeasureId !== null ? (
                    <Tag size="xsmall" variant="success">
                      Tiltak i IP
                    </Tag>
                  ) : a.id ? (
                    <MeasureButton actionItemId={a.id} onError={onError} />
                  ) : (
                    <span className="muted">–</span>
                  )}
                </Table.DataCell>
                <Table.DataCell>
                  {a.planMeasureId === null && (
                    <Button
                      size="xsmall"
                      variant="tertiary-neutral"
                      onClick={() => change({ actions: draft.actions.filter((x) => x.key !== a.key) })}
                      aria-label={`Fjern punkt ${i + 1}`}
                    >
                      Fjern
                    </Button>
                  )}
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <div className="mt-row">
        <Button
          size="small"
          variant="secondary"
          onClick={() =>
            change({ actions: [...draft.actions, { key: `a${++actionKey}`, text: '', owner: '', dueDate: null, done: false, planMeasureId: null }] })
          }
        >
          Nytt oppfølgingspunkt
        </Button>
      </div>
      <div className="toolbar mt-actions">
        <Button size="small" variant="secondary" onClick={() => void save()} disabled={readOnly}>
          {locked ? `Lagre som versjon ${(latest?.version ?? 0) + 1}` : 'Lagre utkast'}
        </Button>
        <Button size="small" onClick={() => void finalize()} disabled={readOnly}>
          Ferdigstill referat
        </Button>
        <Button size="small" variant="secondary" onClick={() => onPrint()} disabled={!latest}>
          Skriv ut referat
        </Button>
        {status && (
          <span className="muted" role="status">
            {status}
          </span>
        )}
      </div>
      {meeting.minutes.length > 1 && (
        <div className="mt-versions">
          <Heading level="4" size="xsmall">
            Tidligere versjoner
          </Heading>
          <ul>
            {meeting.minutes.slice(1).map((v) => (
              <li key={v.version}>
                Versjon {v.version}, {v.status === 'final' ? `ferdigstilt ${v.finalizedAt ? formatDateTime(v.finalizedAt) : ''}` : 'utkast'}{' '}
                <Button size="xsmall" variant="tertiary" onClick={() => onPrint(v.version)}>
                  Skriv ut versjon {v.version}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** The individual-plan feature's `plans.measureFromAction`: the action becomes a measure in the IP, linked back. */
function MeasureButton({ actionItemId, onError }: { actionItemId: number; onError: (e: string) => void }) {
  async function make() {
    const res = await call('plans.measureFromAction', { actionItemId });
    if (!res.ok) onError(res.error.message);
  }
  return (
    <Button size="xsmall" variant="secondary" onClick={() => void make()}>
      Gjør til tiltak i IP
    </Button>
  );
}
