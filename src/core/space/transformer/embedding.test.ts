import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng.ts';
import { ValidationError } from '../issues.ts';
import { canonicalizeModel } from './canonical.ts';
import { EMBEDDING_LENGTH, decodeModel, embeddingBounds, encodeModel } from './embedding.ts';
import { MODEL_PRESETS } from './presets.ts';
import { HEAD_TYPES, type ModelDict } from './types.ts';
import { validateModel } from './validate.ts';

const zeros = (n: number) => Array<number>(n).fill(0);

/** A random valid model built directly from the dict rules, independent of the sampler. */
function arbitraryModel(seed: number): ModelDict {
  const rng = createRng(seed);
  const l = rng.pick([2, 4, 6, 8, 10, 12]);
  const m: ModelDict = { l, o: [], h: [], f: [] };
  for (let i = 0; i < l; i++) {
    const h = rng.pick([128, 256, 512, 768]);
    const n = rng.pick([2, 4, 8, 12]);
    m.h.push(h);
    m.o.push(Array.from({ length: n }, () => `${rng.pick(HEAD_TYPES)}_${Math.floor(h / n)}`));
    m.f.push(Array.from({ length: 1 + rng.int(3) }, () => rng.pick([256, 512, 1024, 2048, 3072, 4096])));
  }
  return m;
}

describe('encodeModel', () => {
  it('reproduces the spec vectors for BERT-Tiny and BERT-Base', () => {
    expect(EMBEDDING_LENGTH).toBe(37);
    expect(encodeModel(MODEL_PRESETS['bert-tiny'].model)).toEqual([0, 0, 1, 0, 0, 1, 0, ...zeros(30)]);
    const triples = Array.from({ length: 12 }, () => [3, 4, 3241]).flat();
    expect(encodeModel(MODEL_PRESETS['bert-base'].model)).toEqual([5, ...triples]);
  });

  it('does not depend on head order', () => {
    const a = { l: 2, o: [['c_5_64', 'sa_sdp_64'], ['sa_sdp_64', 'sa_sdp_64']], h: [128, 128], f: [[512], [512]] };
    expect(encodeModel(a)).toEqual(encodeModel(canonicalizeModel(a)));
  });

  it('throws a ValidationError naming the field outside the space', () => {
    const bad = { l: 2, o: [['sa_sdp_64', 'sa_sdp_64'], ['sa_sdp_64', 'sa_sdp_64']], h: [128, 300], f: [[512], [512]] };
    expect(() => encodeModel(bad)).toThrow(ValidationError);
    expect(() => encodeModel(bad)).toThrow(/h\[1\]/);
    expect(() => encodeModel({ ...bad, h: [128, 128], f: [[512], [1, 2]] })).toThrow(/f\[1\]/);
  });
});

describe('decodeModel', () => {
  it('round-trips random models (up to canonical head order)', () => {
    for (let seed = 0; seed < 200; seed++) {
      const m = arbitraryModel(seed);
      const decoded = decodeModel(encodeModel(m));
      expect(decoded).toEqual({ ok: true, value: canonicalizeModel(m) });
      if (decoded.ok) expect(validateModel(decoded.value).ok).toBe(true);
    }
  });

  it('sets d = floor(h/n)', () => {
    const e = [0, 0, 0, 3241, 2, 0, 3241, ...zeros(30)];
    const r = decodeModel(e);
    expect(r.ok && r.value.o.map((ops) => ops[0])).toEqual(['sa_sdp_10', 'sa_sdp_42']);
  });

  it('names the index and the range of out-of-bounds entries', () => {
    const e = [0, 0, 1, 30000, 0, 1, 0, ...zeros(30)];
    expect(decodeModel(e)).toEqual({
      ok: false,
      issues: [{ path: 'embedding[3]', message: 'attention index 30000 out of range 0..21804' }],
    });
    const r = decodeModel([6, 4, 258, -1, ...zeros(33)]);
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toEqual([
      'layer-count index 6 out of range 0..5',
      'hidden-size index 4 out of range 0..3',
      'feed-forward index 258 out of range 0..257',
      'attention index -1 out of range 0..21804',
    ]);
  });

  it('requires zeros after the last layer, the right length and integers', () => {
    const stray = [0, 0, 1, 0, 0, 1, 0, 2, ...zeros(29)];
    expect(decodeModel(stray)).toEqual({
      ok: false,
      issues: [{ path: 'embedding[7]', message: 'must be 0: l = 2 uses only entries 0..6 (found 2)' }],
    });
    expect(decodeModel(zeros(36))).toEqual({ ok: false, issues: [{ path: 'embedding', message: 'has 36 entries, expected 37' }] });
    const r = decodeModel([0.5, '1', ...zeros(35)]);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['embedding[0]', 'embedding[1]']);
  });
});

describe('embeddingBounds', () => {
  it('splits attention options into narrow (2–4 heads) and wide (8–12 heads)', () => {
    const all = embeddingBounds();
    expect([all.min[0], all.max[0], all.max[1], all.max[2], all.max[3]]).toEqual([0, 5, 3, 257, 21804]);
    expect([embeddingBounds('narrow').min[3], embeddingBounds('narrow').max[3]]).toEqual([0, 237]);
    expect([embeddingBounds('wide').min[36], embeddingBounds('wide').max[36]]).toEqual([238, 21804]);
  });
});
