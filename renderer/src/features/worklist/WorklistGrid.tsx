import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { pathwayTypeLabel, settingLabel, PATHWAY_TYPES } from '../../../../shared/domain/pathway-types';
import { daysAgo, formatDate } from '../../lib/format';
import { useWorklist } from '../../stores/worklist';

const ROW_HEIGHT = 32;
const code = (id: string) => PATHWAY_TYPES.find((t) => t.id === id)?.code;

/** The worklist as an ARIA grid, virtualized so thousands of rows stay instant. j/k or arrows move, Enter opens. */
export function WorklistGrid({ onOpen }: { onOpen: (patientId: number) => void }) {
  const rows = useWorklist((s) => s.rows);
  const total = useWorklist((s) => s.total);
  const selected = useWorklist((s) => s.selected);
  const selectionMoved = useWorklist((s) => s.selectionMoved);
  const moreRequested = useWorklist((s) => s.moreRequested);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollPaddingStart: ROW_HEIGHT, // keep the selected row clear of the sticky header
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];

  useEffect(() => {
    if (last && last.index >= rows.length - 40 && rows.length < total) void moreRequested();
  }, [last, rows.length, total, moreRequested]);

  useEffect(() => {
    virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, virtualizer]);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'ArrowDown' || e.key === 'j') selectionMoved(selected + 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') selectionMoved(selected - 1);
    else if (e.key === 'PageDown') selectionMoved(selected + 20);
    else if (e.key === 'PageUp') selectionMoved(selected - 20);
    else if (e.key === 'Home') selectionMoved(0);
    else if (e.key === 'End') selectionMoved(rows.length - 1);
    else if (e.key === 'Enter') {
      const row = rows[selected];
      if (row) onOpen(row.patientId);
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
      aria-rowcount={total + 1}
      tabIndex={0}
      aria-activedescendant={activeRow ? `wl-row-${activeRow.pathwayId}` : undefined}
      onKeyDown={onKeyDown}
      data-testid="worklist-scroll"
    >
      <div className="grid-head" role="row" aria-rowindex={1}>
        <div role="columnheader">Pasient</div>
        <div role="columnheader">Fødselsnr.</div>
        <div role="columnheader">Forløp</div>
        <div role="columnheader">Nivå</div>
        <div role="columnheader">Mottatt</div>
        <div role="columnheader" className="num">Dager</div>
      </div>
      <div role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={row.pathwayId}
                id={`wl-row-${row.pathwayId}`}
                className="grid-row"
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={item.index === selected}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
                onClick={() => selectionMoved(item.index)}
                onDoubleClick={() => onOpen(row.patientId)}
              >
                <div role="gridcell">{row.name}</div>
                <div role="gridcell" className="mono">
                  {row.nationalIdMasked}
                  {row.synthetic && <span className="muted" title="Syntetisk testnummer"> (test)</span>}
                </div>
                <div role="gridcell" title={pathwayTypeLabel(row.pathwayType)}>
                  {code(row.pathwayType) ? <strong>{code(row.pathwayType)} </strong> : null}
                  {pathwayTypeLabel(row.pathwayType)}
                </div>
                <div role="gridcell">{settingLabel(row.setting)}</div>
                <div role="gridcell" className="mono">{formatDate(row.referralReceived)}</div>
                <div role="gridcell" className="num" title={daysAgo(row.daysSinceReferral)}>
                  {row.daysSinceReferral}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
