import { describe, expect, it } from 'vitest';
import { macsByLayer, macsPerSequence, modelCounts, parameterCount } from './counts.ts';
import { MODEL_PRESETS } from './presets.ts';
import { parseHeadOp } from './ops.ts';
import { randomModel } from './sample.ts';
import { createRng } from '../../rng.ts';
import type { HeadOp, ModelDict } from './types.ts';

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

/**
 * The straightforward implementation the fast one replaced (parse every op, build
 * per-layer objects), kept as the oracle for the randomized equality test.
 */
const oracle = (() => {
  const V = 50265;
  const P = 514;
  const heads = (m: ModelDict, i: number): HeadOp[] => m.o[i].map((op) => {
    const parsed = parseHeadOp(op);
    if ('error' in parsed) throw new Error(`o[${i}]: ${parsed.error}`);
    return parsed;
  });
  const chain = (h: number, widths: readonly number[]) => {
    const dims = [h, ...widths, h];
    let weights = 0;
    let biases = 0;
    for (let j = 1; j < dims.length; j++) {
      weights += dims[j - 1] * dims[j];
      biases += dims[j];
    }
    return { weights, biases };
  };
  const headMacs = (op: HeadOp, T: number) => {
    const { d } = op;
    switch (op.type) {
      case 'sa_sdp': return T * T * d;
      case 'sa_wma': return T * T * d + T * d * d;
      case 'l_dft': return 2 * T * T * d + 2 * T * d * d;
      case 'l_dct': return T * T * d + T * d * d;
      default: return 2 * T * d * d + 3 * T * d * op.kernel + T * d;
    }
  };
  const params = (m: ModelDict) => {
    let total = (V + P + 1) * m.h[0] + 2 * m.h[0];
    for (let i = 0; i < m.l; i++) {
      const hs = heads(m, i);
      const h = m.h[i];
      const A = hs.reduce((s, op) => s + op.d, 0);
      const next = i + 1 < m.l ? m.h[i + 1] : h;
      total += 3 * (h * A + A) + (2 * P - 1) * hs[0].d;
      for (const op of hs) {
        if (op.type === 'sa_wma') total += op.d * op.d;
        if (op.family === 'c') total += 2 * op.d * op.d + 2 * op.d * op.kernel + 2 * op.d + op.kernel;
      }
      total += A * h + h + 2 * h;
      const ff = chain(h, m.f[i]);
      total += ff.weights + ff.biases + 2 * h;
      if (next !== h) total += h * next + next;
    }
    const hl = m.h[m.l - 1];
    return total + hl * hl + hl;
  };
  const layers = (m: ModelDict, T: number) => Array.from({ length: m.l }, (_, i) => {
    const hs = heads(m, i);
    const h = m.h[i];
    const A = hs.reduce((s, op) => s + op.d, 0);
    const d = hs[0].d;
    const next = i + 1 < m.l ? m.h[i + 1] : h;
    const parts = {
      qkv: 3 * T * h * A, relativePosition: hs.length * T * T * d, context: hs.length * T * T * d,
      headOps: hs.reduce((s, op) => s + headMacs(op, T), 0), attentionOutput: T * A * h,
      feedForward: T * chain(h, m.f[i]).weights, projection: next !== h ? T * h * next : 0,
    };
    return { ...parts, total: Object.values(parts).reduce((s, v) => s + v, 0) };
  });
  const macs = (m: ModelDict, T: number) => layers(m, T).reduce((s, l) => s + l.total, 0) + m.h[m.l - 1] ** 2;
  return { params, layers, macs };
})();

describe('fast counts', () => {
  it('equal the straightforward implementation on random models, presets and odd head widths', () => {
    const rng = createRng('counts-equality');
    const models: ModelDict[] = [tiny, base, ...Object.values(MODEL_PRESETS).map((p) => p.model)];
    for (let k = 0; k < 250; k++) models.push(randomModel(rng));
    // Hand-edited widths (A < h, mixed d within a layer) and every head type in one layer.
    models.push({ l: 2, h: [256, 512], o: [['sa_sdp_42', 'c_13_21', 'l_dct_100'], ['sa_wma_64', 'sa_sdp_64', 'l_dft_64', 'l_dct_64', 'c_5_64', 'c_9_64', 'c_13_64']], f: [[1024, 256, 3072], [512]] });
    for (const m of models) {
      expect(parameterCount(m)).toBe(oracle.params(m));
      for (const T of [128, 512, 7]) {
        expect(macsPerSequence(m, T)).toBe(oracle.macs(m, T));
        expect(macsByLayer(m, T)).toEqual(oracle.layers(m, T));
      }
      expect(modelCounts(m)).toEqual({ parameters: oracle.params(m), macs: oracle.macs(m, 128) });
    }
  });

  it('still rejects an unparsable op, naming the layer', () => {
    const bad = { ...tiny, o: [tiny.o[0], ['sa_sdp_64', 'nope_64']] };
    expect(() => parameterCount(bad)).toThrow(/^o\[1\]: unknown head type "nope"/);
    expect(() => macsPerSequence(bad)).toThrow(/^o\[1\]/);
  });
});

describe('op strings', () => {
  it('accept exactly what parseHeadOp accepts', () => {
    const ops = ['sa_sdp_64', 'c_13_999999', 'sa_sdp_064', 'sa_sdp_1234567', 'sa_sdp_', '_64', 'sa_sd_64', 'sa_sdpx_64', 'c_7_64', 'l_dft_64 ', 'SA_SDP_64',
      'c_5_1', 'l_dct_9', 'sa_wma_٦', 'sa__sdp_64', 'c_13_', 'x', '', 'sa_sdp_6_4', 'c_9_10a'];
    for (const op of ops) {
      const model = { ...tiny, o: [tiny.o[0], [op]] };
      const valid = !('error' in parseHeadOp(op));
      if (valid) expect(parameterCount(model), op).toBe(oracle.params(model));
      else expect(() => parameterCount(model), op).toThrow(/^o\[1\]: /);
      if (valid) expect(macsPerSequence(model), op).toBe(oracle.macs(model, 128));
      else expect(() => macsPerSequence(model), op).toThrow(/^o\[1\]: /);
    }
    expect(() => parameterCount({ ...tiny, o: [[], tiny.o[1]] })).toThrow(/^o\[0\]: a layer needs at least one head/);
  });
});
