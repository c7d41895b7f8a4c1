import { BodyShort, Button, Heading, Tag, TextField } from '@navikt/ds-react';
import { useEffect, useState } from 'react';
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
