/**
 * The pruning primitive: prune(x, τ) = x where |x| > τ, else 0 (so |x| = τ is
 * pruned), with a custom gradient. Backward, the incoming gradient δ is pruned
 * with τ_T (the paper's DynaProp) and then masked by the forward mask, which is
 * what autodiff of a select gives (docs/dynaprop.md §2, §5).
 */
import * as tf from './tf.ts';

/** Zeroes every entry whose magnitude is at most `tau`; `tau ≤ 0` returns `x` itself. */
export function pruneTensor<T extends tf.Tensor>(x: T, tau: number): T {
  if (!(tau > 0)) return x;
  // x·step(|x| − τ): step(0) = 0, so |x| = τ is pruned; three kernels, no zero tensor to fill.
  return tf.tidy(() => tf.mul(x, tf.step(tf.sub(tf.abs(x), tau)))) as T;
}

export interface PruneHooks {
  /** Called with the forward result. */
  onForward?(y: tf.Tensor): void;
  /** Called with δ after its own pruning, before the forward mask is applied. */
  onBackward?(delta: tf.Tensor): void;
  /** Called with δ as it arrives, before any pruning (what a threshold table must see). */
  onIncomingGradient?(dy: tf.Tensor): void;
}

/**
 * prune(x, τ_I) forward, prune(δ, τ_T) ⊙ mask backward. With both thresholds at 0
 * the value and the gradient are exactly x and δ, so an unpruned run is reproduced.
 */
export function pruneWithGradient<T extends tf.Tensor>(x: T, tauI: number, tauT: number, hooks: PruneHooks = {}): T {
  const op = tf.customGrad(((input: tf.Tensor, save: tf.GradSaveFunc) => {
    // The forward mask is saved rather than recomputed from the input in the backward pass.
    const keep = tauI > 0 ? tf.step(tf.sub(tf.abs(input), tauI)) : null;
    // A custom op must return a new tensor: returning its input makes the tape route δ twice.
    const value = keep ? tf.mul(input, keep) : tf.clone(input);
    save(keep ? [keep] : []);
    hooks.onForward?.(value);
    return {
      value,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        hooks.onIncomingGradient?.(dy as tf.Tensor);
        const delta = pruneTensor(dy as tf.Tensor, tauT);
        hooks.onBackward?.(delta);
        return saved.length ? tf.mul(delta, saved[0]) : delta;
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return op(x) as T;
}
