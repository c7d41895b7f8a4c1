import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { WorklistGroup, WorklistRow } from '../../../../shared/contract/worklist';
import { PATHWAY_TYPES, pathwayTypeLabel, settingLabel } from '../../../../shared/domain/pathway-types';
import { DUE_SOON_DAYS } from '../../../../shared/domain/due';
import { formatDate } from '../../../../shared/domain/time';
import { useWorklist } from '../../stores/worklist';
import { useWorklistRows } from './worklist-query';
import { DueDate } from '../../components/DueDate';
import { EVENT_KEYS } from '../pathways/EventDialog';
import '../pathways/clock.css';

const ROW_HEIGHT = 32;
const GROUP_HEIGHT = 28;
const code = (id: string) => PATHWAY_TYPES.find((t) => t.id === id)?.code;

export const GROUP_LABELS: Record<WorklistGroup, string> = {
  overdue: 'Overskredet',
  soon: `Innen ${DUE_SOON_DAYS.pathway} dager`,
  later: 'Senere',
  none: 'Ingen frist',
};

type Item = { kind: 'group'; group: WorklistGroup } | { kind: 'row'; index: number };

export function Flags({ row }: { row: WorklistRow }) {
  const f = row.flags;
  return (
    <span className="flags">
      {f.patientPostponedFrom && (
        <span className="flag flag-postponed" title={`Pasientutsatt (L) fra ${formatDate(f.patientPostponedFrom)}`}>
          L<span className="sr-only"> Pasientutsatt (L) fra {formatDate(f.patientPostponedFrom)}</span>
        </span>
      )}
      {f.breachReasonMissing && (
        <span className="flag flag-breach" title="Fristen er passert: årsak til overskridelse mangler" aria-label="Årsak mangler">
          Å
        </span>
      )}
      {f.careDeadlineBreach && (
        <span className="flag flag-breach" title={f.careDeadlineBreach === 'breached' ? 'Fristbrudd: fristen for helsehjelp er passert' : 'Fristbrudd truer: ingen time før fristen for helsehjelp'} aria-label={f.careDeadlineBreach === 'breached' ? 'Fristbrudd' : 'Fristbrudd truer'}>
          FB
        </span>
      )}
      {f.openNoShows > 0 && (
        <span className="flag flag-noshow" title={`Ikke møtt: ${f.openNoShows} åpne`} aria-label={`Ikke møtt (${f.openNoShows})`}>
          IM
        </span>
      )}
      {f.nextMeetingDate && (
        <span className="flag flag-meeting" title={`Møte planlagt ${formatDate(f.nextMeetingDate)}`} aria-label={`Møte ${formatDate(f.nextMeetingDate)}`}>
          M
        </span>
      )}
      {f.planAttentionDate && (
        <span className="flag flag-plan" title={`Individuell plan trenger oppfølging (revisjon eller tiltak) ${formatDate(f.planAttentionDate)}`} aria-label={`IP trenger oppfølging ${formatDate(f.planAttentionDate)}`}>
          IP
        </span>
      )}
      {f.dataQuality > 0 && (
        <span className="flag flag-dq" title={`Datakvalitet: ${f.dataQuality} ${f.dataQuality === 1 ? 'avvik' : 'avvik'}`} aria-label={`Datakvalitet (${f.dataQuality})`}>
          DK
        </span>
      )}
    </span>
  );
}

/**
 * The worklist as an ARIA grid, grouped (overdue, within 3 days, later, no deadline) and virtualized so
 * thousands of rows stay instant. j/k or arrows move, Enter opens, single keys record an event on the selected row.
 */
