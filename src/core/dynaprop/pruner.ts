/**
 * Applies DynaProp at a tagged site: forward pruning with τ_I, backward pruning of
 * δ with τ_T, sparsity counting in the ledger, and magnitude sampling for the
 * threshold tables while a profile is being taken.
 */
import * as tf from './tf.ts';
import { pruneWithGradient } from './pruneOp.ts';
import type { SparsityLedger } from './ledger.ts';
import type { MagnitudeProfiler } from './profiler.ts';
import type { SiteLayout, SiteOpType, SiteTag } from './sites.ts';

/** Thresholds in force. Per-op-type values override the global one for their sites. */
export interface Thresholds {
  /** τ_I, on activations. 0 disables forward pruning. */
  activation: number;
  activationByOpType?: Partial<Record<SiteOpType, number>>;
  /** τ_T, on gradients (δ in `delta` mode, parameter gradients in `param` mode). 0 disables it. */
  gradient: number;
  gradientByOpType?: Partial<Record<SiteOpType, number>>;
}

export const NO_PRUNING: Thresholds = { activation: 0, gradient: 0 };

export class Pruner {
  /** Off: the graph is exactly the unpruned model's, with no counting ops at all. */
  active = true;
  /** Prune δ at every site in the backward pass (the paper's meaning). */
  pruneDelta = true;
  profiler: MagnitudeProfiler | null = null;

  /** The ledger counts go to; a session swaps in its evaluation ledger for held-out passes. */
  constructor(public thresholds: Thresholds, public ledger: SparsityLedger) {}

  tauI(opType: SiteOpType): number {
    return this.thresholds.activationByOpType?.[opType] ?? this.thresholds.activation;
  }

  tauT(opType: SiteOpType): number {
    return this.pruneDelta ? this.thresholds.gradientByOpType?.[opType] ?? this.thresholds.gradient : 0;
  }

  apply<T extends tf.Tensor>(x: T, tag: SiteTag, layout: SiteLayout): T {
    if (!this.active) return x;
    const profiler = this.profiler;
    // Tables see magnitudes before this site's own pruning (upstream sites stay pruned),
    // so re-profiling under the current thresholds converges instead of reading back its own zeros.
    profiler?.sample(tag, 'fwd', x);
    const tauI = this.tauI(tag.opType), tauT = this.tauT(tag.opType);
    // Nothing to prune, count or sample at this site on this pass (an unpruned run between
    // counted steps, or a τ of 0 for this op type): the op would be an identity, so leave it out.
    if (!(tauI > 0) && !(tauT > 0) && !profiler && !this.ledger.isCounting) return x;
    return pruneWithGradient(x, tauI, tauT, {
      onForward: (y, keep) => this.ledger.record(tag, 'fwd', y, layout, keep),
      onBackward: (delta, keep) => this.ledger.record(tag, 'bwd', delta, layout, keep),
      onIncomingGradient: profiler ? (dy) => profiler.sample(tag, 'bwd', dy) : undefined,
    });
  }
}
