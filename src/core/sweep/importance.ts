/**
 * Parameter importance per objective over a sweep's rows: how strongly each
 * varied parameter is associated with the objective, on a common 0–1 scale.
 * Rank-based, so it is unaffected by units and by monotone transforms of either
 * side (log-latency ranks like latency), and robust to outliers.
 */

/** Shown in the UI next to the importance bars; it names the method exactly. */
export const IMPORTANCE_METHOD =
  'Numeric parameters: |Spearman ρ|, the Pearson correlation between the ranks of the parameter ' +
  'and of the objective (tied values share their average rank). Choice parameters: correlation ' +
  'ratio η = √(between-choice sum of squares / total sum of squares) of the objective’s ranks ' +
  'grouped by choice. Both lie in 0–1 and use only the selected rows; rows with a missing ' +
  'value are skipped and a parameter that does not vary scores 0. They measure association ' +
  'over the sampled points (monotone trend for ρ, differences between choices for η), not ' +
  'cause, and do not capture interactions between parameters.';

export interface ImportanceInput {
  name: string;
  /** One value per row: the parameter's value, or a choice's level index when `categorical`. */
  values: ArrayLike<number>;
  /** True for a choice (values are level indices with no order): scored by η instead of ρ. */
  categorical: boolean;
}

export interface ParameterImportance {
  name: string;
  /** |ρ| or η, in [0, 1]; 0 for a constant parameter or objective, or fewer than 2 rows. */
  importance: number;
  /** Spearman ρ with its sign (positive: the objective grows with the parameter); numeric parameters only. */
  signedRho?: number;
  method: 'spearman' | 'eta';
}

/**
 * @param objective - one value per row (minimised or not: only association matters).
 * @param rows - rows to use (e.g. the filtered ones); default all. Rows where the
 *   objective or the parameter is NaN or infinite are skipped, pair by pair.
 * @returns one entry per parameter, most important first (ties keep input order).
 */
export function parameterImportance(
  params: readonly ImportanceInput[],
  objective: ArrayLike<number>,
  rows?: ArrayLike<number>,
): ParameterImportance[] {
  const n = rows ? rows.length : objective.length;
  let base = new Int32Array(n);
  let count = 0;
  for (let k = 0; k < n; k++) {
    const i = rows ? rows[k] : k;
    if (Number.isFinite(objective[i])) base[count++] = i;
  }
  base = base.subarray(0, count);
  // Objective ranks over the base rows, reused for every parameter finite on all of them
  // (the usual case: the parameter columns of a sweep are complete where objectives are).
  const baseRanks = averageRanks(gather(objective, base));
  const scored = params.map((p) => {
    let used = base;
    let objRanks = baseRanks;
    if (!allFinite(p.values, base)) {
      used = base.filter((i) => Number.isFinite(p.values[i]));
      objRanks = averageRanks(gather(objective, used));
    }
    const x = gather(p.values, used);
    if (p.categorical) return { name: p.name, importance: etaOfRanks(x, objRanks), method: 'eta' as const };
    const rho = pearson(averageRanks(x), objRanks);
    return { name: p.name, importance: Math.abs(rho), signedRho: rho, method: 'spearman' as const };
  });
  return scored
    .map((s, order) => ({ s, order }))
    .sort((a, b) => b.s.importance - a.s.importance || a.order - b.order)
    .map(({ s }) => s);
}

/** Ranks 1..n with ties sharing their average rank. */
export function averageRanks(values: Float64Array): Float64Array {
  const { level, levelCounts } = levelsOf(values);
  // Level L fills ranks below+1 .. below+count, whose mean is below + (count + 1) / 2.
  const meanRank = new Float64Array(levelCounts.length);
  let below = 0;
  for (let L = 0; L < levelCounts.length; L++) {
    meanRank[L] = below + (levelCounts[L] + 1) / 2;
    below += levelCounts[L];
  }
  const ranks = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) ranks[i] = meanRank[level[i]];
  return ranks;
}

/** Above this many distinct values, levels are found by sorting instead of a linear scan. */
const FEW_LEVELS = 64;

/**
 * Level of each value: its index among the distinct values, ascending. Sweep
 * parameters usually take a handful of values, found by one scan; otherwise a
 * native sort of a copy and a binary search per value (a comparator sort of
 * indices or a Map keyed by doubles is several times slower at a million rows).
 */
function levelsOf(values: Float64Array): { level: Int32Array; levelCounts: Float64Array } {
  let distinct = fewDistinct(values);
  if (!distinct) {
    const sorted = values.slice().sort();
    distinct = [];
    for (let a = 0; a < sorted.length; a++) if (a === 0 || sorted[a] !== sorted[a - 1]) distinct.push(sorted[a]);
  }
  const level = new Int32Array(values.length);
  const levelCounts = new Float64Array(distinct.length);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = distinct.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (distinct[mid] < values[i]) lo = mid + 1;
      else hi = mid;
    }
    level[i] = lo;
    levelCounts[lo]++;
  }
  return { level, levelCounts };
}

/** The sorted distinct values when there are at most FEW_LEVELS of them, else null. */
function fewDistinct(values: Float64Array): number[] | null {
  const seen: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let k = 0;
    while (k < seen.length && seen[k] !== v) k++;
    if (k === seen.length) {
      if (seen.length === FEW_LEVELS) return null;
      seen.push(v);
    }
  }
  return seen.sort((a, b) => a - b);
}

/** Pearson correlation; 0 when either side has no variance (a constant says nothing). */
function pearson(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  if (n < 2) return 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (!(sxx > 0 && syy > 0)) return 0;
  // Clamp: rounding can push |r| a hair past 1 for perfectly monotone data.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Correlation ratio η of `y` grouped by the levels in `group`; 0 for one group or constant y. */
function etaOfRanks(group: Float64Array, y: Float64Array): number {
  const n = y.length;
  if (n < 2) return 0;
  const { level, levelCounts: count } = levelsOf(group);
  const levelCount = count.length;
  if (levelCount < 2) return 0;
  const sum = new Float64Array(levelCount);
  let mean = 0;
  for (let i = 0; i < n; i++) {
    sum[level[i]] += y[i];
    mean += y[i];
  }
  mean /= n;
  let total = 0;
  for (let i = 0; i < n; i++) total += (y[i] - mean) ** 2;
  if (!(total > 0)) return 0;
  let between = 0;
  for (let L = 0; L < levelCount; L++) between += count[L] * (sum[L] / count[L] - mean) ** 2;
  return Math.min(1, Math.sqrt(between / total));
}

function gather(values: ArrayLike<number>, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]];
  return out;
}

function allFinite(values: ArrayLike<number>, rows: Int32Array): boolean {
  for (let k = 0; k < rows.length; k++) if (!Number.isFinite(values[rows[k]])) return false;
  return true;
}
