import { Alert, Button, Checkbox, Chips, Heading, Search, Select } from '@navikt/ds-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { WORKLIST_GROUPS, type WorklistGroup, type WorklistRow } from '../../../../shared/contract/worklist';
import { PATHWAY_TYPES, SETTINGS, type PathwayTypeId, type SettingId } from '../../../../shared/domain/pathway-types';
import { EmptyState } from '../../components/EmptyState';
import { useUi } from '../../stores/ui';
import { useWorklist } from '../../stores/worklist';
import { useWorklistRows } from './worklist-query';
import { useSearchLog } from './useSearchLog';
import { EventDialog, EVENT_KEYS, type EventDialogKind } from '../pathways/EventDialog';
import { GROUP_LABELS, WorklistGrid } from './WorklistGrid';
import { WorklistSidePanel, type Explanation } from './WorklistSidePanel';

interface DialogState {
  row: WorklistRow;
  what: EventDialogKind;
}

export function WorklistScreen() {
  const filter = useWorklist((s) => s.filter);
  const filterChanged = useWorklist((s) => s.filterChanged);
  const { counts, status, error, rows } = useWorklistRows();
  const selected = Math.min(useWorklist((s) => s.selected), Math.max(0, rows.length - 1));
  const navigated = useUi((s) => s.navigated);
  const newReferral = useUi((s) => s.newReferralToggled);
  const searchRef = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  // After a save: a short confirmation of what was saved for whom, and the selection kept on that pathway.
  const [saved, setSaved] = useState<string | null>(null);
  const pinned = useRef<{ pathwayId: number; until: number } | null>(null);
  const selectionMoved = useWorklist((s) => s.selectionMoved);
  useEffect(() => {
    // The list refreshed after the save (the row may have moved group): select the same pathway again.
    const pin = pinned.current;
    if (!pin || Date.now() > pin.until) return;
    const at = rows.findIndex((r) => r.pathwayId === pin.pathwayId);
    if (at >= 0) selectionMoved(at, rows.length);
  }, [rows, selectionMoved]);
  const onSaved = (target: WorklistRow, what: EventDialogKind) => {
    pinned.current = { pathwayId: target.pathwayId, until: Date.now() + 5000 };
    setSaved(`Lagret: ${savedLabel(what)} for ${target.name}.`);
  };
  const explanation = useRef<Explanation | null>(null);
  const onLoaded = useCallback((e: Explanation | null) => {
    explanation.current = e;
  }, []);

  // Keystroke in the search → updated list painted (read by `npm run bench`): measured one frame after the
  // new result reached the screen, whether it has rows or shows "Ingen treff".
  useEffect(() => {
    if (status !== 'ready' || performance.getEntriesByName('worklist:input', 'mark').length === 0) return;
    requestAnimationFrame(() => {
      performance.measure('worklist:input-to-paint', 'worklist:input');
      performance.clearMarks('worklist:input');
    });
  }, [rows, status]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) && !document.querySelector('dialog[open]')) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Arriving on the screen: focus on the list, so j/k/Enter work at once (not after many Tab presses).
  const arrived = useRef(false);
  const hasRows = rows.length > 0;
  useEffect(() => {
    if (arrived.current || !hasRows) return;
    arrived.current = true;
    const active = document.activeElement;
    if (active && active !== document.body && active.closest('main, dialog') && !active.closest('.nav')) return;
    document.querySelector<HTMLElement>('[data-testid="worklist-scroll"]')?.focus();
  }, [hasRows]);

  const searchLogged = useSearchLog(filter.search);
  const open = (patientId: number) => {
    searchLogged(); // a row opened from a search logs it now, if the pause has not already
    navigated({ screen: 'patient', patientId, from: 'worklist' });
  };
  const filtered = filter.search !== '' || filter.pathwayType !== '' || filter.setting !== '' || filter.group !== '';
  const row = rows[selected] ?? null;

  function onEventKey(target: WorklistRow, key: string) {
    if (key === 'r') {
      document.querySelector<HTMLSelectElement>('[data-testid="explanation-panel"] select')?.focus();
      return;
    }
    const def = EVENT_KEYS.find((k) => k.key === key);
    if (!def) return;
    setDialog({ row: target, what: def.type === 'assess' ? { kind: 'assess' } : { kind: 'event', type: def.type } });
  }

  // Focus goes back to the list when a dialog closes, so the next key works on the same row.
  const hadDialog = useRef(false);
  useEffect(() => {
    if (dialog) hadDialog.current = true;
    else if (hadDialog.current) {
      hadDialog.current = false;
      const focusGrid = () => document.querySelector<HTMLElement>('[data-testid="worklist-scroll"]')?.focus();
      focusGrid();
      setTimeout(focusGrid, 50);
    }
  }, [dialog]);

  const loaded = explanation.current?.pathway.id === dialog?.row.pathwayId ? explanation.current : null;

  return (
    <section aria-labelledby="worklist-title">
      <div className="screen-title">
        <Heading level="1" size="medium" id="worklist-title">
          Arbeidsliste
        </Heading>
        <span className="muted" aria-live="polite">
          {counts.all} {counts.all === 1 ? 'åpent forløp' : 'åpne forløp'}
        </span>
        <Chips className="wl-groups" aria-label="Status">
          {WORKLIST_GROUPS.map((g) => (
            <Chips.Toggle key={g} selected={filter.group === g} checkmark={false} onClick={() => filterChanged({ group: filter.group === g ? '' : g })}>
              {`${GROUP_LABELS[g]}: ${counts[g]}`}
            </Chips.Toggle>
          ))}
        </Chips>
        <span className="spacer" />
        <Button size="small" onClick={() => newReferral(true)}>
          Ny henvisning (n)
        </Button>
      </div>
      <div className="toolbar" role="search">
        <Search
          ref={searchRef}
          className="wl-search"
          size="small"
          label="Søk på navn eller fødselsnummer (/)"
          variant="simple"
          value={filter.search}
          onChange={(v) => {
            performance.mark('worklist:input');
            filterChanged({ search: v });
          }}
          onClear={() => filterChanged({ search: '' })}
          htmlSize={20}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === 'ArrowDown') document.querySelector<HTMLElement>('[data-testid="worklist-scroll"]')?.focus();
          }}
        />
        <Select size="small" className="wl-type-filter" label="Forløpstype" value={filter.pathwayType} onChange={(e) => filterChanged({ pathwayType: e.target.value as PathwayTypeId | '' })}>
          <option value="">Alle forløp</option>
          {PATHWAY_TYPES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </Select>
        <Select size="small" label="Nivå" value={filter.setting} onChange={(e) => filterChanged({ setting: e.target.value as SettingId | '' })}>
          <option value="">Alle</option>
          {SETTINGS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </Select>
        <Select size="small" label="Status" value={filter.group} onChange={(e) => filterChanged({ group: e.target.value as WorklistGroup | '' })}>
          <option value="">Alle</option>
          {WORKLIST_GROUPS.map((g) => (
            <option key={g} value={g}>
              {GROUP_LABELS[g]}
            </option>
          ))}
        </Select>
        <Checkbox size="small" checked={filter.group === 'overdue'} onChange={(e) => filterChanged({ group: e.target.checked ? 'overdue' : '' })}>
          Bare overskredne
        </Checkbox>
        <p className="wl-saved" role="status" aria-live="polite" data-testid="saved-status">
          {saved ?? ''}
        </p>
      </div>
      {error && (
        <Alert variant="error" size="small">
          {error}
        </Alert>
      )}
      {rows.length === 0 && status !== 'loading' ? (
        filtered ? (
          <EmptyState title="Ingen treff">Ingen åpne forløp passer med søket eller filteret. Tøm søket for å se hele arbeidslisten.</EmptyState>
        ) : (
          <EmptyState title="Arbeidslisten er tom" action={<Button size="small" onClick={() => newReferral(true)}>Registrer første henvisning</Button>}>
            Her ser du pasientene dine fram til de har fått egen behandler: hva som skal skje, og når. Start med å registrere en
            henvisning (tast <kbd>n</kbd>).
          </EmptyState>
        )
      ) : (
        <div className="wl-layout">
          <div className="wl-main">
            <WorklistGrid onOpen={open} onEventKey={onEventKey} />
            <FlagLegend />
          </div>
          <WorklistSidePanel row={row} onLoaded={onLoaded} onOpen={() => row && open(row.patientId)} onEvent={(key) => row && onEventKey(row, key)} />
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
