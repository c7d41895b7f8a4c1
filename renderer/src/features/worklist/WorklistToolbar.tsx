import { Button, Checkbox, Chips, Heading, Search, Select, ToggleGroup } from '@navikt/ds-react';
import { memo, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { WORKLIST_GROUPS, type WorklistGroup, type WorklistScope } from '../../../../shared/domain/worklist-groups';
import { PATHWAY_TYPES, SETTINGS, type PathwayTypeId, type SettingId } from '../../../../shared/domain/pathway-types';
import { useUi } from '../../stores/ui';
import { useWorklist } from '../../stores/worklist';
import { useWorklistCounts, useWorklistState } from './worklist-query';
import { afterPaint } from '../../lib/after-paint';
import { useSearchLog } from './useSearchLog';
import { useSearchKeys } from './local-search';
import { GROUP_LABELS } from './WorklistRowView';

/** The title, the open count and the group chips: renders when the counts or the group filter change. */
export const WorklistTitle = memo(function WorklistTitle() {
  const counts = useWorklistCounts();
  const group = useWorklist((s) => s.filter.group);
  const scope = useWorklist((s) => s.filter.scope);
  const filterChanged = useWorklist((s) => s.filterChanged);
  const newReferral = useUi((s) => s.newReferralToggled);
  return (
    <div className="screen-title">
      <Heading level="1" size="medium" id="worklist-title">
        Arbeidsliste
      </Heading>
      <span className="muted wl-count" aria-live="polite">
        {counts.all} {counts.all === 1 ? 'åpent forløp' : 'åpne forløp'}
        {scope === 'mine' ? ' (mine)' : ' (enheten)'}
      </span>
      <Chips className="wl-groups" size="small" aria-label="Status">
        {WORKLIST_GROUPS.map((g) => (
          <Chips.Toggle key={g} selected={group === g} checkmark={false} onClick={() => filterChanged({ group: group === g ? '' : g })}>
            {`${GROUP_LABELS[g]}: ${counts[g]}`}
          </Chips.Toggle>
        ))}
      </Chips>
      <span className="spacer" />
      <Button size="small" onClick={() => newReferral(true)}>
        Ny henvisning (n)
      </Button>
    </div>
  );
});

const focusGrid = () => document.querySelector<HTMLElement>('[data-testid="worklist-scroll"]')?.focus();

/**
 * The search box: the only part of the screen that renders on a keystroke before the result arrives.
 * It logs the search once (useSearchLog) and hands its flush to the screen through `flushRef`.
 */
const WorklistSearch = memo(function WorklistSearch({
  searchRef,
  flushRef,
}: {
  searchRef: RefObject<HTMLInputElement | null>;
  flushRef: RefObject<() => void>;
}) {
  const search = useWorklist((s) => s.filter.search);
  const scope = useWorklist((s) => s.filter.scope);
  const filterChanged = useWorklist((s) => s.filterChanged);
  const flush = useSearchLog(search);
  // The search keys (and then the caseload's rows, local-search.ts) load once the list's first rows are painted
  // and the renderer is idle, or at once when the search box is focused, so the keystrokes are answered in the
  // renderer. Not on the start path: a renderer idle while it waits for the first page must not ask for them then.
  const [wanted, setWanted] = useState(false);
  const { status } = useWorklistState();
  useEffect(() => {
    if (status !== 'ready') return;
    let idle = 0;
    const cancel = afterPaint(() => {
      idle = requestIdleCallback(() => setWanted(true), { timeout: 2000 });
    });
    return () => {
      cancel();
      cancelIdleCallback(idle);
    };
  }, [status]);
  useSearchKeys(scope, wanted || search !== '');
  useLayoutEffect(() => {
    flushRef.current = flush;
  }, [flush, flushRef]);
  return (
    <Search
      ref={searchRef}
      className="wl-search"
      size="small"
      label="Søk på navn eller fødselsnummer (/)"
      variant="simple"
      value={search}
      onChange={(v) => filterChanged({ search: v })}
      onClear={() => filterChanged({ search: '' })}
      htmlSize={20}
      onFocus={() => setWanted(true)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === 'ArrowDown') focusGrid();
      }}
    />
  );
});

/** Mine (default) or the unit's open pathways: a radio group, in the tab order, arrows move and Enter/Space choose. */
const WorklistScope = memo(function WorklistScope() {
  const scope = useWorklist((s) => s.filter.scope);
  const filterChanged = useWorklist((s) => s.filterChanged);
  return (
    <ToggleGroup
      size="small"
      className="wl-scope"
      aria-label="Vis forløp"
      value={scope}
      onChange={(v) => filterChanged({ scope: v as WorklistScope })}
      data-testid="worklist-scope"
    >
      <ToggleGroup.Item value="mine">Mine</ToggleGroup.Item>
      <ToggleGroup.Item value="unit">Enheten</ToggleGroup.Item>
    </ToggleGroup>
  );
});

/** Type, level and status filters: render when one of them changes, not on a search keystroke. */
const WorklistFilters = memo(function WorklistFilters() {
  const pathwayType = useWorklist((s) => s.filter.pathwayType);
  const setting = useWorklist((s) => s.filter.setting);
  const group = useWorklist((s) => s.filter.group);
  const filterChanged = useWorklist((s) => s.filterChanged);
  return (
    <>
      <Select
        size="small"
        className="wl-type-filter"
        label="Forløpstype"
        value={pathwayType}
        onChange={(e) => filterChanged({ pathwayType: e.target.value as PathwayTypeId | '' })}
      >
        <option value="">Alle forløp</option>
        {PATHWAY_TYPES.map((t) => (
          <option key={t.id} value={t.id}>
            {t.label}
          </option>
        ))}
      </Select>
      <Select size="small" label="Nivå" value={setting} onChange={(e) => filterChanged({ setting: e.target.value as SettingId | '' })}>
        <option value="">Alle</option>
        {SETTINGS.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </Select>
      <Select size="small" label="Status" value={group} onChange={(e) => filterChanged({ group: e.target.value as WorklistGroup | '' })}>
        <option value="">Alle</option>
        {WORKLIST_GROUPS.map((g) => (
          <option key={g} value={g}>
            {GROUP_LABELS[g]}
          </option>
        ))}
      </Select>
      <Checkbox size="small" checked={group === 'overdue'} onChange={(e) => filterChanged({ group: e.target.checked ? 'overdue' : '' })}>
        Bare overskredne
      </Checkbox>
    </>
  );
});

export const WorklistToolbar = memo(function WorklistToolbar({
  saved,
  searchRef,
  flushRef,
}: {
  saved: string | null;
  searchRef: RefObject<HTMLInputElement | null>;
  flushRef: RefObject<() => void>;
}) {
  return (
    <div className="toolbar" role="search">
      <WorklistScope />
      <WorklistSearch searchRef={searchRef} flushRef={flushRef} />
      <WorklistFilters />
      <p className="wl-saved" role="status" aria-live="polite" data-testid="saved-status">
        {saved ?? ''}
      </p>
    </div>
  );
});

/** The search box's ref and the search log's flush, owned by the screen. */
export function useToolbarRefs() {
  const searchRef = useRef<HTMLInputElement>(null);
  const flushRef = useRef<() => void>(() => {});
  return { searchRef, flushRef };
}
