import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { datasetPath } from './loadNode.ts';
import { DatasetFormatError, SPLIT_NAMES, parseDatasetFile, sequenceOf } from './datasetFile.ts';
import { base64ToBytes, bytesToBase64, decodeSmall, uint16ToBase64 } from './base64.ts';
import { CLS } from './tokenize.ts';

const text = { names: readFileSync(datasetPath('names'), 'utf8'), spam: readFileSync(datasetPath('spam'), 'utf8') };
const raw = (name: 'names' | 'spam') => JSON.parse(text[name]);

describe('parseDatasetFile on the shipped files', () => {
  it.each(['names', 'spam'] as const)('%s decodes and re-encodes to the same base64', (name) => {
    const json = raw(name);
    const file = parseDatasetFile(json);
    expect(file.name).toBe(name);
    expect(file.source.package).toMatch(/@stdlib\/datasets-/);
    expect(file.source.license).toMatch(/PDDL-1\.0 AND CC0-1\.0/);
    for (const k of SPLIT_NAMES) {
      const split = file.splits[k], stored = json.splits[k];
      const lengths = Uint8Array.from({ length: split.count }, (_, i) => split.offsets[i + 1] - split.offsets[i]);
      expect(bytesToBase64(split.labels)).toBe(stored.labels);
      expect(bytesToBase64(lengths)).toBe(stored.lengths);
      expect(uint16ToBase64(split.tokens)).toBe(stored.tokens);
      expect(sequenceOf(split, 0)[0]).toBe(CLS);
    }
  });
});

describe('parseDatasetFile on corrupt input names the field', () => {
  const corrupt = (change: (f: any) => void) => { const f = raw('names'); change(f); return () => parseDatasetFile(f); };
  it.each([
    ['not an object', () => parseDatasetFile([1, 2]), /^dataset file: expected a JSON object/],
    ['null', () => parseDatasetFile(null), /dataset file:/],
    ['wrong format', corrupt((f) => { f.format = 'csv'; }), /dataset format: expected "transcode-dataset"/],
    ['wrong version', corrupt((f) => { f.version = 2; }), /dataset version: this app reads version 1, got 2/],
    ['bad base64', corrupt((f) => { f.splits.validation.labels = 'AB*D'; }), /splits\.validation\.labels: invalid base64 character "\*" at 2/],
    ['base64 length', corrupt((f) => { f.splits.test.lengths = 'ABC'; }), /splits\.test\.lengths: base64 length 3/],
    ['count mismatch', corrupt((f) => { f.splits.train.count -= 1; }), /splits\.train\.labels: \d+ labels for count \d+/],
    ['lengths count', corrupt((f) => { f.splits.train.lengths = bytesToBase64(base64ToBytes(f.splits.train.lengths).subarray(1)); }), /splits\.train\.lengths: \d+ lengths for count/],
    ['token bytes', corrupt((f) => { f.splits.test.tokens = uint16ToBase64(Uint16Array.of(1, 5)); }), /splits\.test\.tokens: length 4 bytes is not 2 × sum\(lengths\) = \d+/],
    ['id out of range', corrupt((f) => { f.vocab = f.vocab.slice(0, 10); }), /splits\.train\.tokens\[\d+\]: id \d+ is outside the vocabulary \(10 entries\)/],
    ['label out of range', corrupt((f) => { f.splits.test.labels = bytesToBase64(base64ToBytes(f.splits.test.labels).map(() => 7)); }), /splits\.test\.labels\[0\]: label 7 has no name/],
    ['length above maxLen', corrupt((f) => { f.maxLen = 3; }), /splits\.train\.lengths\[\d+\]: \d+ is outside \[1, maxLen 3\]/],
    ['missing split', corrupt((f) => { delete f.splits.validation; }), /splits\.validation: expected an object/],
    ['vocab specials', corrupt((f) => { f.vocab[1] = 'CLS'; }), /vocab\[1\]: expected "<cls>"/],
    ['vocab repeat', corrupt((f) => { f.vocab[5] = f.vocab[4]; }), /vocab\[5\]: .* is listed twice/],
    ['one label', corrupt((f) => { f.labels = ['only']; }), /dataset labels: expected a list of 2–255 strings/],
    ['tokenizer', corrupt((f) => { f.tokenizer = 'bpe'; }), /dataset tokenizer: expected "char" or "word"/],
    ['source', corrupt((f) => { delete f.source.license; }), /dataset source\.license: expected a string/],
    ['seed', corrupt((f) => { f.seed = 1.5; }), /dataset seed: expected an integer/],
    ['no CLS', corrupt((f) => { const t = new Uint16Array(base64ToBytes(f.splits.test.tokens).buffer); t[0] = 5; f.splits.test.tokens = uint16ToBase64(t); }), /splits\.test\.tokens\[0\]: sequence 0 starts with id 5, not CLS/],
  ])('%s', (_, parse, pattern) => {
    expect(parse).toThrow(DatasetFormatError);
    expect(parse).toThrow(pattern);
  });
});

describe('base64', () => {
  it('agrees with the fallback decoder and round-trips every length', () => {
    for (let n = 0; n < 12; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 151 + 7) & 255);
      const text = bytesToBase64(bytes);
      expect(Array.from(base64ToBytes(text))).toEqual(Array.from(bytes));
      expect(Array.from(decodeSmall(text))).toEqual(Array.from(bytes));
    }
  });

  it('stores 16-bit ids little-endian', () => {
    expect(Array.from(base64ToBytes(uint16ToBase64(Uint16Array.of(0x0102, 0xfffe))))).toEqual([2, 1, 0xfe, 0xff]);
  });

  it('refuses misplaced padding and spaces', () => {
    expect(() => base64ToBytes('A=AA')).toThrow(/padding/);
    expect(() => base64ToBytes('AA A')).toThrow(/" " at 2/);
  });
});
