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
  return tf.tidy(() => tf.where(tf.greater(tf.abs(x), tau), x, tf.zerosLike(x))) as T;
}

export interface PruneHooks {
  /** Called with the forward result. */
  onForward?(y: tf.Tensor): void;
  /** Called with δ after its own pruning, before the forward mask is applied. */
  onBackward?(delta: tf.Tensor): void;
}

/**
 * prune(x, τ_I) forward, prune(δ, τ_T) ⊙ mask backward. With both thresholds at 0
 * the value and the gradient are exactly x and δ, so an unpruned run is reproduced.
 */
export function pruneWithGradient<T extends tf.Tensor>(x: T, tauI: number, tauT: number, hooks: PruneHooks = {}): T {
  const op = tf.customGrad(((input: tf.Tensor, save: tf.GradSaveFunc) => {
    save([input]);
    // A custom op must return a new tensor: returning its input makes the tape route δ twice.
    const value = tauI > 0 ? pruneTensor(input, tauI) : tf.clone(input);
    hooks.onForward?.(value);
    return {
      value,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const delta = pruneTensor(dy as tf.Tensor, tauT);
        hooks.onBackward?.(delta);
        if (!(tauI > 0)) return delta;
        return tf.where(tf.greater(tf.abs(saved[0]), tauI), delta, tf.zerosLike(delta));
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return op(x) as T;
}
