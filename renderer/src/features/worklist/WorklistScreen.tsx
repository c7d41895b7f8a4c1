import { useArrivalFocus } from '../shell/arrival-focus';
import { shortcutDialogsPreloaded } from '../shell/preload-dialogs';
import { Alert, Button } from '@navikt/ds-react';
import { memo, useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { afterPaint } from '../../lib/after-paint';
import type { WorklistRow } from '../../../../shared/contract/worklist';
import { EmptyState } from '../../components/EmptyState';
import { useStable } from '../../lib/use-stable';
import { useUi } from '../../stores/ui';
import { useWorklist } from '../../stores/worklist';
import { useWorklistRows, useWorklistState } from './worklist-query';
import { EventDialog, EVENT_KEYS, type EventDialogKind } from '../pathways/EventDialog';
import { WorklistGrid } from './WorklistGrid';
import { WorklistSidePanel, type Explanation } from './WorklistSidePanel';
import { useToolbarRefs, WorklistTitle, WorklistToolbar } from './WorklistToolbar';

interface DialogState {
  row: WorklistRow;
  what: EventDialogKind;
}

type Pin = { pathwayId: number; until: number } | null;

/**
 * The worklist screen. Its parts subscribe to what they show: the title to the counts, the search box to the
 * search text, the grid to the rows, the side panel to the selected row; this frame only to whether the result
 * is empty, so a keystroke renders the search box and, when the result arrives, the rows that changed.
 */
const gridElement = () => document.querySelector<HTMLElement>('[data-testid="worklist-scroll"]');

export function WorklistScreen() {
  const filtered = useWorklist((s) => s.filter.search !== '' || s.filter.pathwayType !== '' || s.filter.setting !== '' || s.filter.group !== '');
  // An empty Mine on the team store may hide the unit's pathways: the empty state offers Enheten too.
  const mine = useWorklist((s) => s.filter.scope === 'mine');
  const filterChanged = useWorklist((s) => s.filterChanged);
  const { empty, status, error } = useWorklistState();
  const navigated = useUi((s) => s.navigated);
  const newReferral = useUi((s) => s.newReferralToggled);
  const { searchRef, flushRef } = useToolbarRefs();
  const [dialog, setDialog] = useState<DialogState | null>(null);
  // After a save: a short confirmation of what was saved for whom, and the selection kept on that pathway.
  const [saved, setSaved] = useState<string | null>(null);
  const pinned = useRef<Pin>(null);
  const onSaved = (target: WorklistRow, what: EventDialogKind) => {
    pinned.current = { pathwayId: target.pathwayId, until: Date.now() + 5000 };
    setSaved(`Lagret: ${savedLabel(what)} for ${target.name}.`);
  };
  const explanation = useRef<Explanation | null>(null);
  const onLoaded = useCallback((e: Explanation | null) => {
    explanation.current = e;
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) && !document.querySelector('dialog[open]')) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [searchRef]);

  useArrivalFocus(gridElement, !empty);
  // The worklist is interactive: the app-wide keys' dialogs load now, so a first `n` opens at once.
  const ready = status !== 'loading';
  useEffect(() => (ready ? afterPaint(shortcutDialogsPreloaded) : undefined), [ready]);

  const open = useStable((patientId: number) => {
    flushRef.current(); // a row opened from a search logs it now, if the pause has not already
    navigated({ screen: 'patient', patientId, from: 'worklist' });
  });

  const onEventKey = useStable((target: WorklistRow, key: string) => {
    if (key === 'r') {
      document.querySelector<HTMLSelectElement>('[data-testid="explanation-panel"] select')?.focus();
      return;
    }
    const def = EVENT_KEYS.find((k) => k.key === key);
    if (!def) return;
    setDialog({ row: target, what: def.type === 'assess' ? { kind: 'assess' } : { kind: 'event', type: def.type } });
  });

  // Focus goes back to the list when a dialog closes, so the next key works on the same row.
  const hadDialog = useRef(false);
  useEffect(() => {
    if (dialog) hadDialog.current = true;
    else if (hadDialog.current) {
      hadDialog.current = false;
      const focusGrid = () => gridElement()?.focus();
      focusGrid();
      setTimeout(focusGrid, 50);
    }
  }, [dialog]);

  const loaded = explanation.current?.pathway.id === dialog?.row.pathwayId ? explanation.current : null;

  return (
    <section className="wl-screen" aria-labelledby="worklist-title">
      <WorklistTitle />
      <WorklistToolbar saved={saved} searchRef={searchRef} flushRef={flushRef} />
      {error && (
        <Alert variant="error" size="small">
          {error}
        </Alert>
      )}
      {empty && status !== 'loading' ? (
        filtered ? (
          <EmptyState title="Ingen treff">Ingen åpne forløp passer med søket eller filteret. Tøm søket for å se hele arbeidslisten.</EmptyState>
        ) : (
          <EmptyState
            title="Arbeidslisten er tom"
            action={
              <>
                <Button size="small" onClick={() => newReferral(true)}>
                  Registrer første henvisning
                </Button>
                {mine && (
                  <Button size="small" variant="secondary" onClick={() => filterChanged({ scope: 'unit' })}>
                    Vis enhetens forløp
                  </Button>
                )}
              </>
            }
          >
            Her ser du pasientene dine fram til de har fått egen behandler: hva som skal skje, og når. Start med å registrere en henvisning (tast <kbd>n</kbd>).
          </EmptyState>
        )
      ) : (
        <div className="wl-layout">
          <div className="wl-main">
            <WorklistGrid onOpen={open} onEventKey={onEventKey} />
            <FlagLegend />
          </div>
          <SelectedPanel pinned={pinned} onLoaded={onLoaded} onOpen={open} onEventKey={onEventKey} />
        </div>
      )}
      {dialog && (
        <EventDialog
          key={`${dialog.row.pathwayId}-${JSON.stringify(dialog.what)}`}
          target={{
            pathwayId: dialog.row.pathwayId,
            pathwayType: dialog.row.pathwayType,
            title: dialog.row.name,
            referralAssessed: loaded?.pathway.referralAssessed ?? null,
            careDeadline: loaded?.pathway.careDeadline ?? null,
            rights: loaded?.pathway.rights,
            careDeadlineLimit: loaded?.pathway.careDeadlineLimit ?? null,
          }}
          what={dialog.what}
          helpNeeds={loaded?.helpNeeds ?? []}
          endReasons={loaded?.endReasons ?? []}
          onClose={() => setDialog(null)}
          onSaved={() => onSaved(dialog.row, dialog.what)}
        />
      )}
    </section>
  );
}

