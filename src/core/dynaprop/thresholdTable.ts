/**
 * τ ↔ sparsity lookup tables built from profiled magnitudes (docs/dynaprop.md §7).
 * A table maps a grid of sparsities to the element-weighted quantile of |x|; it is
 * monotone by construction (cumulative max) and interpolated linearly between grid
 * points, so a query costs a binary search instead of a sort of the live tensor.
 */
import type { MagnitudeSample } from './profiler.ts';
import type { Direction } from './ledger.ts';
import type { SiteOpType } from './sites.ts';

export interface ThresholdPoint {
  sparsity: number;
  tau: number;
}

export interface ThresholdTable {
  direction: Direction;
  /** `global`, or the op type whose sites alone built the table. */
  scope: 'global' | SiteOpType;
  /** Increasing in both sparsity and τ. */
  points: ThresholdPoint[];
  /** Entries that are exactly zero before any threshold: no τ gives a lower sparsity. */
  zeroFraction: number;
  /** Elements the samples stand for. */
  numel: number;
}

/** 0, 0.01, …, 0.99, then finer steps up to 0.999, where gradient targets live. */
export const SPARSITY_GRID: readonly number[] = [
  ...Array.from({ length: 100 }, (_, i) => i / 100),
  0.9925, 0.995, 0.9975, 0.999,
];

export function buildThresholdTable(samples: readonly MagnitudeSample[], direction: Direction, scope: ThresholdTable['scope'] = 'global'): ThresholdTable | null {
  const chosen = samples.filter((s) => s.direction === direction && s.magnitudes.length > 0 && (scope === 'global' || s.tag.opType === scope));
  if (chosen.length === 0) return null;
  const total = chosen.reduce((a, s) => a + s.magnitudes.length, 0);
  const values = new Float64Array(total);
  const weights = new Float64Array(total);
  let at = 0, numel = 0;
  for (const s of chosen) {
    const w = s.numel / s.magnitudes.length;
    numel += s.numel;
    for (const m of s.magnitudes) { values[at] = m; weights[at] = w; at++; }
  }
  const order = Array.from({ length: total }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  let zeroWeight = 0;
  for (const i of order) { if (values[i] > 0) break; zeroWeight += weights[i]; }
  const points: ThresholdPoint[] = [];
  let cumulative = 0, k = 0, lastTau = 0;
  for (const target of SPARSITY_GRID) {
    // The smallest sampled |x| whose share of mass at or below it reaches the target.
    while (k < total && cumulative / numel < target) { cumulative += weights[order[k]]; k++; }
    const tau = k === 0 ? 0 : values[order[k - 1]];
    lastTau = Math.max(lastTau, tau);
    points.push({ sparsity: target, tau: lastTau });
  }
  return { direction, scope, points, zeroFraction: zeroWeight / numel, numel };
}

/** τ for a wanted sparsity in [0, 1): interpolated, and clamped to the profiled range. */
export function thresholdForSparsity(table: ThresholdTable, sparsity: number): number {
  if (!(sparsity >= 0 && sparsity < 1)) throw new RangeError(`target sparsity must be in [0, 1), got ${sparsity}`);
  if (sparsity <= table.zeroFraction) return 0;
  const p = table.points;
  if (sparsity >= p[p.length - 1].sparsity) return p[p.length - 1].tau;
  let lo = 0, hi = p.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (p[mid].sparsity <= sparsity) lo = mid; else hi = mid;
  }
  const f = (sparsity - p[lo].sparsity) / (p[hi].sparsity - p[lo].sparsity);
  return p[lo].tau + f * (p[hi].tau - p[lo].tau);
}

/** The sparsity the table predicts for a τ: the inverse query, for plots and checks. */
export function sparsityForThreshold(table: ThresholdTable, tau: number): number {
  const p = table.points;
  if (tau <= 0) return table.zeroFraction;
  let i = p.findIndex((q) => q.tau >= tau);
  if (i < 0) return p[p.length - 1].sparsity;
  if (i === 0) return p[0].sparsity;
  const a = p[i - 1], b = p[i];
  return b.tau === a.tau ? b.sparsity : a.sparsity + ((tau - a.tau) / (b.tau - a.tau)) * (b.sparsity - a.sparsity);
}
