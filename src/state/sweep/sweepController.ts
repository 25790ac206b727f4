/**
 * Connects the session (spec, design, settings, plot axes) to the worker pool
 * and the run store: starts and cancels sweeps, copies chunks into the point
 * columns, keeps the front up to date incrementally (front of old front ∪ new
 * chunk), and turns a clicked point back into a design for the editors.
 *
 * Main-thread cost per publish (≤ 10 Hz) is O(points that arrived): chunks are
 * copied as they land, the front merges only them, and the store says which
 * ranges are new so the plot projects only those. An unchanged front keeps its
 * array, so the table and the plot's overlays do not re-render for nothing.
 */
import type { Objective } from '../../core/share/schema.ts';
import type { ExplorerStoreApi } from '../store.ts';
import { paretoFrontSigned } from '../../core/pareto/front2d.ts';
import { OBJECTIVES, objectiveSign, type ObjectiveColumns } from '../../core/sweep/objectives.ts';
import { sweepSize } from '../../core/sweep/plan.ts';
import { samplePair } from '../../core/sweep/sample.ts';
import type { SweepChunkResult } from '../../core/sweep/run.ts';
import type { SweepCallbacks, SweepHandle, SweepJob, SweepProgress } from '../../workers-client/sweepPool.ts';
import type { SessionState } from '../../core/share/session.ts';
import { EMPTY_RUN, type SweepRunJob, type SweepRunStore } from './sweepRunStore.ts';
import { measureSince } from '../perfMark.ts';
import { brushFromSelection, pointsInBrush } from './brushRect.ts';
import { sameRunSettings } from '../../core/share/runSettings.ts';

/** Per plot axis, 1 to minimise or −1 to maximise (predicted accuracy). */
const axisSigns = (xy: readonly [Objective, Objective]): [1 | -1, 1 | -1] => [objectiveSign(xy[0]), objectiveSign(xy[1])];

export interface SweepRunner {
  run(job: SweepJob, callbacks: SweepCallbacks): SweepHandle;
}

const MAX_ERROR_KINDS = 5;

