/**
 * The plot's table view: the front or the brushed selection, sortable by any
 * objective (click a header; aria-sort says how), capped at 100 rows with the
 * count shown. Each row can load its design into the editors.
 *
 * Streaming-friendly: rows depend only on which points are listed (an arrived
 * point's values never change), the first 200 are picked without sorting the
 * whole list, rows are memoised so a new front re-renders only new rows, the
 * table renders at low priority (a deferred value; tab and sort changes are
 * transitions) so it never blocks input.
 */
import { memo, startTransition, useDeferredValue, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { keepPassing } from '../../core/sweep/axisFilter.ts';
import { OBJECTIVES, OBJECTIVE_INFO, type Objective, type ObjectiveColumns } from '../../core/sweep/objectives.ts';
import { useExplorer } from '../../state/useExplorer.ts';
import { formatObjective } from './objectiveFormat.ts';
import { compactDescription } from './pointDescription.ts';
import { firstSorted, nextSort, type SortState } from './tableSort.ts';
import { useSweepApi, useSweepRun } from '../../state/sweep/appSweep.ts';
import type { SweepRunJob } from '../../state/sweep/sweepRunStore.ts';
import { measureSince } from '../../state/perfMark.ts';
import type { SweepController } from '../../state/sweep/sweepController.ts';

const EMPTY = new Int32Array(0);

/** Rows rendered at most (the count of all is shown); a table is for reading, the plot for the cloud. */
export const TABLE_ROW_CAP = 100;
type Key = Objective | 'index';
type Which = 'front' | 'selection' | 'filtered';

interface RowProps {
  index: number;
  current: boolean;
  columns: ObjectiveColumns;
  job: SweepRunJob;
  controller: SweepController;
}

const FrontRow = memo(function FrontRow({ index: i, current, columns, job, controller }: RowProps) {
  const design = compactDescription(job, i);
  return (
    <tr aria-current={current ? 'true' : undefined}>
      <td>#{i}</td>
      {OBJECTIVES.map((o) => <td key={o}>{formatObjective(o, columns[o][i])}</td>)}
      {/* One line, cut with an ellipsis; the full text is the cell's tooltip. */}
      <td className="design-cell" title={design}>{design}</td>
      <td>
        <button type="button" onClick={() => controller.loadPoint(i)} aria-label={`Load point ${i} into the editors`} data-testid="table-load">Load</button>
      </td>
    </tr>
  );
});

export function FrontTable({ controller }: { controller: SweepController }) {
  const live = useSweepRun(useShallow((s) => ({ columns: s.columns, front: s.front, selection: s.selection, job: s.job })));
  // Parallel-coordinates brushes restrict every list the table shows.
  const { filter } = useSweepApi();
  const brushed = useStore(filter.store, useShallow((s) => ({ fails: s.fails, passing: s.passing, version: s.version })));
  const filtered = useMemo(() => ({
    ...live,
    front: keepPassing(live.front, brushed.fails),
    selection: keepPassing(live.selection, brushed.fails),
    passing: brushed.passing,
  }), [live, brushed]);
  // Rendered at low priority and interruptibly: streaming fronts must not block the main thread.
  const run = useDeferredValue(filtered);
  const focus = useExplorer((s) => s.session.plot.focus);
  const [which, setWhich] = useState<Which>('front');
  const [sort, setSort] = useState<SortState<Key>>({ key: 'index', direction: 'ascending' });
  const indices = which === 'front' ? run.front : which === 'selection' ? run.selection : (run.passing ?? EMPTY);

  const rows = useMemo(() => {
    const started = performance.now();
    const cols = run.columns;
    if (!cols) return [];
    const value = sort.key === 'index' ? (i: number) => i : (i: number) => cols[sort.key as Objective][i];
    const out = firstSorted(indices, value, sort.direction, TABLE_ROW_CAP);
    measureSince('sweep:table-rows', started);
    return out;
  }, [indices, sort, run.columns]);

  if (!run.columns || !run.job) return null;
  const { columns, job } = run;
  const header = (key: Key, label: string, title?: string) => (
    <th key={key} scope="col" aria-sort={sort.key === key ? sort.direction : 'none'}>
      <button type="button" className="sort-button" title={title} onClick={() => startTransition(() => setSort(nextSort(sort, key)))}>
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );

  return (
    <section className="front-table" aria-label="Points table">
      <div className="table-switch" role="group" aria-label="Rows to show">
        {(['front', 'selection', 'filtered'] as const).filter((w) => w !== 'filtered' || run.passing).map((w) => (
          <button key={w} type="button" aria-pressed={which === w} data-testid={`table-${w}`} onClick={() => startTransition(() => setWhich(w))}>
            {w === 'front' ? `Front (${run.front.length})` : w === 'selection' ? `Selection (${run.selection.length})` : `Brushed (${run.passing?.length ?? 0})`}
          </button>
        ))}
      </div>
      <p className="muted" data-testid="table-count">
        {indices.length === 0
          ? which === 'front' ? (run.passing ? 'No front point lies inside the parallel-coordinates brushes.' : 'No points on the front yet.') : which === 'selection' ? 'No points selected: drag on the plot to brush a selection.' : 'No points pass the parallel-coordinates brushes.'
          : `Showing ${rows.length.toLocaleString('en-US')} of ${indices.length.toLocaleString('en-US')} points${run.passing ? ' (restricted to the parallel-coordinates brushes)' : ''}.`}
      </p>
      {rows.length > 0 && (
        <div className="table-scroll">
          <table data-testid="front-table">
            <caption className="visually-hidden">{which === 'front' ? 'Pareto front points' : 'Selected points'}, sortable by column</caption>
            <thead>
              <tr>
                {header('index', 'Point')}
                {OBJECTIVES.map((o) => header(o, OBJECTIVE_INFO[o].label, OBJECTIVE_INFO[o].source))}
                <th scope="col" className="design-head">Design</th>
                <th scope="col"><span className="visually-hidden">Load</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((i) => <FrontRow key={i} index={i} current={i === focus} columns={columns} job={job} controller={controller} />)}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
