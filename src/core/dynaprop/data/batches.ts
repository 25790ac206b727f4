/**
 * The bundled datasets by name, padded batches on the host and a seeded batch order.
 * No tfjs here: the training session turns a HostBatch into tensors.
 */
import type { Rng } from '../../rng.ts';
import type { DatasetSplit } from './datasetFile.ts';
import { PAD } from './tokenize.ts';
import type { HostBatch } from '../train/session.ts';

import { DATASET_IDS, DATASET_SEQ_LEN, type DatasetId } from '../config.ts';

/** The one list of datasets lives beside the run settings (config.ts). */
export const DATASET_NAMES = DATASET_IDS;
export type DatasetName = DatasetId;

/** What each dataset is and the sequence length a run uses unless told otherwise (tokens, CLS included). */
export const DATASET_INFO: Record<DatasetName, { description: string; seqLen: number }> = {
  names: { description: 'English first names, female or male, one character per token', seqLen: DATASET_SEQ_LEN.names },
  // 64 of the 128 stored tokens by default: a training step on wasm then takes ~0.6 s, not ~1.5 s.
  spam: { description: 'SpamAssassin e-mails, ham or spam: subject and start of the body, one word per token', seqLen: DATASET_SEQ_LEN.spam },
};

export const isDatasetName = (name: string): name is DatasetName => (DATASET_NAMES as readonly string[]).includes(name);

/** Relative to the app's base, so the file is found wherever the app is served from. */
export const datasetUrl = (name: DatasetName): string => `data/${name}.v1.json`;

/**
 * Sequences `indices` of a split as a B × seqLen batch: cut to `seqLen` tokens, padded
 * with PAD, with mask 1 at real tokens.
 */
export function makeBatch(split: DatasetSplit, indices: readonly number[], seqLen: number): HostBatch {
  const b = indices.length;
  const ids = new Int32Array(b * seqLen).fill(PAD), mask = new Float32Array(b * seqLen), labels = new Int32Array(b);
  indices.forEach((s, row) => {
    if (!Number.isInteger(s) || s < 0 || s >= split.count) throw new RangeError(`batch index ${s} is outside the split (${split.count} sequences)`);
    const start = split.offsets[s], len = Math.min(split.offsets[s + 1] - start, seqLen);
    for (let t = 0; t < len; t++) { ids[row * seqLen + t] = split.tokens[start + t]; mask[row * seqLen + t] = 1; }
    labels[row] = split.labels[s];
  });
  return { ids, mask, labels };
}

/**
 * One epoch's batches of `batchSize` indices: a Fisher–Yates shuffle drawn from `rng`, so
 * the order depends only on the seed and how many epochs the generator has already
 * served (`epoch` is for the caller's bookkeeping). The last, shorter batch is dropped so
 * every step has the same shape (each epoch reshuffles, so no example is always left
 * out), unless the split is smaller than one batch.
 */
export function batchOrder(count: number, batchSize: number, rng: Rng, _epoch: number): number[][] {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize ${batchSize} is not a positive integer`);
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const out: number[][] = [];
  for (let s = 0; s + batchSize <= count; s += batchSize) out.push(order.slice(s, s + batchSize));
  if (out.length === 0 && count > 0) out.push(order);
  return out;
}
