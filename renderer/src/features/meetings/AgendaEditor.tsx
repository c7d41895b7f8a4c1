import { Alert, BodyShort, Button, Heading, Tag, TextField } from '@navikt/ds-react';
import { useEffect, useRef, useState } from 'react';
import type { AgendaItem, MeetingDetail as Detail } from '../../../../shared/contract/meetings';
import { call } from '../../api/client';
import { firstMessage } from '../../api/field-errors';
import { useContractQuery } from '../../api/query';
import { useUnsaved } from '../../forms/unsaved';

const SOURCE_LABELS: Record<string, string> = { action: 'Fra forrige møte', plan_goal: 'Mål i IP', plan_measure: 'Tiltak i IP' };

interface AgendaDraft {
  id?: number;
  title: string;
  source: 'template' | 'manual' | 'action' | 'plan_goal' | 'plan_measure';
  sourceId: number | null;
}

const toDraft = (a: AgendaItem): AgendaDraft => ({ id: a.id, title: a.title, source: a.source as AgendaDraft['source'], sourceId: a.sourceId });

/** The meeting's agenda: edited per meeting, with suggestions from the last meeting's actions and the IP. */
export function AgendaEditor({ meeting, onError }: { meeting: Detail; onError: (e: string) => void }) {
  const [items, setItems] = useState<AgendaDraft[]>(meeting.agenda.map(toDraft));
  const [dirty, setDirty] = useState(false);
  useUnsaved(dirty);
  const [newItem, setNewItem] = useState('');
  const suggested = useContractQuery('meetings.listAgendaSuggestions', { id: meeting.id }).data;
  const suggestions = suggested?.items ?? [];
  const planAvailable = suggested?.planAvailable ?? false;
  const [saved, setSaved] = useState(false);
  // The meeting's row version this agenda was loaded at; after a conflict, the newer one (saving again replaces it).
  const version = useRef(meeting.version);
  // Someone else saved the meeting since it was loaded: their message, and the agenda as it now stands.
  const [conflict, setConflict] = useState<{ message: string; current: AgendaItem[] | null } | null>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  // The refusal shows under the save button; on a long agenda it is brought into view.
  useEffect(() => {
    if (conflict) conflictRef.current?.scrollIntoView({ block: 'nearest' });
  }, [conflict]);

  useEffect(() => {
    if (!dirty) {
      setItems(meeting.agenda.map(toDraft));
      version.current = meeting.version;
    }
  }, [meeting.agenda, meeting.version, dirty]);

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
      version: version.current,
    });
    if (!res.ok) {
      if (res.error.code !== 'conflict') return onError(firstMessage(res.error));
      // What was typed stays in the fields; the current agenda is fetched so it can be looked at (or taken instead).
      setConflict({ message: res.error.message, current: null });
      const fresh = await call('meetings.get', { id: meeting.id });
      if (fresh.ok) {
        version.current = fresh.value.version;
        setConflict({ message: res.error.message, current: fresh.value.agenda });
      }
      return;
    }
    version.current = res.value.version;
    setConflict(null);
    setDirty(false);
    setSaved(true);
  }
  /** Drops what was typed and shows the agenda as the other person saved it. */
  function takeCurrent() {
    if (conflict?.current) setItems(conflict.current.map(toDraft));
    setConflict(null);
    setDirty(false);
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
      {conflict && (
        <Alert variant="warning" size="small" className="mt-conflict" role="alert" ref={conflictRef}>
          <BodyShort size="small" spacing>
            {conflict.message}
          </BodyShort>
          {conflict.current && (
            <>
              <details className="mt-conflict-current">
                <summary>Vis dagsordenen slik den er lagret nå ({conflict.current.length} punkter)</summary>
                <ol className="mt-conflict-list" aria-label="Dagsordenen slik den er lagret nå">
                  {conflict.current.map((a) => (
                    <li key={a.id}>{a.title}</li>
                  ))}
                </ol>
              </details>
              <div className="mt-row">
                <Button size="xsmall" variant="secondary" onClick={takeCurrent}>
                  Bruk den lagrede dagsordenen
                </Button>
              </div>
            </>
          )}
        </Alert>
      )}
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