export function createSweepController(explorer: ExplorerStoreApi, runs: SweepRunStore, runner: () => SweepRunner) {
  let handle: SweepHandle | null = null;
  let token = 0;
  /** Chunks that arrived since the last publish: their indices join the front then. */
  let pending: [number, number][] = [];
  /** Points received in this run (the store's `done` follows it at publish time). */
  let arrived = 0;

  const axes = (): [Objective, Objective] => {
    const { x, y } = explorer.getState().session.plot;
    return [x, y];
  };

  function frontFor(xy: [Objective, Objective], incremental: boolean): Int32Array {
    const { columns, front, frontAxes } = runs.getState();
    if (!columns) return new Int32Array(0);
    const [xs, ys] = [columns[xy[0]], columns[xy[1]]];
    // A maximised axis (predicted accuracy) is negated: the front code minimises.
    const signs = axisSigns(xy);
    const same = incremental && frontAxes?.[0] === xy[0] && frontAxes?.[1] === xy[1];
    if (!same) return paretoFrontSigned(xs, ys, signs);
    let size = front.length;
    for (const [s, e] of pending) size += e - s;
    const subset = new Int32Array(size);
    subset.set(front);
    let at = front.length;
    for (const [s, e] of pending) for (let i = s; i < e; i++) subset[at++] = i;
    return paretoFrontSigned(xs, ys, signs, subset);
  }

  function publish(progress: SweepProgress | null): void {
    const started = performance.now();
    const xy = axes();
    const s = runs.getState();
    const computed = frontFor(xy, true);
    // Same points on the front: keep the old array, so nothing downstream re-renders for it.
    const front = s.frontAxes?.[0] === xy[0] && s.frontAxes?.[1] === xy[1] && sameIndices(computed, s.front) ? s.front : computed;
    const added = pending;
    pending = [];
    runs.setState({
      front, frontAxes: xy, version: s.version + 1, done: arrived,
      ...(added.length > 0 && { dataVersion: s.dataVersion + 1, added }),
      ...(progress && { ratePerS: progress.ratePerS, etaS: progress.etaS }),
    });
    measureSince('sweep:publish', started);
  }

  function onChunk(chunk: SweepChunkResult): void {
    const started = performance.now();
    const { columns, errors, errorKinds } = runs.getState();
    if (!columns || !errors) return;
    for (const o of OBJECTIVES) columns[o].set(chunk.columns[o], chunk.start);
    errors.set(chunk.errors, chunk.start);
    pending.push([chunk.start, chunk.end]);
    arrived += chunk.end - chunk.start;
    measureSince('sweep:merge', started);
    if (chunk.errorKinds.length === 0) return;
    const kinds = new Map(errorKinds.map((k) => [k.message, k.count]));
    let added = 0;
    for (const k of chunk.errorKinds) {
      kinds.set(k.message, (kinds.get(k.message) ?? 0) + k.count);
      added += k.count;
    }
    const sorted = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, MAX_ERROR_KINDS).map(([message, count]) => ({ message, count }));
    // Error counts are small state: set without bumping `version` (no redraw needed).
    runs.setState({ errorKinds: sorted, errorCount: runs.getState().errorCount + added });
  }

  /** Runs the session's sweep. `keepPlot` keeps selection and focus (a shared link re-running). */
  function start({ keepPlot = false }: { keepPlot?: boolean } = {}): void {
    handle?.cancel();
    const session = explorer.getState().session;
    // A shared sweep re-runs around the design it was built on, not the point loaded since.
    const base = keepPlot && session.sweepBase ? session.sweepBase : session.design;
    if (base !== session.sweepBase) explorer.getState().setSweepBase(structuredClone(base));
    const job: SweepJob = {
      spec: structuredClone(session.sweep),
      base: structuredClone(base),
      settings: structuredClone(session.settings),
      total: sweepSize(session.sweep),
    };
    const mine = ++token;
    pending = [];
    arrived = 0;
    // Allocated unfilled: a million-pair sweep's NaN fill (80 MB) is done in slices below, not in this task.
    const columns = Object.fromEntries(OBJECTIVES.map((o) => [o, new Float64Array(job.total)])) as ObjectiveColumns;
    runs.setState({
      ...EMPTY_RUN, overlay: runs.getState().overlay, status: 'running', job, columns, errors: new Uint8Array(job.total),
      frontAxes: axes(), version: runs.getState().version + 1, dataVersion: runs.getState().dataVersion + 1, added: [],
      startedAt: performance.now(),
    });
    if (!keepPlot) explorer.getState().clearSweepSelection();
    // Until the fill is done, cancel() stops it (the token) and nothing has been asked of the workers.
    handle = { cancel: () => {}, done: new Promise(() => {}) };
    fillMissingInSlices(columns, job.total, () => mine === token, () => run(job, mine, keepPlot));
  }

  function run(job: SweepJob, mine: number, keepPlot: boolean): void {
    const h = runner().run(job, {
      onChunk: (c) => mine === token && onChunk(c),
      onProgress: (p) => mine === token && publish(p),
    });
    handle = h;
    h.done.then(
      (outcome) => {
        if (mine !== token) return;
        handle = null;
        publish(null);
        runs.setState({ status: outcome, etaS: null, elapsedMs: elapsedSinceStart() });
        if (outcome === 'done') {
          explorer.getState().setSweepRan(true);
          if (keepPlot) restoreSelection();
        }
      },
      (e: unknown) => {
        if (mine !== token) return;
        handle = null;
        runs.setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
      },
    );
  }

  const elapsedSinceStart = () => {
    const { startedAt } = runs.getState();
    return startedAt === null ? null : performance.now() - startedAt;
  };

  function cancel(): void {
    if (!handle) return;
    token++;
    handle.cancel();
    handle = null;
    publish(null);
    runs.setState({ status: 'cancelled', etaS: null, elapsedMs: elapsedSinceStart() });
  }

  /** The view's brush (a rectangle in data coordinates), or a version-3 view's indices, on the points now in the run. */
  function restoreSelection(): void {
    const { columns, job } = runs.getState();
    const total = job?.total ?? 0;
    const { brush, selection } = explorer.getState().session.plot;
    const indices = brush && columns ? pointsInBrush(columns, brush, total)
      : Int32Array.from((selection ?? []).filter((i) => i < total));
    runs.setState({ selection: indices, version: runs.getState().version + 1 });
  }

  /** Brushed points: all of them at run time; the session keeps the rectangle that selects them. */
  function select(indices: Int32Array): void {
    // The plot's brush hands them over sorted already; sort only what is not.
    const sorted = isAscending(indices) ? indices : Int32Array.from(indices).sort();
    runs.setState({ selection: sorted, version: runs.getState().version + 1 });
    const { columns } = runs.getState();
    const [x, y] = axes();
    const brush = columns && sorted.length > 0 ? brushFromSelection(columns, sorted, x, y) : null;
    explorer.getState().setPlot({ brush, selection: undefined });
  }

  /** Loads sweep point `index` into the editors. */
  function loadPoint(index: number): void {
    const job = runs.getState().job;
    if (!job || index < 0 || index >= job.total) return;
    const pair = samplePair(job.spec, job.base, index);
    const api = explorer.getState();
    api.setModel(pair.model);
    api.setAccelerator(pair.accelerator);
    api.setPlot({ focus: index });
  }

  /**
   * Re-runs the session's sweep, keeping its selection and focus, if it had been
   * run (a link, a restored session): when no points exist yet, or always with `force`
   * (a session replaced while the page was open).
   */
  function resumeShared({ force = false }: { force?: boolean } = {}): void {
    if (!explorer.getState().session.sweepRan) return;
    const { status } = runs.getState();
    if (force || ((status === 'idle' || status === 'cancelled') && !handle)) start({ keepPlot: true });
  }

  /** The points of a sweep this view does not describe go: nothing left running, nothing shown. */
  function clear(): void {
    if (handle) {
      token++;
      handle.cancel();
      handle = null;
    }
    pending = [];
    arrived = 0;
    const s = runs.getState();
    runs.setState({ ...EMPTY_RUN, overlay: s.overlay, version: s.version + 1, dataVersion: s.dataVersion + 1, added: [] });
  }

  /**
   * Shows a finished sweep kept earlier (the history, an imported result file) as
   * if it had just run, without simulating, and makes it the view's sweep: its
   * spec, base design and run settings, so a link regenerates the same points
   * (`keepView`: the view describes it already, as after a reload).
   */
  function show(
    job: SweepRunJob, data: { columns: ObjectiveColumns; errors: Uint8Array },
    meta: { errorCount: number; elapsedMs: number | null; /** Pairs present (default: all); the rest are absent (NaN). */ done?: number },
    { keepView = false, origin = 'history' }: { keepView?: boolean; origin?: 'history' | 'import' } = {},
  ): void {
    if (handle) {
      token++;
      handle.cancel();
      handle = null;
    }
    pending = [];
    arrived = job.total;
    const s = runs.getState();
    const xy = axes();
    runs.setState({
      ...EMPTY_RUN, overlay: s.overlay, origin, status: 'done', job, columns: data.columns, errors: data.errors, errorCount: meta.errorCount,
      done: meta.done ?? job.total, front: paretoFrontSigned(data.columns[xy[0]], data.columns[xy[1]], axisSigns(xy)), frontAxes: xy,
      // New arrays and no ranges: views project everything once.
      version: s.version + 1, dataVersion: s.dataVersion + 1, added: null, elapsedMs: meta.elapsedMs,
    });
    // Benchmarks time the first complete draw of stored points from here.
    performance.mark('sweep:shown');
    // The view already describes this sweep (a reload): keep its brush and focus.
    if (keepView) restoreSelection();
    else explorer.getState().openSweep({ spec: job.spec, base: job.base, settings: job.settings });
  }

  /**
   * The whole view was replaced (a link opened or pasted into this tab, a file
   * imported, the previous view restored): its sweep is re-run from the seed when
   * it had run, around the design it was built on; the old points never stay
   * under a view they do not belong to. Points of the very same job are kept.
   */
  function onReplaced(): void {
    const session = explorer.getState().session;
    if (!session.sweepRan) {
      if (runs.getState().job) clear();
      return;
    }
    const { job, status } = runs.getState();
    if (job && status === 'done' && sameJob(job, session)) {
      restoreSelection();
      return;
    }
    start({ keepPlot: true });
  }

  // New axes: the front is recomputed from all points (O(n) prefilter + a small sort).
  const unsubscribe = explorer.subscribe((s, prev) => {
    if (s.replacedCount !== prev.replacedCount) {
      onReplaced();
      return;
    }
    if (s.session.plot.x === prev.session.plot.x && s.session.plot.y === prev.session.plot.y) return;
    if (!runs.getState().columns) return;
    pending = [];
    const xy = axes();
    runs.setState({ front: frontFor(xy, false), frontAxes: xy, version: runs.getState().version + 1 });
  });

  return { start, cancel, select, loadPoint, resumeShared, show, dispose: () => { cancel(); unsubscribe(); } };
}

export type SweepController = ReturnType<typeof createSweepController>;

/** Whether a run's job is the one `session` describes (so its points are this view's). */
export function sameJob(job: SweepRunJob, session: SessionState): boolean {
  const base = session.sweepBase ?? session.design;
  return JSON.stringify(job.spec) === JSON.stringify(session.sweep)
    && JSON.stringify(job.base) === JSON.stringify(base)
    && sameRunSettings(job.settings, session.settings);
}

/** Elements filled per task: about 10 ms for all objective columns. */
const FILL_SLICE = 2 ** 17;

/** Fills the columns with NaN ("no point yet") a slice per task, then calls `then`; stops if the run is superseded. */
function fillMissingInSlices(columns: ObjectiveColumns, total: number, current: () => boolean, then: () => void): void {
  let at = 0;
  const step = () => {
    if (!current()) return;
    const end = Math.min(total, at + FILL_SLICE);
    for (const o of OBJECTIVES) columns[o].fill(Number.NaN, at, end);
    at = end;
    if (at < total) setTimeout(step, 0);
    else then();
  };
  step();
}

function sameIndices(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

function isAscending(a: Int32Array): boolean {
  for (let k = 1; k < a.length; k++) if (a[k] < a[k - 1]) return false;
  return true;
}
