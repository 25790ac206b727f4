import { describe, expect, it } from 'vitest';
import { macsByLayer, macsPerSequence, parameterCount } from './counts.ts';
import { MODEL_PRESETS } from './presets.ts';

const tiny = MODEL_PRESETS['bert-tiny'].model;
const base = MODEL_PRESETS['bert-base'].model;

/** Relative difference, for checking the spec's 3–4 significant digits. */
const rel = (a: number, b: number) => Math.abs(a - b) / b;

describe('parameterCount', () => {
  it('matches the spec exactly for BERT-Tiny and BERT-Base', () => {
    expect(parameterCount(tiny)).toBe(7_044_608);
    expect(parameterCount(base)).toBe(125_434_368);
  });

  it('adds the per-head weights of wma and convolution heads, none for l heads', () => {
    const withOps = (ops: string[]) => ({ ...tiny, o: [ops, tiny.o[1]] });
    const plain = parameterCount(tiny);
    expect(parameterCount(withOps(['l_dft_64', 'l_dct_64']))).toBe(plain);
    expect(parameterCount(withOps(['sa_sdp_64', 'sa_wma_64']))).toBe(plain + 64 * 64);
    expect(parameterCount(withOps(['sa_sdp_64', 'c_9_64']))).toBe(plain + 2 * 64 * 64 + 2 * 64 * 9 + 2 * 64 + 9);
  });

  it('counts the projection between layers of different hidden sizes', () => {
    const up = { ...tiny, h: [128, 256], o: [tiny.o[0], ['sa_sdp_128', 'sa_sdp_128']] };
    const layer = (h: number, d: number) =>
      3 * (h * h + h) + 1027 * d + (h * h + h + 2 * h) + (h * 512 + 512) + (512 * h + h + 2 * h);
    const pooler = (h: number) => h * h + h;
    const projection = 128 * 256 + 256;
    const expected = parameterCount(tiny) - layer(128, 64) - pooler(128) + projection + layer(256, 128) + pooler(256);
    expect(parameterCount(up)).toBe(expected);
  });
});

describe('macsPerSequence', () => {
  it('matches the spec for BERT-Tiny and BERT-Base at 128 and 512 tokens', () => {
    expect(rel(macsPerSequence(tiny), 6.29e7)).toBeLessThan(5e-3);
    expect(rel(macsPerSequence(tiny, 512), 4.03e8)).toBeLessThan(5e-3);
    expect(rel(macsPerSequence(base, 128), 1.133e10)).toBeLessThan(5e-4);
    expect(rel(macsPerSequence(base, 512), 5.07e10)).toBeLessThan(5e-3);
  });

  it('gives the familiar ≈11.17 GMACs for BERT-Base without the relative-position term', () => {
    const withoutRel = macsByLayer(base).reduce((s, l) => s + l.total - l.relativePosition, 0) + 768 * 768;
    expect(rel(withoutRel, 1.117e10)).toBeLessThan(5e-4);
  });
});

describe('macsByLayer', () => {
  it('breaks BERT-Tiny layers into parts that sum to the total', () => {
    const [layer] = macsByLayer(tiny);
    const T = 128;
    expect(layer).toMatchObject({
      qkv: 3 * T * 128 * 128,
      relativePosition: 2 * T * T * 64,
      context: 2 * T * T * 64,
      headOps: 2 * T * T * 64,
      attentionOutput: T * 128 * 128,
      feedForward: T * 2 * 128 * 512,
      projection: 0,
    });
    const { total, ...parts } = layer;
    expect(total).toBe(Object.values(parts).reduce((s, v) => s + v, 0));
  });

  it('charges each head type its own cost', () => {
    const T = 128;
    const layerWith = (ops: string[]) => macsByLayer({ ...tiny, o: [ops, tiny.o[1]] })[0].headOps;
    expect(layerWith(['sa_wma_64', 'sa_wma_64'])).toBe(2 * (T * T * 64 + T * 64 * 64));
    expect(layerWith(['l_dft_64', 'l_dct_64'])).toBe(2 * T * T * 64 + 2 * T * 64 * 64 + T * T * 64 + T * 64 * 64);
    expect(layerWith(['c_5_64', 'c_13_64'])).toBe(2 * (2 * T * 64 * 64 + T * 64) + 3 * T * 64 * (5 + 13));
  });

  it('adds a projection only where the next hidden size differs', () => {
    const m = { ...tiny, h: [128, 256], o: [tiny.o[0], ['sa_sdp_128', 'sa_sdp_128']] };
    expect(macsByLayer(m).map((l) => l.projection)).toEqual([128 * 128 * 256, 0]);
  });
});
