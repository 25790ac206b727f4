/** The side-by-side table of the Compare panel: one column per design, one row per metric. */
import type { SimStatus } from '../../state/store.ts';
import { COMPARE_FIELDS, type CompareColumn, type Verdict } from './compareTable.ts';

export interface ColumnMeta {
  kind: string;
  detail: string;
  status: SimStatus;
  error: string | null;
  pinned?: boolean;
}

const VERDICT_MARK: Record<Verdict, string> = { better: '▲', worse: '▼', same: '=' };

export function CompareTable({ columns, meta, onUnpin, onMakeBaseline }: {
  columns: CompareColumn[];
  meta: Record<string, ColumnMeta>;
  onUnpin: (id: string) => void;
  onMakeBaseline: (id: string) => void;
}) {
  return (
    <div className="compare-scroll">
      <table className="compare-table" data-testid="compare-table">
        <caption className="visually-hidden">Designs side by side, with ratios against the baseline</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            {columns.map((c) => {
              const m = meta[c.id];
              return (
                <th key={c.id} scope="col" className={c.isBaseline ? 'is-baseline' : undefined} data-testid={`compare-col-${c.id}`}>
                  <span className="col-kind">{m.kind}{c.isBaseline ? ' · baseline' : ''}</span>
                  {c.label}
                  {m.detail !== c.label && <span className="col-kind">{m.detail}</span>}
                  {m.pinned && (
                    <span className="col-actions">
                      {!c.isBaseline && <button type="button" onClick={() => onMakeBaseline(c.id)} aria-label={`Use ${c.label} as baseline`}>Baseline</button>}
                      <button type="button" onClick={() => onUnpin(c.id)} aria-label={`Unpin ${c.label}`} data-testid={`unpin-${c.id}`}>Unpin</button>
                    </span>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {COMPARE_FIELDS.map((f) => (
            <tr key={f.key}>
              <th scope="row">
                {f.label}
                <span className="col-kind">{f.better} is better</span>
              </th>
              {columns.map((c) => {
                const m = meta[c.id];
                const cell = c.cells[f.key];
                return (
                  <td key={c.id} className={c.isBaseline ? 'is-baseline' : undefined} data-testid={`compare-${c.id}-${f.key}`}>
                    {c.result ? (
                      <>
                        <span className="cell-value">{cell.text}</span>
                        {c.isBaseline ? (
                          <span className="cell-ratio">baseline</span>
                        ) : cell.verdict ? (
                          <span className="cell-ratio" data-verdict={cell.verdict}>
                            {cell.ratioText} <span aria-hidden="true">{VERDICT_MARK[cell.verdict]}</span> {cell.verdict}
                          </span>
                        ) : null}
                      </>
                    ) : m.status === 'error' ? (
                      <span className="cell-ratio" data-verdict="worse" title={m.error ?? undefined}>failed</span>
                    ) : (
                      <span className="cell-ratio">simulating…</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
