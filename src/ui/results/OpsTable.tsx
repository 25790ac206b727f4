/**
 * The per-op table (elector model): one row per op of the timeline, sortable by
 * time or cycles, with what bound it, its mapping, MACs and main-memory traffic.
 * The optimizer step has its own labelled row at the foot. Results without a
 * timeline (the reference model) show nothing here: the timeline says why.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { SimResult } from '../../core/elector/types.ts';
import { cyclesByLimiter, formatShare, LIMITER_STYLES, limiterSharesText } from '../../charts/limiters.ts';
import { LimiterSwatch } from '../../charts/LimiterFills.tsx';
import { optimizerLabel, optimizerStepText, passesNote } from '../../charts/runNotes.ts';
import { formatSI } from '../common/format.ts';
import { formatMB, nextSort, opRows, sortOpRows, type OpRow, type OpSort, type OpSortKey } from './opsTableRows.ts';

/** Rows shown before "Show all". */
export const OPS_SHOWN = 100;

const count = (x: number) => Math.round(x).toLocaleString('en-US');
const macs = (x: number) => (x > 0 ? formatSI(x, '').trim() : '–');

/** The optimizer has no product mapping: its cell says how it runs and what a full step costs. */
function optimizerMapping(step: string): ReactNode {
  return <>streams weights, gradients and AdamW state through the weight buffer{step && <span className="ops-sub">{step}</span>}</>;
}

function OpCells({ r, label, mapping }: { r: OpRow; label: string; mapping?: ReactNode }) {
  return (
    <>
      <th scope="row" className="ops-name">{label}</th>
      <td>{r.direction}</td>
      <td className="num">{count(r.cycles)}</td>
      <td className="num">{formatShare(r.share)}</td>
      <td className="ops-limiter"><LimiterSwatch limiter={r.limiter} /> {LIMITER_STYLES[r.limiter].label}</td>
      <td className="ops-mapping" title={r.mappingFull || undefined}>
        {mapping ?? (r.mapping ? <><span className="nowrap">{r.mapping}</span><span className="ops-sub">{r.operands}</span></> : <span className="muted">–</span>)}
      </td>
      <td className="num">{macs(r.macs)}</td>
      <td className="num">{formatMB(r.mainMemoryMB)}</td>
    </>
  );
}

function SortHeader({ k, label, sort, onSort }: { k: OpSortKey; label: string; sort: OpSort; onSort: (k: OpSortKey) => void }) {
  const active = sort.key === k;
  return (
    <th scope="col" className={k === 'cycles' ? 'num' : undefined} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="ops-sort" onClick={() => onSort(k)} data-testid={`ops-sort-${k}`}>
        {label}{active ? (sort.descending ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
}

export function OpsTable({ result }: { result: SimResult }) {
  const [sort, setSort] = useState<OpSort>({ key: 'time', descending: false });
  const [showAll, setShowAll] = useState(false);
  const entries = result.timeline;
  const rows = useMemo(() => (entries ? opRows(entries) : []), [entries]);
  const sorted = useMemo(() => sortOpRows(rows.filter((r) => !r.optimizer), sort), [rows, sort]);
  if (!entries || entries.length === 0) return null;
  const optimizer = rows.find((r) => r.optimizer);
  const shown = showAll ? sorted : sorted.slice(0, OPS_SHOWN);
  const passes = passesNote(result);
  const onSort = (k: OpSortKey) => setSort((s) => nextSort(s, k));
  return (
    <section className="chart chart-wide ops-table" aria-labelledby="ops-title" data-testid="ops-table">
      <div className="chart-head">
        <h3 id="ops-title">Ops</h3>
        <p className="chart-note">Cycles by what bound them: {limiterSharesText(cyclesByLimiter(entries))}.</p>
      </div>
      {passes && <p className="chart-note" data-testid="ops-passes">{passes}</p>}
      <div className="ops-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Ops of the timeline, {sort.key === 'time' ? 'in time order' : 'by cycles'}</caption>
          <thead>
            <tr>
              <SortHeader k="time" label="Op (time order)" sort={sort} onSort={onSort} />
              <th scope="col">Direction</th>
              <SortHeader k="cycles" label="Cycles" sort={sort} onSort={onSort} />
              <th scope="col" className="num" title="Share of the timeline's cycles">Share</th>
              <th scope="col">Bound by</th>
              <th scope="col">Mapping</th>
              <th scope="col" className="num">MACs</th>
              <th scope="col" className="num" title="Main-memory bytes read and written, 10⁶ B">Main mem. (MB)</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => <tr key={r.index}><OpCells r={r} label={r.label} /></tr>)}
          </tbody>
          {optimizer && (
            <tfoot>
              <tr className="ops-optimizer" data-testid="ops-optimizer"><OpCells r={optimizer} label={optimizerLabel(result) || optimizer.label} mapping={optimizerMapping(optimizerStepText(result))} /></tr>
            </tfoot>
          )}
        </table>
      </div>
      {sorted.length > OPS_SHOWN && (
        <button type="button" onClick={() => setShowAll((a) => !a)} data-testid="ops-show-all">
          {showAll ? `Show the first ${OPS_SHOWN}` : `Show all ${count(sorted.length)} ops`}
        </button>
      )}
    </section>
  );
}
