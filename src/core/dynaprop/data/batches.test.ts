import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng.ts';
import { DATASET_INFO, DATASET_NAMES, batchOrder, datasetUrl, makeBatch } from './batches.ts';
import { SPLIT_NAMES, sequenceOf, type DatasetSplit } from './datasetFile.ts';
import { loadDatasetFromDisk } from './loadNode.ts';
import { CLS, PAD } from './tokenize.ts';

/** Three sequences of lengths 2, 5 and 1, labels 0, 1, 1. */
const split: DatasetSplit = {
  count: 3, labels: Uint8Array.of(0, 1, 1), offsets: Int32Array.of(0, 2, 7, 8),
  tokens: Uint16Array.of(CLS, 9, CLS, 3, 4, 5, 6, CLS),
};

describe('makeBatch', () => {
  it('pads short sequences with PAD, cuts long ones and masks real tokens', () => {
    const b = makeBatch(split, [1, 0, 2], 4);
    expect(Array.from(b.ids)).toEqual([CLS, 3, 4, 5, CLS, 9, PAD, PAD, CLS, PAD, PAD, PAD]);
    expect(Array.from(b.mask)).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 0]);
    expect(Array.from(b.labels)).toEqual([1, 0, 1]);
  });

  it('end-aligned: keeps CLS first and the last tokens at the end of the row, so a long sequence loses its middle-to-start', () => {
    const b = makeBatch(split, [1, 0, 2], 4, 'end');
    // Sequence 1 is CLS 3 4 5 6: CLS, then its last three tokens. Sequence 0 is CLS 9: CLS, padding, 9.
    expect(Array.from(b.ids)).toEqual([CLS, 4, 5, 6, CLS, PAD, PAD, 9, CLS, PAD, PAD, PAD]);
    expect(Array.from(b.mask)).toEqual([1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0]);
    expect(Array.from(b.labels)).toEqual([1, 0, 1]);
  });

  it('names are end-aligned (their last letters carry the label), spam start-aligned', () => {
    expect(DATASET_INFO.names.align).toBe('end');
    expect(DATASET_INFO.spam.align).toBe('start');
  });

  it('refuses an index outside the split', () => {
    expect(() => makeBatch(split, [3], 4)).toThrow(/index 3 is outside the split/);
  });
});

describe('batchOrder', () => {
  it('is the same for the same seed and covers every index at most once per epoch', () => {
    const a = batchOrder(50, 8, createRng(11), 0), b = batchOrder(50, 8, createRng(11), 0);
    expect(a).toEqual(b);
    expect(a.length).toBe(6);
    expect(a.every((batch) => batch.length === 8)).toBe(true);
    expect(new Set(a.flat()).size).toBe(48);
    expect(batchOrder(50, 8, createRng(12), 0)).not.toEqual(a);
  });

  it('reshuffles each epoch from the same generator, reproducibly', () => {
    const epochs = (seed: number) => { const rng = createRng(seed); return [0, 1, 2].map((e) => batchOrder(20, 5, rng, e)); };
    const run = epochs(5);
    expect(epochs(5)).toEqual(run);
    expect(run[1]).not.toEqual(run[0]);
  });

  it('gives one short batch when the split is smaller than a batch', () => {
    expect(batchOrder(3, 8, createRng(1), 0).map((b) => [...b].sort())).toEqual([[0, 1, 2]]);
  });
});

describe('dataset names', () => {
  it('lists both datasets with a description, a default length and a relative URL', () => {
    expect(DATASET_NAMES).toEqual(['names', 'spam']);
    expect(DATASET_INFO.names.seqLen).toBe(16);
    expect(DATASET_INFO.spam.seqLen).toBe(64);
    expect(datasetUrl('spam')).toBe('data/spam.v1.json');
    for (const name of DATASET_NAMES) expect(DATASET_INFO[name].seqLen).toBeLessThanOrEqual(loadDatasetFromDisk(name).maxLen);
  });

  it('refuses an unknown dataset, naming the field and the choices', () => {
    expect(() => loadDatasetFromDisk('imdb')).toThrow(/^dataset: unknown dataset "imdb" \(choose names or spam\)/);
  });
});

describe('the shipped splits', () => {
  it('never put one name in two splits', () => {
    const names = loadDatasetFromDisk('names');
    const sets = SPLIT_NAMES.map((k) => {
      const s = names.splits[k];
      return new Set(Array.from({ length: s.count }, (_, i) => sequenceOf(s, i).join(',')));
    });
    expect(sets.reduce((n, s) => n + s.size, 0)).toBe(SPLIT_NAMES.reduce((n, k) => n + names.splits[k].count, 0));
    for (const [a, b] of [[0, 1], [0, 2], [1, 2]]) for (const x of sets[a]) expect(sets[b].has(x)).toBe(false);
  });

  it('have both classes in every spam split, in about the same proportion', () => {
    const spam = loadDatasetFromDisk('spam');
    const share = SPLIT_NAMES.map((k) => spam.splits[k].labels.reduce((n, l) => n + l, 0) / spam.splits[k].count);
    for (const s of share) expect(s).toBeGreaterThan(0.2);
    expect(Math.max(...share) - Math.min(...share)).toBeLessThan(0.01);
  });
});
