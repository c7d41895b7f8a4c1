import { Table } from '@navikt/ds-react';
import type { CSSProperties, Key, ReactNode } from 'react';
import './row-table.css';

export interface RowColumn<R> {
  header: string;
  cell: (row: R) => ReactNode;
  className?: string;
}

interface Props<R> {
  /** The table's accessible name. */
  label: string;
  rows: readonly R[];
  rowKey: (row: R) => Key;
  columns: RowColumn<R>[];
  /** The last column: what can be done with the row (its header is read aloud, not shown). */
  action?: { header: string; cell: (row: R) => ReactNode };
  /** Shown instead of the table when there are no rows (nothing when absent). */
  empty?: ReactNode;
  /** Rows as dense as the worklist's: 14 px text on one line, 12 px column headers, compact tags and buttons. */
  dense?: boolean;
  style?: CSSProperties;
}

/**
 * The one small list of rows on a screen or a tab (escalated cases, events to register, guardians and contacts, a
 * meeting's participants): a header row, one row per item, an optional action at the end.
 */
export function RowTable<R>({ label, rows, rowKey, columns, action, empty = null, dense = false, style }: Props<R>) {
  if (rows.length === 0) return <>{empty}</>;
  return (
    <Table size="small" aria-label={label} style={style} className={dense ? 'row-table-dense' : undefined}>
      <Table.Header>
        <Table.Row>
          {columns.map((c) => (
            <Table.HeaderCell key={c.header} scope="col">
              {c.header}
            </Table.HeaderCell>
          ))}
          {action && (
            <Table.HeaderCell scope="col">
              <span className="sr-only">{action.header}</span>
            </Table.HeaderCell>
          )}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((r) => (
          <Table.Row key={rowKey(r)}>
            {columns.map((c) => (
              <Table.DataCell key={c.header} className={c.className}>
                {c.cell(r)}
              </Table.DataCell>
            ))}
            {action && (
              <Table.DataCell align="right" className="row-table-action">
                {action.cell(r)}
              </Table.DataCell>
            )}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
