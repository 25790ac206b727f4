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
/**
 * How a sequence sits in its T positions. `start`: CLS, the tokens, then padding; a long
 * sequence loses its end. `end`: CLS, padding, then the tokens, so the last tokens sit at a
 * fixed offset from CLS (the pooler's token) and a long sequence loses its beginning.
 */
export type Alignment = 'start' | 'end';

export const DATASET_INFO: Record<DatasetName, { description: string; seqLen: number; align: Alignment }> = {
  // End-aligned: a name's last letters carry most of its gender, and at a fixed offset from CLS
  // one attention layer can read them; start-aligned, the model must first learn where each
  // name ends (docs/dynaprop-lab.md §4 has the measurements).
  names: { description: 'English first names, female or male, one character per token', seqLen: DATASET_SEQ_LEN.names, align: 'end' },
  // 64 of the 128 stored tokens by default: a training step on wasm then takes ~0.6 s, not ~1.5 s.
  spam: { description: 'SpamAssassin e-mails, ham or spam: subject and start of the body, one word per token', seqLen: DATASET_SEQ_LEN.spam, align: 'start' },
};

export const isDatasetName = (name: string): name is DatasetName => (DATASET_NAMES as readonly string[]).includes(name);

/** Relative to the app's base, so the file is found wherever the app is served from. */
export const datasetUrl = (name: DatasetName): string => `data/${name}.v1.json`;

/**
 * Sequences `indices` of a split as a B × seqLen batch, padded with PAD, with mask 1 at
 * real tokens. `start`: the first `seqLen` tokens from position 0. `end`: CLS at position 0
 * and the last `seqLen − 1` tokens after it at the end of the row (`Alignment`).
 */
export function makeBatch(split: DatasetSplit, indices: readonly number[], seqLen: number, align: Alignment = 'start'): HostBatch {
  const b = indices.length;
  const ids = new Int32Array(b * seqLen).fill(PAD), mask = new Float32Array(b * seqLen), labels = new Int32Array(b);
  indices.forEach((s, row) => {
    if (!Number.isInteger(s) || s < 0 || s >= split.count) throw new RangeError(`batch index ${s} is outside the split (${split.count} sequences)`);
    const start = split.offsets[s], end = split.offsets[s + 1], len = Math.min(end - start, seqLen);
    const at = row * seqLen;
    if (align === 'start' || len === 0) {
      for (let t = 0; t < len; t++) { ids[at + t] = split.tokens[start + t]; mask[at + t] = 1; }
    } else {
      // Position 0 keeps the sequence's first token (CLS); the rest fill the row from its end.
      ids[at] = split.tokens[start]; mask[at] = 1;
      for (let t = 1; t < len; t++) { ids[at + seqLen - t] = split.tokens[end - t]; mask[at + seqLen - t] = 1; }
    }
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
