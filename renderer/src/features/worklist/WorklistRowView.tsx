import { memo } from 'react';
import type { WorklistGroup, WorklistRow } from '../../../../shared/contract/worklist';
import { PATHWAY_TYPES, pathwayTypeLabel, settingLabel } from '../../../../shared/domain/pathway-types';
import { DUE_SOON_DAYS } from '../../../../shared/domain/due';
import { formatDate } from '../../../../shared/domain/time';
import { DueDate } from '../../components/DueDate';

const code = (id: string) => PATHWAY_TYPES.find((t) => t.id === id)?.code;

export const GROUP_LABELS: Record<WorklistGroup, string> = {
  overdue: 'Overskredet',
  soon: `Innen ${DUE_SOON_DAYS.pathway} dager`,
  later: 'Senere',
  none: 'Ingen frist',
};

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
        <span
          className="flag flag-breach"
          title={
            f.careDeadlineBreach === 'breached' ? 'Fristbrudd: fristen for helsehjelp er passert' : 'Fristbrudd truer: ingen time før fristen for helsehjelp'
          }
          aria-label={f.careDeadlineBreach === 'breached' ? 'Fristbrudd' : 'Fristbrudd truer'}
        >
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
        <span
          className="flag flag-plan"
          title={`Individuell plan trenger oppfølging (revisjon eller tiltak) ${formatDate(f.planAttentionDate)}`}
          aria-label={`IP trenger oppfølging ${formatDate(f.planAttentionDate)}`}
        >
          IP
        </span>
      )}
      {f.dataQuality > 0 && (
        <span
          className="flag flag-dq"
          title={`Datakvalitet: ${f.dataQuality} ${f.dataQuality === 1 ? 'avvik' : 'avvik'}`}
          aria-label={`Datakvalitet (${f.dataQuality})`}
        >
          DK
        </span>
      )}
    </span>
  );
}

/** A row's cells: rebuilt only when the row's data changed (rows are interned by content, worklist-query.ts). */
const RowCells = memo(function RowCells({ row }: { row: WorklistRow }) {
  const pathwayCode = code(row.pathwayType);
  const setting = settingLabel(row.setting).toLowerCase();
  return (
    <>
      <div role="gridcell">
        {row.name} <span className="mono muted">{row.nationalIdMasked}</span>
      </div>
      <div role="gridcell" title={`${pathwayTypeLabel(row.pathwayType)}, ${setting}`}>
        {pathwayCode ? (
          <>
            <strong>{pathwayCode}</strong> {setting} · {pathwayTypeLabel(row.pathwayType)}
          </>
        ) : (
          `${pathwayTypeLabel(row.pathwayType)}, ${setting}`
        )}
      </div>
      <div role="gridcell">{row.nextActionLabel}</div>
      <div role="gridcell">
        <DueDate due={row.dueDate} window="pathway" compact />
      </div>
      <div role="gridcell">
        <Flags row={row} />
      </div>
    </>
  );
});

interface RowProps {
  row: WorklistRow;
  /** Position in the loaded rows (what a click selects). */
  index: number;
  /** The grid's aria-rowindex (header and group rows counted). */
  rowIndex: number;
  top: number;
  selected: boolean;
  onSelect: (index: number) => void;
  onOpen: (patientId: number) => void;
}

/**
 * One worklist row, positioned by the virtualizer. Every prop is a primitive, the interned row or a stable
 * callback, so a row whose data, place and selection stayed the same is not rendered again.
 */
export const WorklistRowView = memo(function WorklistRowView({ row, index, rowIndex, top, selected, onSelect, onOpen }: RowProps) {
  return (
    <div
      id={`wl-row-${row.pathwayId}`}
      className="grid-row wl"
      role="row"
      aria-rowindex={rowIndex}
      aria-selected={selected}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${top}px)` }}
      onClick={() => onSelect(index)}
      onDoubleClick={() => onOpen(row.patientId)}
    >
      <RowCells row={row} />
    </div>
  );
});

export const GroupRowView = memo(function GroupRowView({
  group,
  count,
  rowIndex,
  top,
}: {
  group: WorklistGroup;
  count: number;
  rowIndex: number;
  top: number;
}) {
  return (
    <div
      className="grid-group"
      role="row"
      aria-rowindex={rowIndex}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${top}px)` }}
    >
      <div role="gridcell" aria-colspan={5}>
        {GROUP_LABELS[group]} ({count})
      </div>
    </div>
  );
});
