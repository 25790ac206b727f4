/**
 * Measured sparsity as ELECTOR's inputs: the global activation / weight / gradient
 * scalars, and per op kind the activation sparsity of the tensors that kind reads
 * and the gradient sparsity of the δ it produces (docs/dynaprop.md §8).
 * Kinds with nothing measured fall back to the global values.
 */
import type { Sparsity, SparsityByOp, OpKind } from '../elector/types.ts';
import type { SparsitySummary } from './summary.ts';

export interface MeasuredSparsity {
  sparsity: Sparsity;
  sparsityByOp: SparsityByOp;
}

/** The simulator takes fractions in [0, 1); a measured 1.0 (everything pruned) is held just below. */
const clampFraction = (x: number) => Math.min(0.999, Math.max(0, x));

export function measuredSparsityForElector(summary: SparsitySummary, weightSparsity: number, fallback: Sparsity): MeasuredSparsity {
  const sparsity: Sparsity = {
    activation: clampFraction(summary.activation.all ?? fallback.activation),
    weight: clampFraction(weightSparsity),
    gradient: clampFraction(summary.gradient.all ?? summary.paramGradient.all ?? fallback.gradient),
  };
  const sparsityByOp: SparsityByOp = {};
  for (const [kind, r] of Object.entries(summary.perKind) as [OpKind, SparsitySummary['perKind'][OpKind]][]) {
    if (!r) continue;
    const entry: Partial<Sparsity> = {};
    if (r.activation.all !== null) entry.activation = clampFraction(r.activation.all);
    if (r.gradient.all !== null) entry.gradient = clampFraction(r.gradient.all);
    if (Object.keys(entry).length > 0) sparsityByOp[kind] = entry;
  }
  return { sparsity, sparsityByOp };
}
