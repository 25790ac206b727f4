/** Padded batches on the host and a seeded batch order (no tfjs here). */
import type { Rng } from '../../rng.ts';
import type { DatasetSplit } from './datasetFile.ts';
import { PAD } from './tokenize.ts';
import type { HostBatch } from '../train/session.ts';

/** Sequences `indices` of a split, cut to `seqLen` and padded with PAD. */
export function makeBatch(split: DatasetSplit, indices: readonly number[], seqLen: number): HostBatch {
  const b = indices.length;
  const ids = new Int32Array(b * seqLen).fill(PAD), mask = new Float32Array(b * seqLen), labels = new Int32Array(b);
  indices.forEach((s, row) => {
    const start = split.offsets[s], len = Math.min(split.offsets[s + 1] - start, seqLen);
    for (let t = 0; t < len; t++) { ids[row * seqLen + t] = split.tokens[start + t]; mask[row * seqLen + t] = 1; }
    labels[row] = split.labels[s];
  });
  return { ids, mask, labels };
}

/**
 * One epoch's batches: a Fisher–Yates shuffle from the run's generator, cut into
 * batches of `batchSize` (the last, shorter batch is dropped so every step has the same
 * shape, unless the split is smaller than one batch).
 */
export function batchOrder(count: number, batchSize: number, rng: Rng, _epoch: number): number[][] {
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const out: number[][] = [];
  for (let s = 0; s + batchSize <= count; s += batchSize) out.push(order.slice(s, s + batchSize));
  if (out.length === 0) out.push(order);
  return out;
}
