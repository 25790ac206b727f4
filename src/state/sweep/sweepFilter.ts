/**
 * The parallel-coordinates brush filter beside the run store: axis brushes in
 * data coordinates, the incremental filter (core/sweep/axisFilter.ts) and the
 * passing indices the table and export use. Parameter columns are regenerated
 * from the run's plan (core/sweep/paramColumns.ts) only once the view asks for
 * them, so a sweep nobody inspects this way costs nothing. One `set` per action.
 */
import { createStore } from 'zustand/vanilla';
import { createAxisFilter, passingIndices, refreshRows, setAxisBrush, type AxisFilter } from '../../core/sweep/axisFilter.ts';
import { emptyParamColumns, fillParamColumns, type ParamColumn } from '../../core/sweep/paramColumns.ts';
import { planFor } from '../../core/sweep/sample.ts';
import type { SweepRunJob, SweepRunStore } from './sweepRunStore.ts';

export type AxisBrushes = Readonly<Record<string, readonly [number, number]>>;

export interface SweepFilterState {
  brushes: AxisBrushes;
  /** Passing rows, ascending; null when nothing is brushed. */
  passing: Int32Array | null;
  passCount: number;
  /** Per row, brushed axes failed (0 = passes); null with no brush. */
  fails: Uint16Array | null;
  /** Parameter columns of the run's plan, once requested. */
  params: readonly ParamColumn[] | null;
  /** Bumps on every filter change and when new rows were re-tested. */
  version: number;
}

const EMPTY: SweepFilterState = { brushes: {}, passing: null, passCount: 0, fails: null, params: null, version: 0 };

export function createSweepFilter(runs: SweepRunStore) {
  const store = createStore<SweepFilterState>()(() => ({ ...EMPTY }));
  let filter: AxisFilter | null = null;
  let job: SweepRunJob | null = null;
  /** True once the view has opened: from then on every new run builds its parameter columns at once. */
  let paramsWanted = false;

  const values = (key: string): ArrayLike<number> | undefined => {
    const cols = runs.getState().columns as Record<string, Float64Array> | null;
    return cols?.[key] ?? store.getState().params?.find((c) => c.param.id === key)?.values;
  };

  function buildParams(): readonly ParamColumn[] | null {
    if (!job) return null;
    const plan = planFor(job.spec);
    if (plan.count !== job.total) return null; // an imported sweep whose spec does not describe its rows
    const cols = emptyParamColumns(plan);
    // Parameters depend on the index alone, so every row can be filled now, arrived or not.
    fillParamColumns(plan, cols, 0, plan.count);
    return cols;
  }

  // A new run (or a reopened or imported sweep) starts with no brushes; arrivals are re-tested against the brushes.
  runs.subscribe((s, prev) => {
    if (s.job !== job) {
      job = s.job;
      filter = null;
      store.setState({ ...EMPTY, params: paramsWanted ? buildParams() : null, version: store.getState().version + 1 });
      return;
    }
    if (s.dataVersion !== prev.dataVersion && filter && filter.axes.size > 0 && s.added) {
      for (const [a, b] of s.added) refreshRows(filter, values, a, b);
      store.setState({ passing: passingIndices(filter), passCount: filter.passCount, version: store.getState().version + 1 });
    }
  });

  return {
    store,
    /** The view calls this when it opens: builds the parameter columns once per run. */
    requestParams(): void {
      paramsWanted = true;
      job = runs.getState().job;
      if (!store.getState().params) store.setState({ params: buildParams() });
    },
    /** Sets or clears one axis's brush (data coordinates). */
    setBrush(key: string, brush: readonly [number, number] | null): void {
      const run = runs.getState();
      const col = values(key);
      if (!run.job || !col) return;
      filter ??= createAxisFilter(run.job.total);
      setAxisBrush(filter, key, col, brush && { lo: brush[0], hi: brush[1] });
      const brushes = { ...store.getState().brushes };
      if (brush) brushes[key] = [brush[0], brush[1]];
      else delete brushes[key];
      const any = filter.axes.size > 0;
      store.setState({
        brushes, passing: any ? passingIndices(filter) : null, passCount: filter.passCount,
        fails: any ? filter.fails : null, version: store.getState().version + 1,
      });
    },
  };
}

export type SweepFilter = ReturnType<typeof createSweepFilter>;
