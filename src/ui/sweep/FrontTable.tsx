/**
 * The plot's table view: the front or the brushed selection, sortable by any
 * objective (click a header; aria-sort says how), capped at 200 rows with the
 * count shown. Each row can load its design into the editors.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { OBJECTIVES, OBJECTIVE_INFO, type Objective } from '../../core/sweep/objectives.ts';
import { useExplorer } from '../../state/useExplorer.ts';
import { formatObjective } from './objectiveFormat.ts';
import { pointDescription } from './pointDescription.ts';
import { nextSort, sortPoints, type SortState } from './tableSort.ts';
import { sweepRunStore } from './sweepRunStore.ts';
import type { SweepController } from './sweepController.ts';

export const TABLE_ROW_CAP = 200;
type Key = Objective | 'index';
type Which = 'front' | 'selection';

export function FrontTable({ controller }: { controller: SweepController }) {
  const live = useStore(sweepRunStore, useShallow((s) => ({ columns: s.columns, front: s.front, selection: s.selection, job: s.job, version: s.version })));
  // Rendered at low priority and interruptibly: streaming fronts must not block the main thread.
  const run = useDeferredValue(live);
  const focus = useExplorer((s) => s.session.plot.focus);
  const [which, setWhich] = useState<Which>('front');
  const [sort, setSort] = useState<SortState<Key>>({ key: 'index', direction: 'ascending' });
  const indices = which === 'front' ? run.front : run.selection;

  const rows = useMemo(() => {
    const cols = run.columns;
    if (!cols) return [];
    const value = sort.key === 'index' ? (i: number) => i : (i: number) => cols[sort.key as Objective][i];
    return sortPoints(indices, value, sort.direction).slice(0, TABLE_ROW_CAP);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version marks new values in the same arrays
  }, [indices, sort, run.columns, run.version]);

  const body = useMemo(() => {
    const { columns, job } = run;
    if (!columns || !job) return null;
    return rows.map((i) => (
      <tr key={i} aria-current={i === focus ? 'true' : undefined}>
        <td>#{i}</td>
        {OBJECTIVES.map((o) => <td key={o}>{formatObjective(o, columns[o][i])}</td>)}
        <td className="design-cell">{pointDescription(job, i).compact}</td>
        <td>
          <button type="button" onClick={() => controller.loadPoint(i)} aria-label={`Load point ${i} into the editors`} data-testid="table-load">Load</button>
        </td>
      </tr>
    ));
  }, [rows, run, focus, controller]);

  if (!run.columns || !run.job) return null;
  const header = (key: Key, label: string, title?: string) => (
    <th key={key} scope="col" aria-sort={sort.key === key ? sort.direction : 'none'}>
      <button type="button" className="sort-button" title={title} onClick={() => setSort(nextSort(sort, key))}>
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );

  return (
    <section className="front-table" aria-label="Points table">
      <div className="table-switch" role="group" aria-label="Rows to show">
        {(['front', 'selection'] as const).map((w) => (
          <button key={w} type="button" aria-pressed={which === w} data-testid={`table-${w}`} onClick={() => setWhich(w)}>
            {w === 'front' ? `Front (${run.front.length})` : `Selection (${run.selection.length})`}
          </button>
        ))}
      </div>
      <p className="muted" data-testid="table-count">
        {indices.length === 0
          ? which === 'front' ? 'No points on the front yet.' : 'No points selected: drag on the plot to brush a selection.'
          : `Showing ${rows.length.toLocaleString('en-US')} of ${indices.length.toLocaleString('en-US')} points.`}
      </p>
      {rows.length > 0 && (
        <div className="table-scroll">
          <table data-testid="front-table">
            <caption className="visually-hidden">{which === 'front' ? 'Pareto front points' : 'Selected points'}, sortable by column</caption>
            <thead>
              <tr>
                {header('index', 'Point')}
                {OBJECTIVES.map((o) => header(o, OBJECTIVE_INFO[o].label, OBJECTIVE_INFO[o].source))}
                <th scope="col">Design</th>
                <th scope="col"><span className="visually-hidden">Load</span></th>
              </tr>
            </thead>
            <tbody>{body}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
