/**
 * Gradient and chained-op registrations for bundlers (vite): tfjs-core's ES modules,
 * the same copy that `@tensorflow/tfjs-core` resolves to there.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
