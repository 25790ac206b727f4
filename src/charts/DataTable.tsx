/** The table view of a chart: plain rows of already-formatted text, with a caption. */
import type { ReactNode } from 'react';

export interface DataTableProps {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly ReactNode[])[];
  /** Shown under the table, e.g. "first 1,000 of 4,312 ops". */
  note?: string;
}

export function DataTable({ caption, columns, rows, note }: DataTableProps) {
  return (
    <>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) =>
                j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>,
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {note && <p className="chart-note">{note}</p>}
    </>
  );
}
