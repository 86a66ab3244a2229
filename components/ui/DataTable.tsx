import type { ReactNode } from 'react';

/**
 * One column: its heading (`label`, or `header` where the heading is more
 * than words, a link say, with `label` its plain text), and whether its
 * figures line up on the right.
 */
export type DataColumn = { label: string; header?: ReactNode; numeric?: boolean };

/** A cell, or one that spans several columns (a sentence where a row has no figures). */
export type DataCell = ReactNode | { span: number; content: ReactNode };

export type DataRow = { key: string; cells: DataCell[] };

function isSpan(cell: DataCell): cell is { span: number; content: ReactNode } {
  return typeof cell === 'object' && cell !== null && 'span' in cell && 'content' in cell;
}

/**
 * The one table of the product. Every row is always shown: there is no inner
 * scroll box and no maximum height, so a long history or a long list of teams
 * is read (and printed) whole. Where the table has less room than about 36rem
 * (a phone, a narrow panel) each row reads as a card: its first cell is the
 * card's title and every other cell is labelled with its column's heading
 * (drawn by CSS and left out of what a screen reader reads, since the cell
 * keeps its column header). Long words wrap rather than push the page sideways.
 *
 * The first column holds each row's header unless `rowHeaders` is false. A
 * table small enough to fit any screen as it is (a few short figures) can
 * keep its rows and columns everywhere with `stack={false}`.
 */
export function DataTable({
  caption,
  captionId,
  hideCaption = false,
  columns,
  rows,
  rowHeaders = true,
  stack = true,
  className,
}: {
  caption: ReactNode;
  captionId?: string;
  hideCaption?: boolean;
  columns: DataColumn[];
  rows: DataRow[];
  rowHeaders?: boolean;
  stack?: boolean;
  className?: string;
}) {
  return (
    <div className={stack ? 'data-table-wrap data-table-wrap--stack' : 'data-table-wrap'}>
      {/* Explicit roles: a row shown as a card keeps its table semantics in every browser. */}
      <table className={className ? `data-table ${className}` : 'data-table'} role="table">
        <caption id={captionId} className={hideCaption ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((column) => (
              <th key={column.label} scope="col" role="columnheader" className={column.numeric ? 'num' : undefined}>
                {column.header ?? column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => {
            let column = 0;
            return (
              <tr key={row.key} role="row">
                {row.cells.map((cell, index) => {
                  const at = columns[column];
                  const span = isSpan(cell) ? cell.span : 1;
                  column += span;
                  const content = isSpan(cell) ? cell.content : cell;
                  if (index === 0 && rowHeaders) {
                    return (
                      <th key={index} scope="row" role="rowheader" colSpan={span > 1 ? span : undefined}>
                        {content}
                      </th>
                    );
                  }
                  return (
                    <td
                      key={index}
                      role="cell"
                      colSpan={span > 1 ? span : undefined}
                      data-label={span > 1 ? undefined : at?.label}
                      className={span === 1 && at?.numeric ? 'num' : undefined}
                    >
                      <span className="data-table__value">{content}</span>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
