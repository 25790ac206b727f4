/**
 * The small regression model behind the `published` and `imported` accuracy
 * predictors (docs/codesign.md §3): a linear trend fitted by (ridge) least squares,
 * plus a Gaussian-process correction on its residuals with a squared-exponential
 * kernel. The mean passes close to every training point; the standard deviation is
 * the measurement noise at a training point and grows, with distance in feature
 * space, towards the prior spread plus the trend's own extrapolation error.
 */
import { parameterCount } from '../../space/transformer/counts.ts';
import { TRANSFORMER_SPACE } from '../../space/transformer/schema.ts';
import type { ModelDict } from '../../space/transformer/types.ts';

/** Features of a model (docs/codesign.md §3.1), in natural units: decades and doublings. */
export interface ModelFeatures {
  /** log10 of the parameters outside the token/position embedding tables. */
  log10Params: number;
  /** log2 of the layer count. */
  log2Depth: number;
  /** log2 of the mean hidden size over the layers. */
  log2Width: number;
  /** Fractions of all heads that are sa_wma, l_* (DFT/DCT) and c_* (convolutions). */
  fractionWma: number;
  fractionLinear: number;
  fractionConv: number;
}

const TABLE_ROWS = TRANSFORMER_SPACE.modelVocabulary + TRANSFORMER_SPACE.maxPositions + 1;

/**
 * The embedding tables (vocabulary, positions, token type) are left out of the size:
 * they cost no compute, and the FlexiBERT vocabulary (50,265) is not BERT's (30,522),
 * so counting them would make the published models' sizes depend on a tokenizer.
 */
export function modelFeatures(m: ModelDict, parameters: number = parameterCount(m)): ModelFeatures {
  const nonEmbedding = parameters - TABLE_ROWS * m.h[0];
  let heads = 0, wma = 0, linear = 0, conv = 0;
  for (const layer of m.o) {
    for (const op of layer) {
      heads++;
      if (op.startsWith('sa_wma')) wma++;
      else if (op.startsWith('l_')) linear++;
      else if (op.startsWith('c_')) conv++;
    }
  }
  const meanWidth = m.h.reduce((a, b) => a + b, 0) / m.l;
  return {
    log10Params: Math.log10(nonEmbedding),
    log2Depth: Math.log2(m.l),
    log2Width: Math.log2(meanWidth),
    fractionWma: wma / heads,
    fractionLinear: linear / heads,
    fractionConv: conv / heads,
  };
}

export interface TrendGpOptions {
  /** Which input columns the linear trend uses (all columns enter the kernel distance). */
  trendColumns: number[];
  /** Kernel length scale, in the (already scaled) input units. */
  lengthScale: number;
  /** Prior standard deviation of the residual process (how far a model may sit off the trend). */
  signalStd: number;
  /** Standard deviation of a measured score (seed and rounding noise). */
  noiseStd: number;
  /** Ridge penalty on the trend's slopes (not the intercept); 0 for ordinary least squares. */
  ridge: number;
}

export interface TrendGp {
  predict(x: readonly number[]): { mean: number; std: number };
  /** Trend coefficients: intercept first, then one per trend column. */
  coefficients: number[];
  /** Training targets minus the trend alone. */
  trendResiduals: number[];
}

/** Fits the model. `xs` rows must have equal length; at least 2 rows. */
export function fitTrendGp(xs: readonly (readonly number[])[], ys: readonly number[], o: TrendGpOptions): TrendGp {
  const n = xs.length;
  if (n < 2 || ys.length !== n) throw new RangeError(`fitTrendGp: need at least 2 points with targets (got ${n})`);
  const phi = (x: readonly number[]) => [1, ...o.trendColumns.map((c) => x[c])];
  const p = o.trendColumns.length + 1;
  // Normal equations (ΦᵀΦ + λ·diag(0,1,…,1)) β = Φᵀy.
  const A = zeros(p, p);
  const b = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) {
    const f = phi(xs[i]);
    for (let r = 0; r < p; r++) {
      b[r] += f[r] * ys[i];
      for (let c = 0; c < p; c++) A[r][c] += f[r] * f[c];
    }
  }
  for (let r = 1; r < p; r++) A[r][r] += o.ridge;
  for (let r = 0; r < p; r++) A[r][r] += 1e-12; // keeps a degenerate design (all x equal) solvable
  const LA = cholesky(A);
  const beta = cholSolve(LA, b);
  const trend = (x: readonly number[]) => dot(phi(x), beta);
  const residuals = ys.map((y, i) => y - trend(xs[i]));
  // Variance of the trend at x: σ²·φᵀ(ΦᵀΦ+λ)⁻¹φ, σ² from the residuals (at least the noise).
  const dof = Math.max(1, n - p);
  const sigma2 = Math.max(o.noiseStd ** 2, residuals.reduce((s, r) => s + r * r, 0) / dof);

  const sf2 = o.signalStd ** 2;
  const kernel = (a: readonly number[], c: readonly number[]) => {
    let d2 = 0;
    for (let j = 0; j < a.length; j++) d2 += (a[j] - c[j]) ** 2;
    return sf2 * Math.exp(-d2 / (2 * o.lengthScale ** 2));
  };
  const K = zeros(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) K[i][j] = kernel(xs[i], xs[j]) + (i === j ? o.noiseStd ** 2 + 1e-12 : 0);
  const LK = cholesky(K);
  const alpha = cholSolve(LK, residuals);

  return {
    coefficients: beta,
    trendResiduals: residuals,
    predict(x) {
      const k = xs.map((xi) => kernel(x, xi));
      const mean = trend(x) + dot(k, alpha);
      const v = forwardSolve(LK, k);
      const gpVar = Math.max(0, sf2 - dot(v, v));
      const f = phi(x);
      const trendVar = sigma2 * dot(f, cholSolve(LA, f));
      return { mean, std: Math.sqrt(gpVar + trendVar + o.noiseStd ** 2) };
    },
  };
}

