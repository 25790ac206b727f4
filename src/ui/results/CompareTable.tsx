/** The side-by-side tables of the Compare panel: one column per design, one row per metric, then per module. */
import type { SimStatus } from '../../state/store.ts';
import { COMPARE_FIELDS, type CompareCell, type CompareColumn, type ModuleSection } from './compareTable.ts';

export interface ColumnMeta {
  kind: string;
  detail: string;
  status: SimStatus;
  error: string | null;
  pinned?: boolean;
  /** Offers "Load into editors". */
  loadable?: boolean;
}

function Cell({ cell, column, meta, needsResult }: { cell: CompareCell | undefined; column: CompareColumn; meta: ColumnMeta; needsResult: boolean }) {
  if (needsResult && !column.result) {
    return meta.status === 'error'
      ? <span className="cell-ratio" data-verdict="worse" title={meta.error ?? undefined}>failed</span>
      : <span className="cell-ratio">simulating…</span>;
  }
  if (!cell) return null;
  return (
    <>
      <span className="cell-value">{cell.text}</span>
      {column.isBaseline ? (
        <span className="cell-ratio">baseline</span>
      ) : cell.ratioText ? (
        <span className="cell-ratio" data-verdict={cell.verdict ?? undefined}>
          {cell.ratioText}
          {cell.verdict && cell.verdict !== 'same' && <span className="visually-hidden"> ({cell.verdict})</span>}
        </span>
      ) : null}
    </>
  );
}

export function CompareTable({ columns, meta, onUnpin, onMakeBaseline, onLoad }: {
  columns: CompareColumn[];
  meta: Record<string, ColumnMeta>;
  onUnpin: (id: string) => void;
  onMakeBaseline: (id: string) => void;
  onLoad: (id: string) => void;
}) {
  return (
    <div className="compare-scroll">
      <table className="compare-table" data-testid="compare-table">
        <caption className="visually-hidden">Designs side by side, each compared with the baseline</caption>
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
                  {(m.pinned || m.loadable) && (
                    <span className="col-actions">
                      {m.loadable && <button type="button" onClick={() => onLoad(c.id)} aria-label={`Load ${c.label} into the editors`} data-testid={`load-${c.id}`}>Load</button>}
                      {m.pinned && !c.isBaseline && <button type="button" onClick={() => onMakeBaseline(c.id)} aria-label={`Use ${c.label} as baseline`} data-testid={`make-baseline-${c.id}`}>Baseline</button>}
                      {m.pinned && <button type="button" onClick={() => onUnpin(c.id)} aria-label={`Unpin ${c.label}`} data-testid={`unpin-${c.id}`}>Unpin</button>}
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
                {f.better && <span className="col-kind">{f.better} is better</span>}
              </th>
              {columns.map((c) => (
                <td key={c.id} className={c.isBaseline ? 'is-baseline' : undefined} data-testid={`compare-${c.id}-${f.key}`}>
                  {/* Parameters and MACs need no simulation. */}
                  <Cell cell={c.cells[f.key]} column={c} meta={meta[c.id]} needsResult={f.key !== 'parameters' && f.key !== 'macs'} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Energy and area by module, side by side. */
export function ModuleTable({ columns, meta, sections }: { columns: CompareColumn[]; meta: Record<string, ColumnMeta>; sections: ModuleSection[] }) {
  return (
    <div className="compare-scroll">
      <table className="compare-table" data-testid="compare-modules">
        <caption className="compare-caption">By module</caption>
        <thead>
          <tr>
            <th scope="col">Module</th>
            {columns.map((c) => <th key={c.id} scope="col" className={c.isBaseline ? 'is-baseline' : undefined}>{c.label}</th>)}
          </tr>
        </thead>
        {sections.map((s) => (
          <tbody key={s.title}>
            <tr className="compare-section">
              <th scope="colgroup" colSpan={columns.length + 1}>{s.title}</th>
            </tr>
            {s.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                {columns.map((c) => (
                  <td key={c.id} className={c.isBaseline ? 'is-baseline' : undefined} data-testid={`compare-${c.id}-${r.key}`}>
                    <Cell cell={r.cells[c.id]} column={c} meta={meta[c.id]} needsResult />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
