import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng.ts';
import { isCanonicalModel } from './canonical.ts';
import { encodeModel } from './embedding.ts';
import { nearestValidEmbedding, nearestValidModel, randomEmbedding, randomModel } from './sample.ts';
import { validateModel } from './validate.ts';

describe('randomModel', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, ((rng) => () => randomModel(rng))(createRng(seed)));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('only produces valid, canonical models and reaches every layer count', () => {
    const rng = createRng('sample');
    const layers = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const m = randomModel(rng);
      expect(validateModel(m).ok).toBe(true);
      expect(isCanonicalModel(m)).toBe(true);
      layers.add(m.l);
    }
    expect([...layers].sort((a, b) => a - b)).toEqual([2, 4, 6, 8, 10, 12]);
  });

  it('honours a fixed layer count and narrow/wide head ranges', () => {
    const rng = createRng(3);
    for (let i = 0; i < 50; i++) {
      const narrow = randomModel(rng, { layers: 6, headRange: 'narrow' });
      expect(narrow.l).toBe(6);
      expect(narrow.o.every((ops) => ops.length <= 4)).toBe(true);
      const wide = randomModel(rng, { headRange: 'wide' });
      expect(wide.o.every((ops) => ops.length >= 8)).toBe(true);
    }
    expect(() => randomModel(rng, { layers: 5 })).toThrow(/layers must be one of 2, 4, 6, 8, 10, 12/);
  });

  it('draws embeddings inside the bounds with zeros after the last layer', () => {
    const e = randomEmbedding(createRng(11), { layers: 2 });
    expect(e).toHaveLength(37);
    expect(e.slice(7).every((v) => v === 0)).toBe(true);
  });
});

describe('nearestValidEmbedding', () => {
  it('clamps, rounds, pads and zeroes entries past 3·l', () => {
    const e = nearestValidEmbedding([0.4, 9, 300.2, -5, 1, 2, 3, 7, 7]);
    expect(e).toEqual([0, 3, 257, 0, 1, 2, 3, ...Array(30).fill(0)]);
    const long = nearestValidEmbedding([99, ...Array(40).fill(1e9)]);
    expect(long).toHaveLength(37);
    expect(long.slice(0, 4)).toEqual([5, 3, 257, 21804]);
    expect(nearestValidEmbedding(['x', NaN] as unknown[])).toEqual(Array(37).fill(0));
  });
});

describe('nearestValidModel', () => {
  it('snaps sizes, head counts and widths to the nearest allowed values', () => {
    const m = nearestValidModel({
      l: 2,
      o: [['c_13_7', 'sa_sdp_7', 'sa_wma_7', 'l_dft_7', 'l_dct_7'], ['sa_foo_64', 'sa_sdp_64']],
      h: [300, 700],
      f: [[1000, 5000, 1, 1], 2048],
    });
    expect(m).toEqual({
      l: 2,
      o: [['sa_sdp_64', 'sa_wma_64', 'l_dft_64', 'c_13_64'], ['sa_sdp_384', 'sa_sdp_384']],
      h: [256, 768],
      f: [[1024, 4096, 256], [2048]],
    });
    expect(validateModel(m).ok).toBe(true);
  });

  it('fills a partial dict and pads head lists by cycling the given types', () => {
    const m = nearestValidModel({ h: [512, 512, 512], o: [['c_9']] });
    expect(m.l).toBe(2);
    expect(m.o).toEqual([['c_9_256', 'c_9_256'], ['c_9_256', 'c_9_256']]);
    expect(m.f).toEqual([[512], [512]]);
    expect(nearestValidModel(undefined)).toEqual({
      l: 2,
      o: [['sa_sdp_64', 'sa_sdp_64'], ['sa_sdp_64', 'sa_sdp_64']],
      h: [128, 128],
      f: [[512], [512]],
    });
  });

  it('never throws and always yields a valid model, even for hostile input', () => {
    const inputs: unknown[] = [null, 'x', [1], { l: 1e9, o: new Array(1e6).fill(new Array(1e5)) }, { l: 'NaN', h: ['256'] }];
    const rng = createRng(5);
    for (let i = 0; i < 100; i++) {
      const m = randomModel(rng);
      m.h = m.h.map((h) => h + rng.int(200) - 100);
      inputs.push(m);
    }
    for (const x of inputs) {
      const m = nearestValidModel(x);
      expect(validateModel(m).ok).toBe(true);
      expect(() => encodeModel(m)).not.toThrow();
    }
  });
});