/** Above this many points leave-one-out keeps the trend and hyper-parameters fixed (closed form). */
export const EXACT_LOO_MAX = 200;

/**
 * Leave-one-out predictions: each point predicted by a model fitted without it. Exact
 * refits up to EXACT_LOO_MAX points; beyond, the Gaussian-process closed form
 * (r_i − [K⁻¹r]_i / [K⁻¹]_ii) with the full-data trend held fixed.
 */
export function leaveOneOut(xs: readonly (readonly number[])[], ys: readonly number[], o: TrendGpOptions): number[] {
  const n = xs.length;
  if (n <= EXACT_LOO_MAX) {
    return xs.map((x, i) => fitTrendGp(xs.filter((_, j) => j !== i), ys.filter((_, j) => j !== i), o).predict(x).mean);
  }
  const full = fitTrendGp(xs, ys, o);
  const r = full.trendResiduals;
  const K = zeros(n, n);
  const sf2 = o.signalStd ** 2;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let d2 = 0;
      for (let c = 0; c < xs[i].length; c++) d2 += (xs[i][c] - xs[j][c]) ** 2;
      K[i][j] = K[j][i] = sf2 * Math.exp(-d2 / (2 * o.lengthScale ** 2)) + (i === j ? o.noiseStd ** 2 + 1e-12 : 0);
    }
  }
  const L = cholesky(K);
  const alpha = cholSolve(L, r);
  // [K⁻¹]_ii = ‖L⁻¹ e_i‖²; column by column, O(n³) in all.
  return xs.map((_, i) => {
    const e = new Array<number>(n).fill(0);
    e[i] = 1;
    const v = forwardSolve(L, e);
    const kii = dot(v, v);
    return ys[i] - alpha[i] / kii;
  });
}

/** Spearman rank correlation (average ranks for ties); NaN when either side is constant. */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const ra = ranks(a), rb = ranks(b);
  const n = a.length;
  const ma = ra.reduce((s, v) => s + v, 0) / n, mb = rb.reduce((s, v) => s + v, 0) / n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (ra[i] - ma) * (rb[i] - mb);
    saa += (ra[i] - ma) ** 2;
    sbb += (rb[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}

function ranks(v: readonly number[]): number[] {
  const order = v.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
  const r = new Array<number>(v.length);
  for (let s = 0; s < order.length; ) {
    let e = s;
    while (e + 1 < order.length && order[e + 1][0] === order[s][0]) e++;
    for (let k = s; k <= e; k++) r[order[k][1]] = (s + e) / 2 + 1;
    s = e + 1;
  }
  return r;
}

const zeros = (r: number, c: number) => Array.from({ length: r }, () => new Array<number>(c).fill(0));
const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + v * b[i], 0);

function cholesky(A: number[][]): number[][] {
  const n = A.length;
  const L = zeros(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(s > 0)) throw new RangeError('fitTrendGp: matrix not positive definite');
        L[i][i] = Math.sqrt(s);
      } else L[i][j] = s / L[j][j];
    }
  }
  return L;
}

function forwardSolve(L: number[][], b: readonly number[]): number[] {
  const y = new Array<number>(b.length);
  for (let i = 0; i < b.length; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i][k] * y[k];
    y[i] = s / L[i][i];
  }
  return y;
}

function cholSolve(L: number[][], b: readonly number[]): number[] {
  const y = forwardSolve(L, b);
  const n = b.length;
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= L[k][i] * x[k];
    x[i] = s / L[i][i];
  }
  return x;
}
