import { BodyShort, Button, Heading, Tag, Textarea } from '@navikt/ds-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MeetingDetail as Detail } from '../../../../shared/contract/meetings';
import { formatDateTime } from '../../../../shared/domain/time';
import { call } from '../../api/client';
import { formMessage, issuesByField } from '../../api/field-errors';
import { useUnsaved } from '../../forms/unsaved';
import { ActionItemsTable, type ActionDraft } from './ActionItemsTable';

let actionKey = 0;

/** The minutes in versions: a note per agenda item, decisions and action items; drafts, finalising and printing. */
export function MinutesEditor({ meeting, onError, onPrint }: { meeting: Detail; onError: (e: string) => void; onPrint: (version?: number) => void }) {
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
        <ActionItemsTable
          actions={draft.actions}
          errors={errors}
          setAction={setAction}
          toggleDone={toggleDone}
          onRemove={(key) => change({ actions: draft.actions.filter((x) => x.key !== key) })}
          onError={onError}
        />
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
