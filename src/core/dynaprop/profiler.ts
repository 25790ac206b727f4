/**
 * Magnitude sampling for the threshold lookup tables: at each site a fixed,
 * seeded subset of up to `perTensor` entries is read back, with the tensor's element
 * count as its weight, so a pooled table is element-weighted like the reported
 * sparsity (docs/dynaprop.md §7).
 */
import * as tf from './tf.ts';
import { createRng } from '../rng.ts';
import type { Direction } from './ledger.ts';
import type { SiteTag } from './sites.ts';

export interface MagnitudeSample {
  tag: SiteTag;
  direction: Direction;
  /** Elements in the tensor the sample stands for. */
  numel: number;
  /** |x| of the sampled entries. */
  magnitudes: Float32Array;
}

export class MagnitudeProfiler {
  readonly samples: MagnitudeSample[] = [];
  private indexCache = new Map<number, tf.Tensor1D>();

  constructor(readonly perTensor = 2048, private readonly seed = 1) {}

  sample(tag: SiteTag, direction: Direction, x: tf.Tensor): void {
    const magnitudes = tf.tidy(() => {
      const flat = tf.abs(tf.reshape(x, [-1]));
      return x.size <= this.perTensor ? flat : tf.gather(flat, this.indices(x.size));
    });
    this.samples.push({ tag: { ...tag }, direction, numel: x.size, magnitudes: magnitudes.dataSync() as Float32Array });
    magnitudes.dispose();
  }

  dispose(): void {
    for (const t of this.indexCache.values()) t.dispose();
    this.indexCache.clear();
  }

  /** The same positions for every tensor of a size: a sample is then comparable across steps. */
  private indices(size: number): tf.Tensor1D {
    let idx = this.indexCache.get(size);
    if (!idx) {
      const rng = createRng(`${this.seed}:${size}`);
      const values = Int32Array.from({ length: this.perTensor }, () => rng.int(size));
      idx = tf.keep(tf.tensor1d(values, 'int32'));
      this.indexCache.set(size, idx);
    }
    return idx;
  }
}
