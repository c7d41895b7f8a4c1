import { Alert, Button, Heading } from '@navikt/ds-react';
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { MeetingSummary } from '../../../../shared/contract/meetings';
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS } from '../../../../shared/domain/meetings';
import { addDays, formatDate, isoWeekNumber, mondayOf, todayInOslo, utcToOslo } from '../../../../shared/domain/time';
import { keepPreviousData } from '@tanstack/react-query';
import { useContractQuery } from '../../api/query';
import { useScreenKeys } from './keys';
import { useNewAction } from '../shell/new-action';
import { useArrivalFocus } from '../shell/arrival-focus';
import { MeetingDetail } from './MeetingDetail';
import { MeetingForm } from './MeetingForm';
import './meetings.css';

const DAY_NAMES = ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag', 'Søndag'];

function endTime(m: MeetingSummary): string {
  return utcToOslo(new Date(Date.parse(m.startAt) + m.durationMinutes * 60_000).toISOString()).time;
}

/** "Møter": the week's collaboration meetings. ← → change week, ↑ ↓ (j k) move, Enter opens, n plans a new one. */
export function MeetingsScreen() {
  const [week, setWeek] = useState(() => mondayOf(todayInOslo()));
  const weekQuery = useContractQuery('meetings.listWeek', { from: week, days: 7 }, { placeholderData: keepPreviousData });
  const rows: MeetingSummary[] | null = weekQuery.data?.rows ?? null;
  const error = weekQuery.error?.message ?? null;
  const [chosen, setSelected] = useState(0);
  const selected = Math.min(chosen, Math.max(0, (rows?.length ?? 0) - 1));
  const [openId, setOpenId] = useState<number | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const gridRef = useRef<HTMLDivElement>(null);
  useArrivalFocus(gridRef, rows !== null && openId === null);

  const moveWeek = (by: number) => {
    setWeek((w) => addDays(w, 7 * by));
    setSelected(0);
  };
  useNewAction('Nytt møte', () => setFormOpen(true), openId === null);
  useScreenKeys(
    {
      ArrowLeft: () => moveWeek(-1),
      ArrowRight: () => moveWeek(1),
    },
    openId === null,
  );

  const back = useCallback(() => {
    setOpenId(null);
    setTimeout(() => gridRef.current?.focus(), 0);
  }, []);
  if (openId !== null) return <MeetingDetail id={openId} onBack={back} />;

  const list = rows ?? [];
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'ArrowDown' || e.key === 'j') setSelected((s) => Math.min(list.length - 1, s + 1));
    else if (e.key === 'ArrowUp' || e.key === 'k') setSelected((s) => Math.max(0, s - 1));
    else if (e.key === 'Enter') {
      const m = list[selected];
      if (m) setOpenId(m.id);
    } else return;
    e.preventDefault();
  }

  const days = Array.from({ length: 7 }, (_, i) => addDays(week, i));
  const today = todayInOslo();
  const active = list[selected];
  return (
    <section aria-labelledby="meetings-title">
      <div className="screen-title">
        <Heading level="1" size="medium" id="meetings-title">
          Møter
        </Heading>
        <span className="muted" aria-live="polite">
          Uke {isoWeekNumber(week)} · {formatDate(week)}–{formatDate(addDays(week, 6))} · {list.length} {list.length === 1 ? 'møte' : 'møter'}
        </span>
      </div>
      <div className="toolbar">
        <Button size="small" variant="secondary" onClick={() => moveWeek(-1)}>
          ← Forrige uke
        </Button>
        <Button size="small" variant="secondary" onClick={() => setWeek(mondayOf(todayInOslo()))} disabled={week === mondayOf(today)}>
          Denne uken
        </Button>
        <Button size="small" variant="secondary" onClick={() => moveWeek(1)}>
          Neste uke →
        </Button>
        <Button size="small" onClick={() => setFormOpen(true)}>
          Nytt møte (n)
        </Button>
      </div>
      {error && (
        <Alert variant="error" size="small">
          {error}
        </Alert>
      )}
      <div
        ref={gridRef}
        className="mt-week"
        role="grid"
        aria-label={`Møter uke ${isoWeekNumber(week)}`}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-activedescendant={active ? `mt-${active.id}` : undefined}
        data-testid="meetings-week"
      >
        <div role="row" className="mt-week-row">
          {days.map((d, i) => {
            const dayMeetings = list.filter((m) => utcToOslo(m.startAt).date === d);
            return (
              <div role="gridcell" key={d} className={`mt-day${d === today ? ' mt-today' : ''}`}>
                <div className="mt-day-head">
                  <strong>{DAY_NAMES[i]}</strong> <span className="muted">{formatDate(d).slice(0, 5)}</span>
                  {d === today && <span className="mt-today-tag">i dag</span>}
                </div>
                {dayMeetings.map((m) => {
                  const index = list.indexOf(m);
                  return (
                    <button
                      type="button"
                      key={m.id}
                      id={`mt-${m.id}`}
                      className={`mt-card mt-${m.status}`}
                      aria-selected={index === selected}
                      tabIndex={-1}
                      onClick={() => setSelected(index)}
                      onDoubleClick={() => setOpenId(m.id)}
                    >
                      <span className="mt-card-time">
                        {utcToOslo(m.startAt).time}–{endTime(m)}
                      </span>
                      <span className="mt-card-kind">{MEETING_KIND_LABELS[m.kind]}</span>
                      <span>{m.patientName}</span>
                      <span className="muted">{m.place || (m.videoUrl ? 'Videomøte' : '')}</span>
                      {m.status !== 'planned' && <span className="mt-card-status">{MEETING_STATUS_LABELS[m.status]}</span>}
                      {m.conflictReason && <span className="mt-card-status">⚠ Dobbeltbooket</span>}
                    </button>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
      {rows !== null && list.length === 0 && (
        <p className="muted mt-empty">
          Ingen samarbeidsmøter denne uken. Her planlegger du møter med kommunen, fastlegen og pårørende – ved henvisning, etter vurdering, ved evaluering og
          før avslutning. Tast <kbd>n</kbd> for nytt møte, ← → for å bla mellom ukene.
        </p>
      )}
      {list.length > 0 && (
        <p className="muted" style={{ marginTop: 6 }}>
          Klikk i uken og bruk ↑ ↓ for å velge, <kbd>Enter</kbd> for å åpne. ← → blar mellom ukene.
        </p>
      )}
      <MeetingForm
        open={formOpen}
        patient={null}
        onClose={() => setFormOpen(false)}
        onSaved={(id) => {
          setOpenId(id);
        }}
      />
    </section>
  );
}
