import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { WorklistGroup, WorklistRow } from '../../../../shared/contract/worklist';
import { useWorklist, type WorklistFilter } from '../../stores/worklist';
import { useStable } from '../../lib/use-stable';
import { internRows, useWorklistRows } from './worklist-query';
import { fillVisible, useRowsPreloaded } from './local-search';
import { afterPaint } from '../../lib/after-paint';
import { EVENT_KEYS } from '../pathways/EventDialog';
import { GroupRowView, WorklistRowView } from './WorklistRowView';
import '../pathways/clock.css';

export { Flags, GROUP_LABELS } from './WorklistRowView';

const ROW_HEIGHT = 32;
const GROUP_HEIGHT = 28;

type Item = { kind: 'group'; group: WorklistGroup } | { kind: 'row'; index: number };

/**
 * The worklist as an ARIA grid, grouped (overdue, within 3 days, later, no deadline) and virtualized so
 * thousands of rows stay instant. j/k or arrows move, Enter opens, single keys record an event on the selected row.
 */
export const WorklistGrid = memo(function WorklistGrid({
  onOpen,
  onEventKey,
}: {
  onOpen: (patientId: number) => void;
  onEventKey: (row: WorklistRow, key: string) => void;
}) {
  const { rows, total, counts, moreRequested, restRequested, local } = useWorklistRows();
  const scope = useWorklist((s) => s.filter.scope);
  // A refresh can leave fewer rows than before: the selection stays on the last one.
  const selected = Math.min(
    useWorklist((s) => s.selected),
    Math.max(0, rows.length - 1),
  );
  const moveSelection = useWorklist((s) => s.selectionMoved);
  const rowCount = useRef(rows.length);
  rowCount.current = rows.length;
  const selectionMoved = useCallback((index: number) => moveSelection(index, rowCount.current), [moveSelection]);
  const opened = useStable(onOpen);
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
    // A screenful (~20 rows) and a few either side: each keystroke renders the rows it shows, no more.
    overscan: 3,
    scrollPaddingStart: ROW_HEIGHT + GROUP_HEIGHT, // keep the selected row clear of the sticky header
  });
  const virtualItems = virtualizer.getVirtualItems();
  const last = virtualItems[virtualItems.length - 1];

  // The next page (50 rows, worklist-query.ts) is asked for a screenful before the loaded rows end: early enough
  // to arrive before the list is scrolled there, late enough that the first screen asks for one page only.
  useEffect(() => {
    if (last && last.index >= items.length - 20 && rows.length < total) moreRequested();
  }, [last, items.length, rows.length, total, moreRequested]);

  // End is the last row of the whole list: the pages not loaded yet are loaded first (worklist-query.ts), the
  // selection moves when they are in. Meanwhile the list answers keys as before; any other move (an arrow,
  // Home, a click) or a new filter drops the wish, a second End keeps it. The wish is the filter it was made
  // under, compared here rather than subscribed to (a keystroke in the search box does not render the grid).
  const [endWanted, setEndWanted] = useState<WorklistFilter | null>(null);
  useEffect(() => {
    if (!endWanted) return;
    if (useWorklist.getState().filter !== endWanted) setEndWanted(null);
    else if (rows.length >= total) {
      setEndWanted(null);
      selectionMoved(rows.length - 1);
    }
  }, [endWanted, rows.length, total, selectionMoved]);
  function endPressed() {
    if (local || rows.length >= total) return selectionMoved(rows.length - 1);
    const wish = useWorklist.getState().filter;
    setEndWanted(wish);
    // Loading stopped short (a page failed: its error shows above the list): the selection stays where it is.
    // After the next paint, when the last page's rows are committed and the effect above has had its turn.
    void restRequested().finally(() => afterPaint(() => setEndWanted((w) => (w === wish ? null : w))));
  }
  const moved = useCallback(
    (index: number) => {
      setEndWanted(null);
      selectionMoved(index);
    },
    [selectionMoved],
  );

  useRowsPreloaded(internRows);
  // The rows rendered now (on screen and the overscan).
  const visible = useMemo(() => {
    const out: WorklistRow[] = [];
    for (const v of virtualItems) {
      const item = items[v.index];
      if (item?.kind === 'row') out.push(rows[item.index]!);
    }
    return out;
  }, [virtualItems, items, rows]);
  // A search answered from the search keys: the visible rows not loaded yet (or loaded before the last write)
  // are filled with one call by id, after the result is painted (a keystroke's effects run before its paint).
  useEffect(() => (local ? afterPaint(() => fillVisible(visible, scope, internRows)) : undefined), [local, visible, scope]);

  // Follow the selection when it moves (keyboard), never when more rows arrive: a page loaded while the
  // coordinator scrolls with the mouse must not yank the list back to the selected row.
  // A new result (other first row) counts as a move too, so a new search starts at its top.
  // Scrolls only when the selected row is outside the viewport, judged from the virtualizer's cached measurements,
  // scroll offset and size — not getOffsetForIndex, which reads scrollHeight and so forced a layout of the new
  // result on every keystroke (~11 ms per key at 50k in a CPU profile): a result that leaves the selection in view
  // costs no layout.
  const followed = useRef('');
  const target = `${selected}:${rows[0]?.pathwayId ?? ''}`;
  useEffect(() => {
    if (followed.current === target) return;
    const item = itemOfRow[selected];
    if (item === undefined) return;
    followed.current = target;
    const m = virtualizer.measurementsCache[item];
    if (!m) return;
    const top = virtualizer.scrollOffset ?? 0;
    const height = virtualizer.scrollRect?.height ?? 0;
    const pad = ROW_HEIGHT + GROUP_HEIGHT;
    const to = m.start < top + pad ? Math.max(0, m.start - pad) : m.end > top + height ? m.end - height : top;
    if (Math.abs(to - top) >= 1) virtualizer.scrollToIndex(item, { align: 'auto' });
  }, [target, selected, itemOfRow, virtualizer]);

  function onKeyDown(e: KeyboardEvent) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const afterG = lastKey.current === 'g';
    lastKey.current = e.key;
    if (e.key === 'ArrowDown' || e.key === 'j') moved(selected + 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') moved(selected - 1);
    else if (e.key === 'PageDown') moved(selected + 20);
    else if (e.key === 'PageUp') moved(selected - 20);
    else if (e.key === 'Home') moved(0);
    else if (e.key === 'End') endPressed();
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
      aria-busy={endWanted !== null || undefined}
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
            // Keyed by place, not by pathway: a new search result reuses the rows on screen and only their text
            // changes, instead of removing and creating ~40 rows of elements per keystroke.
            if (item.kind === 'group') return <GroupRowView key={v.index} group={item.group} count={counts[item.group]} rowIndex={v.index + 2} top={v.start} />;
            const row = rows[item.index]!;
            return (
              <WorklistRowView
                key={v.index}
                row={row}
                index={item.index}
                rowIndex={v.index + 2}
                top={v.start}
                selected={item.index === selected}
                onSelect={moved}
                onOpen={opened}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
});
