/**
 * The parallel-coordinates brush filter beside the run store: the incremental
 * filter (core/sweep/axisFilter.ts) and the passing indices the table and export
 * use. The brushes themselves are user intent and live in the session (links,
 * reload and files keep them, in data coordinates); this store follows them, so a
 * shared view re-run from its seed filters the same points. Parameter columns are
 * regenerated from the run's plan (core/sweep/paramColumns.ts) only once the view
 * or a brush on a parameter asks for them, so a sweep nobody inspects this way
 * costs nothing.
 */
import { createStore } from 'zustand/vanilla';
import { createAxisFilter, passingIndices, refreshRows, setAxisBrush, type AxisFilter } from '../../core/sweep/axisFilter.ts';
import { emptyParamColumns, fillParamColumns, type ParamColumn } from '../../core/sweep/paramColumns.ts';
import { planFor } from '../../core/sweep/sample.ts';
import { isObjective } from '../../core/sweep/objectives.ts';
import { measureSince } from '../perfMark.ts';
import type { SweepRunJob, SweepRunStore } from './sweepRunStore.ts';
import type { ExplorerStoreApi } from '../store.ts';

export type AxisBrushes = Readonly<Record<string, readonly [number, number]>>;

/** Where the brushes are kept as intent (the session's `parallel.brushes`; a plain holder in tests). */
export interface BrushIntent {
  get(): AxisBrushes;
  set(brushes: AxisBrushes): void;
  /** Calls `listener` when the brushes change (whoever changed them). */
  subscribe(listener: () => void): () => void;
}

/** Brushes held in memory: the filter on its own, for tests and tools. */
export function memoryBrushIntent(initial: AxisBrushes = {}): BrushIntent {
  let brushes = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => brushes,
    set(next) { brushes = next; listeners.forEach((l) => l()); },
    subscribe(l) { listeners.add(l); return () => listeners.delete(l); },
  };
}

/** The axis brushes as the session keeps them, so links, reload and files carry them. */
export function sessionBrushIntent(explorer: ExplorerStoreApi): BrushIntent {
  return {
    get: () => explorer.getState().session.parallel.brushes,
    set: (brushes) => explorer.getState().setParallel({ brushes: structuredClone(brushes) as Record<string, [number, number]> }),
    subscribe: (listener) => explorer.subscribe((s, prev) => { if (s.session.parallel.brushes !== prev.session.parallel.brushes) listener(); }),
  };
}

/** Rows of parameter columns filled per task (~50 ms for the widest sweeps). */
const PARAM_SLICE = 50_000;

const sameBrush = (a: readonly [number, number] | undefined, b: readonly [number, number] | undefined) => a?.[0] === b?.[0] && a?.[1] === b?.[1];

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

export function createSweepFilter(runs: SweepRunStore, intent: BrushIntent = memoryBrushIntent()) {
  const store = createStore<SweepFilterState>()(() => ({ ...EMPTY }));
  let filter: AxisFilter | null = null;
  let job: SweepRunJob | null = null;
  /** True once the view has opened: from then on every new run builds its parameter columns at once. */
  let paramsWanted = false;
  /** A new run's brushes wait for its first points: before them its columns are not yet NaN-filled. */
  let waitingForPoints = false;

  const values = (key: string): ArrayLike<number> | undefined => {
    const cols = runs.getState().columns as Record<string, Float64Array> | null;
    return cols?.[key] ?? store.getState().params?.find((c) => c.param.id === key)?.values;
  };

  /** The run whose parameter columns are being filled, slice by slice. */
  let building: SweepRunJob | null = null;

  /**
   * Fills the run's parameter columns PARAM_SLICE rows per task (a million rows take about
   * a second: in one task that would freeze the page), then publishes them and applies any
   * brush that was waiting for them. A sweep of one slice or less is done at once.
   */
  function buildParams(): void {
    const forJob = job;
    if (!forJob || building === forJob || store.getState().params) return;
    const plan = planFor(forJob.spec);
    if (plan.count !== forJob.total) return; // an imported sweep whose spec does not describe its rows
    const cols = emptyParamColumns(plan);
    building = forJob;
    let at = 0;
    const step = () => {
      if (job !== forJob) return;
      // Parameters depend on the index alone, so every row can be filled now, arrived or not.
      const end = Math.min(plan.count, at + PARAM_SLICE);
      fillParamColumns(plan, cols, at, end);
      at = end;
      if (at < plan.count) return void setTimeout(step, 0);
      building = null;
      store.setState({ params: cols });
      if (!waitingForPoints) follow();
    };
    step();
  }

  /** Brings the filter to the intent's brushes, touching only the axes that changed. */
  function follow(): void {
    const run = runs.getState();
    if (!run.job || !run.columns) return;
    const started = performance.now();
    const wanted = intent.get();
    if (Object.keys(wanted).some((k) => !isObjective(k)) && !store.getState().params) {
      paramsWanted = true;
      buildParams();
    }
    const applied = store.getState().brushes;
    const keys = new Set([...Object.keys(applied), ...Object.keys(wanted)]);
    const next: Record<string, readonly [number, number]> = {};
    let changed = false;
    for (const key of keys) {
      const col = values(key);
      // A brush on a column this sweep does not have (another sweep's parameter) is kept as intent, not applied.
      const brush = col ? wanted[key] : undefined;
      if (brush) next[key] = brush;
      if (sameBrush(applied[key], brush)) continue;
      if (!col) continue;
      filter ??= createAxisFilter(run.job.total);
      setAxisBrush(filter, key, col, brush ? { lo: brush[0], hi: brush[1] } : null);
      changed = true;
    }
    if (!changed) return;
    const any = filter !== null && filter.axes.size > 0;
    store.setState({
      brushes: next, passing: any ? passingIndices(filter!) : null, passCount: filter?.passCount ?? 0,
      fails: any ? filter!.fails : null, version: store.getState().version + 1,
    });
    // The filter and everything subscribed to it (plot, table, lines) updated synchronously: bench:ui reads this.
    measureSince('sweep:brush-filter', started);
  }

  // A new run (or a reopened or imported sweep) starts unfiltered, then takes the intent's brushes once its points arrive.
  runs.subscribe((s, prev) => {
    if (s.job !== job) {
      job = s.job;
      filter = null;
      waitingForPoints = true;
      building = null;
      store.setState({ ...EMPTY, version: store.getState().version + 1 });
      if (paramsWanted) buildParams();
    }
    if (waitingForPoints && s.job && s.done > 0) {
      waitingForPoints = false;
      follow();
      return;
    }
    if (s.dataVersion !== prev.dataVersion && filter && filter.axes.size > 0 && s.added) {
      for (const [a, b] of s.added) refreshRows(filter, values, a, b);
      store.setState({ passing: passingIndices(filter), passCount: filter.passCount, version: store.getState().version + 1 });
    }
  });
  intent.subscribe(() => { if (!waitingForPoints) follow(); });

  return {
    store,
    /** The view calls this when it opens: builds the parameter columns once per run. */
    requestParams(): void {
      paramsWanted = true;
      job = runs.getState().job;
      buildParams();
    },
    /** Sets or clears one axis's brush (data coordinates): the user's intent, which the filter then follows. */
    setBrush(key: string, brush: readonly [number, number] | null): void {
      const brushes = { ...intent.get() };
      if (brush) brushes[key] = [brush[0], brush[1]];
      else delete brushes[key];
      intent.set(brushes);
    },
  };
}

export type SweepFilter = ReturnType<typeof createSweepFilter>;
