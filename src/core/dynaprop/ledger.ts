/**
 * Sparsity accounting on the device. Each recorded tensor adds two scalars (zeros
 * over all positions, zeros over real, unpadded positions) to a pending list; the
 * counts are read back in one transfer at the reporting cadence, because a readback
 * forces a device sync (docs/dynaprop.md §6). Element counts are known from shapes
 * and sequence lengths, so they are kept in plain numbers.
 */
import * as tf from './tf.ts';
import { siteKey, type SiteLayout, type SiteTag } from './sites.ts';

/** `fwd`: activations; `bwd`: the gradient δ flowing back into a site; `param`: parameter gradients; `weight`: weights. */
export type Direction = 'fwd' | 'bwd' | 'param' | 'weight';

export interface LedgerEntry {
  tag: SiteTag;
  direction: Direction;
  zeros: number;
  numel: number;
  /** Zeros and elements at real (unpadded) token positions only. */
  zerosReal: number;
  numelReal: number;
}

/** Real-position masks for the current batch, by layout, and the element counts they imply. */
export interface BatchPositions {
  /** B × T, 1 at real tokens. */
  mask: tf.Tensor2D;
  /** Tokens per sequence, including CLS. */
  lengths: readonly number[];
  seqLen: number;
}

export class SparsityLedger {
  private entries = new Map<string, LedgerEntry>();
  private pending: { entry: LedgerEntry; counts: tf.Tensor1D }[] = [];
  private masks = new Map<SiteLayout, tf.Tensor>();
  private positions: BatchPositions | null = null;
  /** Off during evaluation passes that should not count, and in the unpruned reference run. */
  enabled = true;
  /**
   * Off between counted steps. Counting costs about as much as pruning itself, so a
   * training run counts every `countEvery`-th step (a sample of steps; every entry of
   * a counted tensor is counted) and skips the counting ops on the others.
   */
  counting = true;

  /** Sets the batch whose padded positions are excluded from `zerosReal`. Call once per batch. */
  setBatch(p: BatchPositions): void {
    for (const m of this.masks.values()) m.dispose();
    this.masks.clear();
    this.positions = p;
  }

  record(tag: SiteTag, direction: Direction, y: tf.Tensor, layout: SiteLayout): void {
    if (!this.enabled || !this.counting) return;
    const entry = this.entry(tag, direction);
    const counts = tf.tidy(() => {
      const isZero = tf.cast(tf.equal(y, 0), 'float32');
      const real = layout === 'sequence' ? tf.sum(isZero) : tf.sum(tf.mul(isZero, this.mask(layout)));
      return tf.stack([tf.sum(isZero), real]) as tf.Tensor1D;
    });
    this.pending.push({ entry, counts: tf.keep(counts) });
    entry.numel += y.size;
    entry.numelReal += this.realCount(y.shape, layout);
  }

  /** Adds counts made off the device (parameter gradients read back for clipping anyway). */
  recordHost(tag: SiteTag, direction: Direction, zeros: number, numel: number): void {
    if (!this.enabled) return;
    const e = this.entry(tag, direction);
    e.zeros += zeros; e.zerosReal += zeros; e.numel += numel; e.numelReal += numel;
  }

  /** Reads back every pending count in one transfer. */
  flush(): void {
    if (this.pending.length === 0) return;
    const all = tf.concat(this.pending.map((p) => p.counts));
    const values = all.dataSync();
    all.dispose();
    this.pending.forEach((p, i) => {
      p.entry.zeros += values[2 * i];
      p.entry.zerosReal += values[2 * i + 1];
      p.counts.dispose();
    });
    this.pending = [];
  }

  snapshot(): LedgerEntry[] {
    this.flush();
    return [...this.entries.values()].map((e) => ({ ...e, tag: { ...e.tag } }));
  }

  reset(): void {
    this.flush();
    this.entries.clear();
  }

  dispose(): void {
    for (const p of this.pending) p.counts.dispose();
    this.pending = [];
    for (const m of this.masks.values()) m.dispose();
    this.masks.clear();
  }

  private entry(tag: SiteTag, direction: Direction): LedgerEntry {
    const key = `${direction}:${siteKey(tag)}`;
    let e = this.entries.get(key);
    if (!e) {
      e = { tag: { ...tag }, direction, zeros: 0, numel: 0, zerosReal: 0, numelReal: 0 };
      this.entries.set(key, e);
    }
    return e;
  }

  private mask(layout: SiteLayout): tf.Tensor {
    const p = this.requirePositions();
    let m = this.masks.get(layout);
    if (m === undefined) {
      const [b, t] = p.mask.shape;
      m = tf.tidy(() => {
        if (layout === 'tokens') return tf.reshape(p.mask, [b, t, 1]);
        if (layout === 'heads') return tf.reshape(p.mask, [b, 1, t, 1]);
        return tf.mul(tf.reshape(p.mask, [b, 1, t, 1]), tf.reshape(p.mask, [b, 1, 1, t]));
      });
      this.masks.set(layout, tf.keep(m));
    }
    return m as tf.Tensor;
  }

  private realCount(shape: number[], layout: SiteLayout): number {
    const p = this.requirePositions();
    const sumLen = p.lengths.reduce((a, b) => a + b, 0);
    const sumLen2 = p.lengths.reduce((a, b) => a + b * b, 0);
    if (layout === 'tokens') return sumLen * shape[2];
    if (layout === 'heads') return shape[1] * sumLen * shape[3];
    if (layout === 'pairs') return shape[1] * sumLen2;
    return shape.reduce((a, b) => a * b, 1);
  }

  private requirePositions(): BatchPositions {
    if (!this.positions) throw new Error('SparsityLedger: setBatch() must be called before record()');
    return this.positions;
  }
}
