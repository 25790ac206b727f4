/**
 * The pruning primitive: prune(x, τ) = x where |x| > τ, else 0 (so |x| = τ is
 * pruned), with a custom gradient. Backward, the incoming gradient δ is pruned
 * with τ_T (the paper's DynaProp) and then masked by the forward mask, which is
 * what autodiff of a select gives (docs/dynaprop.md §1).
 */
import * as tf from './tf.ts';

/**
 * 1 where |x| > τ, else 0 (float). step(0) = 0, so |x| = τ is pruned. Three element-wise
 * kernels, no zero tensor to fill; the mask is also what the ledger counts (ledger.ts).
 */
export function keepMask(x: tf.Tensor, tau: number): tf.Tensor {
  return tf.step(tf.sub(tf.abs(x), tau));
}

/** Zeroes every entry whose magnitude is at most `tau`; `tau ≤ 0` returns `x` itself. */
export function pruneTensor<T extends tf.Tensor>(x: T, tau: number): T {
  if (!(tau > 0)) return x;
  return tf.tidy(() => tf.mul(x, keepMask(x, tau))) as T;
}

export interface PruneHooks {
  /** Called with the forward result and, when τ_I > 0, its 0/1 mask of kept entries (null: nothing pruned). */
  onForward?(y: tf.Tensor, keep: tf.Tensor | null): void;
  /** Called with δ after its own pruning, before the forward mask is applied, and its mask when τ_T > 0. */
  onBackward?(delta: tf.Tensor, keep: tf.Tensor | null): void;
  /** Called with δ as it arrives, before any pruning (what a threshold table must see). */
  onIncomingGradient?(dy: tf.Tensor): void;
}

/**
 * prune(x, τ_I) forward, prune(δ, τ_T) ⊙ mask backward. With both thresholds at 0
 * the value and the gradient are exactly x and δ, so an unpruned run is reproduced.
 */
export function pruneWithGradient<T extends tf.Tensor>(x: T, tauI: number, tauT: number, hooks: PruneHooks = {}): T {
  const op = tf.customGrad(((input: tf.Tensor, save: tf.GradSaveFunc) => {
    // The forward mask is saved rather than recomputed from the input in the backward pass:
    // recomputing it costs three kernels, the multiply by a saved mask one.
    const keep = tauI > 0 ? keepMask(input, tauI) : null;
    // A custom op must return a new tensor: returning its input makes the tape route δ twice.
    const value = keep ? tf.mul(input, keep) : tf.clone(input);
    save(keep ? [keep] : []);
    hooks.onForward?.(value, keep);
    return {
      value,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const d = dy as tf.Tensor;
        hooks.onIncomingGradient?.(d);
        const keepT = tauT > 0 ? keepMask(d, tauT) : null;
        const delta = keepT ? tf.mul(d, keepT) : d;
        hooks.onBackward?.(delta, keepT);
        return saved.length ? tf.mul(delta, saved[0]) : delta;
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return op(x) as T;
}
