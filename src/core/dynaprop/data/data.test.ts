import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadDatasetFromDisk, datasetPath } from './loadNode.ts';
import { parseDatasetFile } from './datasetFile.ts';
import { batchOrder, makeBatch } from './batches.ts';
import { charTokens, encode, wordTokens, CLS, UNK, PAD } from './tokenize.ts';
import { base64ToBytes, bytesToBase64 } from './base64.ts';
import { createRng } from '../../rng.ts';

const raw = (name: string) => JSON.parse(readFileSync(datasetPath(name), 'utf8'));

describe('tokenizers', () => {
  it('reduce names to letters and e-mail text to words with placeholders', () => {
    expect(charTokens("Zoë-Ann O'Neil")).toEqual([...("zoe-annO'neil".toLowerCase())]);
    expect(wordTokens('WIN $1,000,000 now!!! Visit http://x.biz/a?b or mail me@spam.com')).toEqual(
      ['win', '$', '<num>', 'now', '!', '!', '!', 'visit', '<url>', 'or', 'mail', '<email>']);
    expect(encode(['a', 'zz', 'b'], new Map([['a', 5], ['b', 6]]), 3)).toEqual([CLS, 5, UNK]);
  });

  it('base64 round-trips every length', () => {
    for (let n = 0; n < 10; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97) & 255);
      expect(Array.from(base64ToBytes(bytesToBase64(bytes)))).toEqual(Array.from(bytes));
    }
  });
});

describe('bundled datasets', () => {
  it.each(['names', 'spam'])('%s parses, with both classes in every split', (name) => {
    const d = loadDatasetFromDisk(name);
    for (const split of Object.values(d.splits)) {
      const labels = new Set(split.labels);
      expect(labels).toEqual(new Set([0, 1]));
      expect(split.offsets[split.count]).toBe(split.tokens.length);
    }
    expect(d.splits.train.count).toBeGreaterThan(4 * d.splits.test.count);
  });

  it('no name is in two splits', () => {
    const d = loadDatasetFromDisk('names');
    const names = (s: keyof typeof d.splits) => {
      const sp = d.splits[s];
      return new Set(Array.from({ length: sp.count }, (_, i) => Array.from(sp.tokens.subarray(sp.offsets[i], sp.offsets[i + 1])).join(',')));
    };
    const train = names('train');
    for (const n of names('test')) expect(train.has(n)).toBe(false);
  });

  it('refuses an unknown dataset by name', () => {
    expect(() => loadDatasetFromDisk('mnist')).toThrow(/dataset.*names or spam/);
  });

  it.each([
    [(f: any) => { f.version = 2; }, /version/],
    [(f: any) => { f.splits.train.tokens = 'A$=='; }, /splits\.train\.tokens/],
    [(f: any) => { f.splits.test.count += 1; }, /splits\.test\.labels/],
    [(f: any) => { f.vocab = f.vocab.slice(0, 5); }, /splits\.train\.tokens\[\d+\].*outside the vocabulary/],
    [(f: any) => { f.labels = ['only']; }, /labels/],
    [(f: any) => { delete f.splits.validation; }, /splits\.validation/],
  ])('names the field of a corrupt file (%#)', (corrupt, pattern) => {
    const f = raw('names');
    corrupt(f);
    expect(() => parseDatasetFile(f)).toThrow(pattern);
  });
  it('refuses a file that is not an object', () => {
    expect(() => parseDatasetFile('hello')).toThrow(/file: expected a JSON object/);
  });
});

describe('batches', () => {
  const d = loadDatasetFromDisk('names');
  it('pads with PAD, cuts to the length and masks real tokens', () => {
    const b = makeBatch(d.splits.train, [0, 1], 4);
    expect(b.ids.length).toBe(8);
    expect(b.ids[0]).toBe(CLS);
    const len0 = Math.min(4, d.splits.train.offsets[1]);
    expect(Array.from(b.mask.subarray(0, 4))).toEqual([1, 1, 1, 1].map((_, i) => (i < len0 ? 1 : 0)));
    const long = makeBatch(d.splits.train, [0], 16);
    const n = d.splits.train.offsets[1];
    expect(long.ids[n]).toBe(PAD);
  });

  it('orders batches deterministically for a seed, each index once per epoch', () => {
    const a = batchOrder(100, 32, createRng(3), 0), b = batchOrder(100, 32, createRng(3), 0);
    expect(a).toEqual(b);
    expect(a.length).toBe(3);
    expect(new Set(a.flat()).size).toBe(96);
  });
});
