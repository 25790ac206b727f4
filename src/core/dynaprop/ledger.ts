/**
 * Sparsity accounting on the device. Each recorded tensor adds two scalars (non-zeros
 * over all positions, non-zeros over real, unpadded positions) to a pending list; the
 * counts are read back in one transfer at the reporting cadence, because a readback
 * forces a device sync (docs/dynaprop.md §3). Element counts are known from shapes
 * and sequence lengths, so they are kept in plain numbers, and zeros = elements − non-zeros.
 *
 * Counting reads the 0/1 keep mask a pruned site has computed anyway (step(|y|) otherwise),
 * sums it over the last axis, and weighs the row sums with a 2-row matrix (ones; the
 * real-position mask) in one small product. On the wasm backend, for a fresh 32×16×512
 * tensor: a comparison with 0 (`equal`) ~1 ms, a product of the 2-row weight with the
 * whole tensor ~0.85 ms (XNNPACK packs its right operand on every call), the row sums
 * and the small product ~0.15 ms.
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
  /** The same mask on the host (row-major B × T), to build the counting weights without a readback. */
  hostMask: Float32Array;
  /** Tokens per sequence, including CLS. */
  lengths: readonly number[];
  seqLen: number;
}

export class SparsityLedger {
  private entries = new Map<string, LedgerEntry>();
  private pending: { entry: LedgerEntry; counts: tf.Tensor1D; numel: number; numelReal: number }[] = [];
  /** Per batch: counting weights by layout and head count, and the B × 1 × T × T pair mask. */
  private masks = new Map<string, tf.Tensor>();
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

  /** True when a `record` call would count (a pruner can skip an identity site otherwise). */
  get isCounting(): boolean {
    return this.enabled && this.counting;
  }

  /**
   * Counts the zeros of `y`. `keep`, when given, is y's 0/1 mask of non-zero entries (the
   * prune op's own mask: y = x·keep with τ > 0 has a zero exactly where keep is 0).
   */
  record(tag: SiteTag, direction: Direction, y: tf.Tensor, layout: SiteLayout, keep: tf.Tensor | null = null): void {
    if (!this.enabled || !this.counting) return;
    const entry = this.entry(tag, direction);
    // step(|y|) is 1 at non-zeros: two cheap kernels, where equal(y, 0) is one slow one.
    const counts = tf.tidy(() => this.nonZeros(keep ?? tf.step(tf.abs(y)), layout));
    const numelReal = this.realCount(y.shape, layout);
    this.pending.push({ entry, counts: tf.keep(counts), numel: y.size, numelReal });
    entry.numel += y.size;
    entry.numelReal += numelReal;
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
      p.entry.zeros += p.numel - values[2 * i];
      p.entry.zerosReal += p.numelReal - values[2 * i + 1];
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

  /** [non-zeros over all positions, over real positions] of a 0/1 tensor laid out as `layout`. */
  private nonZeros(keep: tf.Tensor, layout: SiteLayout): tf.Tensor1D {
    if (layout === 'sequence') {
      const all = tf.sum(keep);
      return tf.stack([all, all]) as tf.Tensor1D;
    }
    if (layout === 'pairs') return tf.stack([tf.sum(keep), tf.sum(tf.mul(keep, this.pairMask()))]) as tf.Tensor1D;
    // Rows (b, t) or (b, head, t), one column per feature: the row sums, then [ones; real] · sums.
    const width = keep.shape[keep.rank - 1] as number;
    const rows = keep.size / width;
    const heads = layout === 'heads' ? (keep.shape[1] as number) : 1;
    const sums = tf.reshape(tf.sum(keep, -1), [rows, 1]);
    return tf.reshape(tf.matMul(this.rowWeights(heads, rows), sums), [2]) as tf.Tensor1D;
  }

  /** 2 × (B·heads·T): a row of ones, and a row that is 1 where the row's token is real. */
  private rowWeights(heads: number, rows: number): tf.Tensor2D {
    const p = this.requirePositions();
    const key = `rows:${heads}`;
    let w = this.masks.get(key);
    if (w === undefined) {
      const t = p.seqLen, b = p.hostMask.length / t;
      if (rows !== b * heads * t) throw new Error(`SparsityLedger: ${rows} rows do not match a batch of ${b} × ${heads} × ${t}`);
      const values = new Float32Array(2 * rows).fill(1, 0, rows);
      for (let i = 0; i < b; i++) {
        for (let h = 0; h < heads; h++) values.set(p.hostMask.subarray(i * t, (i + 1) * t), rows + (i * heads + h) * t);
      }
      w = tf.keep(tf.tensor2d(values, [2, rows]));
      this.masks.set(key, w);
    }
    return w as tf.Tensor2D;
  }

  /** B × 1 × T × T: a (query, key) pair is real when both tokens are. */
  private pairMask(): tf.Tensor {
    const p = this.requirePositions();
    let m = this.masks.get('pairs');
    if (m === undefined) {
      const [b, t] = p.mask.shape;
      m = tf.keep(tf.tidy(() => tf.mul(tf.reshape(p.mask, [b, 1, t, 1]), tf.reshape(p.mask, [b, 1, 1, t]))));
      this.masks.set('pairs', m);
    }
    return m;
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