/**
 * The side panel for the selected row, and the selection kept on a just-saved pathway when the list refreshes
 * (the row may have moved group). Renders when the rows or the selection change; the panel itself only when
 * the selected row's data does (rows are interned).
 */
const SelectedPanel = memo(function SelectedPanel({
  pinned,
  onLoaded,
  onOpen,
  onEventKey,
}: {
  pinned: RefObject<Pin>;
  onLoaded: (e: Explanation | null) => void;
  onOpen: (patientId: number) => void;
  onEventKey: (row: WorklistRow, key: string) => void;
}) {
  const { rows } = useWorklistRows();
  const selected = Math.min(
    useWorklist((s) => s.selected),
    Math.max(0, rows.length - 1),
  );
  const selectionMoved = useWorklist((s) => s.selectionMoved);
  useEffect(() => {
    const pin = pinned.current;
    if (!pin || Date.now() > pin.until) return;
    const at = rows.findIndex((r) => r.pathwayId === pin.pathwayId);
    if (at >= 0) selectionMoved(at, rows.length);
  }, [rows, selectionMoved, pinned]);
  const row = rows[selected] ?? null;
  // The panel follows the selection in a render of its own after the list is painted, so a keystroke's frame
  // holds the new result only (the panel swaps its whole content, forms and queries, when the patient changes).
  const [shown, setShown] = useState(row);
  useEffect(() => (shown === row ? undefined : afterPaint(() => setShown(row))), [row, shown]);
  const openRow = useStable(() => row && onOpen(row.patientId));
  const eventOnRow = useStable((key: string) => row && onEventKey(row, key));
  // Nothing shown yet (the list's first rows just arrived): the panel shows the selection at once, not a frame later.
  return <WorklistSidePanel row={shown ?? row} onLoaded={onLoaded} onOpen={openRow} onEvent={eventOnRow} />;
});

function savedLabel(what: EventDialogKind): string {
  if (what.kind === 'correct') return 'rettet hendelse';
  const type = what.kind === 'assess' ? 'assess' : what.type;
  return (EVENT_KEYS.find((k) => k.type === type)?.label ?? 'Hendelse').toLowerCase();
}

/** The flags explained on screen, not only on hover. */
function FlagLegend() {
  const flags: [string, string, string][] = [
    ['flag-postponed', 'L', 'pasientutsatt'],
    ['flag-breach', 'Å', 'årsak til overskridelse mangler'],
    ['flag-breach', 'FB', 'fristbrudd (truer)'],
    ['flag-noshow', 'IM', 'ikke møtt'],
    ['flag-meeting', 'M', 'møte planlagt'],
    ['flag-plan', 'IP', 'individuell plan trenger oppfølging'],
    ['flag-dq', 'DK', 'datakvalitet'],
  ];
  return (
    <p className="wl-legend" data-testid="flag-legend">
      Flagg:
      {flags.map(([cls, code, text]) => (
        <span key={code}>
          <span className={`flag ${cls}`} aria-hidden="true">
            {code}
          </span>{' '}
          {text}
        </span>
      ))}
    </p>
  );
}