export function WorklistGrid({ onOpen, onEventKey }: { onOpen: (patientId: number) => void; onEventKey: (row: WorklistRow, key: string) => void }) {
  const { rows, total, counts, moreRequested } = useWorklistRows();
  // A refresh can leave fewer rows than before: the selection stays on the last one.
  const selected = Math.min(useWorklist((s) => s.selected), Math.max(0, rows.length - 1));
  const moveSelection = useWorklist((s) => s.selectionMoved);
  const selectionMoved = (index: number) => moveSelection(index, rows.length);
  const scrollRef = useRef<HTMLDivElement>(null);
  const lastKey = useRef('');

  const { items, itemOfRow } = useMemo(() => {
    const out: Item[] = [];
    const map: number[] = [];
    rows.forEach((r, i) => {
      if (i === 0 || rows[i - 1]!.group !== r.group) out.push({ kind: 'group', group: r.group });
      map[i] = out.length;
      out.push({ kind: 'row', index: i });
    });
    return { items: out, itemOfRow: map };
  }, [rows]);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (items[i]?.kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT),
    overscan: 12,
    scrollPaddingStart: ROW_HEIGHT + GROUP_HEIGHT, // keep the selected row clear of the sticky header
  });
  const virtualItems = virtualizer.getVirtualItems();
  const last = virtualItems[virtualItems.length - 1];

  useEffect(() => {
    if (last && last.index >= items.length - 40 && rows.length < total) moreRequested();
  }, [last, items.length, rows.length, total, moreRequested]);

  // Follow the selection when it moves (keyboard), never when more rows arrive: a page loaded while the
  // coordinator scrolls with the mouse must not yank the list back to the selected row.
  // A new result (other first row) counts as a move too, so a new search starts at its top.
  const followed = useRef('');
  const target = `${selected}:${rows[0]?.pathwayId ?? ''}`;
  useEffect(() => {
    if (followed.current === target) return;
    const item = itemOfRow[selected];
    if (item === undefined) return;
    followed.current = target;
    virtualizer.scrollToIndex(item, { align: 'auto' });
  }, [target, selected, itemOfRow, virtualizer]);

  function onKeyDown(e: KeyboardEvent) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const afterG = lastKey.current === 'g';
    lastKey.current = e.key;
    if (e.key === 'ArrowDown' || e.key === 'j') selectionMoved(selected + 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') selectionMoved(selected - 1);
    else if (e.key === 'PageDown') selectionMoved(selected + 20);
    else if (e.key === 'PageUp') selectionMoved(selected - 20);
    else if (e.key === 'Home') selectionMoved(0);
    else if (e.key === 'End') selectionMoved(rows.length - 1);
    else if (e.key === 'Enter') {
      const row = rows[selected];
      if (row) onOpen(row.patientId);
    } else if (!afterG && (EVENT_KEYS.some((k) => k.key === e.key) || e.key === 'r')) {
      const row = rows[selected];
      if (row) onEventKey(row, e.key);
    } else return;
    e.preventDefault();
  }

  const activeRow = rows[selected];
  return (
    <div
      ref={scrollRef}
      className="grid grid-scroll"
      role="grid"
      aria-label="Arbeidsliste"
      aria-rowcount={total + 1 + items.length - rows.length}
      aria-colcount={5}
      tabIndex={0}
      aria-activedescendant={activeRow ? `wl-row-${activeRow.pathwayId}` : undefined}
      onKeyDown={onKeyDown}
      data-testid="worklist-scroll"
    >
      <div className="grid-head wl" role="row" aria-rowindex={1}>
        <div role="columnheader">Pasient</div>
        <div role="columnheader">Forløp</div>
        <div role="columnheader">Neste steg</div>
        <div role="columnheader">Frist</div>
        <div role="columnheader">Flagg</div>
      </div>
      <div role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualItems.map((v) => {
            const item = items[v.index];
            if (!item) return null;
            const style = { position: 'absolute' as const, top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` };
            if (item.kind === 'group') {
              return (
                <div key={`g-${item.group}`} className="grid-group" role="row" aria-rowindex={v.index + 2} style={style}>
                  <div role="gridcell" aria-colspan={5}>
                    {GROUP_LABELS[item.group]} ({counts[item.group]})
                  </div>
                </div>
              );
            }
            const row = rows[item.index]!;
            const pathwayCode = code(row.pathwayType);
            return (
              <div
                key={row.pathwayId}
                id={`wl-row-${row.pathwayId}`}
                className="grid-row wl"
                role="row"
                aria-rowindex={v.index + 2}
                aria-selected={item.index === selected}
                style={style}
                onClick={() => selectionMoved(item.index)}
                onDoubleClick={() => onOpen(row.patientId)}
              >
                <div role="gridcell">
                  {row.name} <span className="mono muted">{row.nationalIdMasked}</span>
                </div>
                <div role="gridcell" title={`${pathwayTypeLabel(row.pathwayType)}, ${settingLabel(row.setting).toLowerCase()}`}>
                  {pathwayCode ? (
                    <>
                      <strong>{pathwayCode}</strong> {settingLabel(row.setting).toLowerCase()} · {pathwayTypeLabel(row.pathwayType)}
                    </>
                  ) : (
                    `${pathwayTypeLabel(row.pathwayType)}, ${settingLabel(row.setting).toLowerCase()}`
                  )}
                </div>
                <div role="gridcell">{row.nextActionLabel}</div>
                <div role="gridcell">
                  <DueDate due={row.dueDate} window="pathway" compact />
                </div>
                <div role="gridcell">
                  <Flags row={row} />
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
