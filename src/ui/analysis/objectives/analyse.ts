/**
 * The many-objective analysis of a sweep, as one pure function the analysis
 * worker calls: the first non-dominated front over the chosen objectives, its
 * hypervolume against the default reference point, and each varied parameter's
 * importance for each objective. Everything comes from core/pareto and
 * core/sweep/importance.ts; this only chooses between exact and Monte Carlo
 * hypervolume and gathers the front's points. No DOM, so it runs under vitest.
 */
import { defaultReferencePoint, finiteRows, firstFrontIndices, hypervolume, hypervolumeMonteCarlo } from '../../../core/pareto/index.ts';
import { parameterImportance, type ParameterImportance } from '../../../core/sweep/importance.ts';
import { createRng } from '../../../core/rng.ts';

/** A parameter column as it crosses to the worker: plain data (the SweepParam's functions do not clone). */
export interface AnalysisParam {
  id: string;
  label: string;
  values: ArrayLike<number>;
  categorical: boolean;
}

export interface AnalysisOptions {
  /** Exact hypervolume only up to this many front points (WFG cost grows steeply with size)… */
  exactMaxPoints: number;
  /** …and this many objectives. */
  exactMaxObjectives: number;
  /** Uniform samples for the Monte Carlo estimate (error shrinks as 1/√samples). */
  monteCarloSamples: number;
  /** Seed of the Monte Carlo estimate, so the same sweep always shows the same number. */
  seed: number;
}

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = { exactMaxPoints: 2000, exactMaxObjectives: 4, monteCarloSamples: 50_000, seed: 13 };

export interface AnalysisRequest {
  /** One column per chosen objective, indexed by row, in the order shown. */
  columns: readonly ArrayLike<number>[];
  params: readonly AnalysisParam[];
  /** Only these rows take part (the brushed ones); default every row. */
  rows?: Int32Array;
  /** Per column, `max` when larger is better (predicted accuracy): the front and hypervolume see it negated. Default all `min`. */
  senses?: readonly ('min' | 'max')[];
  options?: Partial<AnalysisOptions>;
}

export interface HypervolumeResult {
  /** In the product of the objectives' units. */
  value: number;
  exact: boolean;
  /** Monte Carlo only: one standard error of `value`. */
  standardError?: number;
  /** Monte Carlo only: samples drawn. */
  samples?: number;
  /** Per objective, in its own sign: the worst value among the analysed points with a 10 % margin (REFERENCE_POINT_RULE). */
  reference: number[];
  /** Volume of the box from the ideal point (per-objective minimum) to the reference: `value` as a share of it reads without units. */
  boxVolume: number;
}

export interface AnalysisResult {
  /** Rows on the first front, ascending. */
  frontRows: Int32Array;
  frontCount: number;
  /** Rows analysed with every chosen objective finite. */
  pointCount: number;
  hypervolume: HypervolumeResult;
  /** Per chosen objective (same order as `columns`): every parameter's importance, most important first. */
  importance: ParameterImportance[][];
  elapsedMs: number;
}

export function analyseObjectives(req: AnalysisRequest): AnalysisResult {
  const started = Date.now();
  const opts = { ...DEFAULT_ANALYSIS_OPTIONS, ...req.options };
  const { columns } = req;
  const signs = columns.map((_, d) => (req.senses?.[d] === 'max' ? -1 : 1));
  // Fronts and volumes minimise; importance keeps each objective's own sign (ρ reads "grows with").
  const minimised = columns.map((c, d) => (signs[d] === 1 ? c : Float64Array.from(c, (v) => -v)));
  const rows = finiteRows(minimised, req.rows);
  const frontRows = firstFrontIndices(minimised, rows);
  const reference = defaultReferencePoint(minimised, rows);
  const points = Array.from(frontRows, (i) => minimised.map((c) => c[i]));
  const importance = columns.map((col) =>
    parameterImportance(req.params.map((p) => ({ name: p.id, values: p.values, categorical: p.categorical })), col, rows),
  );
  const volume = frontHypervolume(points, reference, opts);
  return {
    frontRows,
    frontCount: frontRows.length,
    pointCount: rows.length,
    hypervolume: { ...volume, reference: volume.reference.map((r, d) => r * signs[d]) },
    importance,
    elapsedMs: Date.now() - started,
  };
}

function frontHypervolume(points: number[][], reference: number[], opts: AnalysisOptions): HypervolumeResult {
  const m = reference.length;
  if (points.length === 0 || !reference.every(Number.isFinite)) return { value: 0, exact: true, reference, boxVolume: 0 };
  let boxVolume = 1;
  for (let d = 0; d < m; d++) {
    // A loop, not Math.min(...): a front of 10⁵ points would overflow the argument stack.
    let ideal = Infinity;
    for (const p of points) if (p[d] < ideal) ideal = p[d];
    boxVolume *= reference[d] - ideal;
  }
  if (points.length <= opts.exactMaxPoints && m <= opts.exactMaxObjectives) {
    return { value: hypervolume(points, reference), exact: true, reference, boxVolume };
  }
  const est = hypervolumeMonteCarlo(points, reference, opts.monteCarloSamples, createRng(opts.seed));
  return { value: est.estimate, exact: false, standardError: est.standardError, samples: opts.monteCarloSamples, reference, boxVolume: est.boxVolume };
}
