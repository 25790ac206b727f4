import { describe, expect, it } from 'vitest';
import { MODEL_PRESETS } from '../../space/transformer/presets.ts';
import { macsByLayer, modelCounts } from '../../space/transformer/counts.ts';
import { createRng } from '../../rng.ts';
import { randomModel } from '../../space/transformer/sample.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import { buildOps } from './ops.ts';
import type { SimOp } from './opTypes.ts';

const S = 128;

/** Dense MACs of the products (matmul and conv), by direction. */
function macs(ops: readonly SimOp[], direction: SimOp['direction']): number {
  let total = 0;
  for (const op of ops) {
    if (op.direction !== direction) continue;
    if (op.kind === 'matmul') total += op.groups * op.batch * op.m * op.k * op.n;
    if (op.kind === 'conv') total += op.batch * op.positions * op.channels * op.taps;
  }
  return total;
}

/** One layer, h = 256, two heads of a type (d = 128), FF [512]. */
const oneLayer = (type: string): ModelDict => ({ l: 2, o: [[`${type}_128`, `${type}_128`], ['sa_sdp_128', 'sa_sdp_128']], h: [256, 256], f: [[512], [512]] });

/** Forward MACs of layer 0 without its projections and FF (flexibert.md §7 per-head terms). */
function headMacs(type: string): number {
  const ops = buildOps(oneLayer(type), 1, 'inference').ops.filter((o) => o.layer === 0 && o.head >= 0);
  return macs(ops, 'forward');
}

describe('buildOps: forward work per head type (flexibert.md §7, T = 128, d = 128, 2 heads)', () => {
  const T = S;
  const d = 128;
  it('sa_sdp: QKᵀ and P·V, T²d each', () => expect(headMacs('sa_sdp')).toBe(2 * (2 * T * T * d)));
  it('sa_wma: adds Q·W, Td²', () => expect(headMacs('sa_wma')).toBe(2 * (2 * T * T * d + T * d * d)));
  it('l_dft: 2T²d + 2Td² (real part through DFT matrices)', () => expect(headMacs('l_dft')).toBe(2 * (2 * T * T * d + 2 * T * d * d)));
  it('l_dct: T²d + Td²', () => expect(headMacs('l_dct')).toBe(2 * (T * T * d + T * d * d)));
  it.each([5, 9, 13])('c_%i: 2Td² + 3Tdk + Td (a real convolution, k taps per output)', (k) => {
    expect(headMacs(`c_${k}`)).toBe(2 * (2 * T * d * d + 3 * T * d * k + T * d));
  });
});

describe('buildOps: layer structure', () => {
  it('projects Q, K and V for sa and c heads but only V for l heads', () => {
    const model: ModelDict = { l: 2, o: [['sa_sdp_64', 'l_dft_64', 'c_5_64', 'c_5_64'], ['sa_sdp_128', 'sa_sdp_128']], h: [256, 256], f: [[512], [512]] };
    const qkv = buildOps(model, 1, 'inference').ops.find((o) => o.name === 'qkv' && o.layer === 0);
    expect(qkv?.kind === 'matmul' && qkv.n).toBe(64 * (3 + 1 + 3 + 3));
  });

  it('puts the non-linearity on each stacked FF output with its real width, none after the closing dense', () => {
    const model: ModelDict = { l: 2, o: [['sa_sdp_64', 'sa_sdp_64'], ['sa_sdp_64', 'sa_sdp_64']], h: [128, 128], f: [[1024, 256], [512]] };
    const layer0 = buildOps(model, 4, 'inference').ops.filter((o) => o.layer === 0);
    const nl = layer0.filter((o) => o.kind === 'nonLinearity').map((o) => (o.kind === 'nonLinearity' ? o.cols : 0));
    expect(nl).toEqual([1024, 256]);
    expect(layer0.map((o) => o.name).slice(-3)).toEqual(['nl2', 'ff-out', 'ln2']);
  });

  it('adds a projection only where the hidden size changes', () => {
    const model: ModelDict = { l: 4, o: Array.from({ length: 4 }, () => ['sa_sdp_64', 'sa_sdp_64']), h: [128, 256, 256, 512], f: [[512], [512], [512], [512]] };
    const proj = buildOps(model, 4, 'inference').ops.filter((o) => o.name === 'proj').map((o) => o.layer);
    expect(proj).toEqual([0, 2]);
  });

  it('batches identical heads of a layer into one op per step', () => {
    const ops = buildOps(MODEL_PRESETS['bert-base'].model, 4, 'inference').ops.filter((o) => o.layer === 0);
    const qk = ops.filter((o) => o.name.endsWith(' qk'));
    expect(qk).toHaveLength(1);
    expect(qk[0].kind === 'matmul' && qk[0].groups).toBe(12);
  });
});

describe('buildOps: parameters', () => {
  it('counts BERT-Base: layers, biases, LayerNorms and the (30,522 + 128)-row embedding table', () => {
    const h = 768;
    const f = 3072;
    const perLayer = h * 3 * h + 3 * h + h * h + h + h * f + f + f * h + h + 2 * 2 * h;
    const { params, layerWeightElems } = buildOps(MODEL_PRESETS['bert-base'].model, 4, 'inference');
    expect(layerWeightElems).toBe(12 * (perLayer - 4 * h));
    expect(params).toBe(12 * perLayer + (30522 + 128) * h + 2 * h);
  });

  it('does not depend on the batch', () => {
    const m = MODEL_PRESETS['bert-tiny'].model;
    expect(buildOps(m, 32, 'training').params).toBe(buildOps(m, 4, 'training').params);
  });
});

describe('buildOps: training', () => {
  const model = MODEL_PRESETS['bert-tiny'].model;
  const inference = buildOps(model, 4, 'inference').ops;
  const training = buildOps(model, 4, 'training').ops;

  it('keeps the forward pass, then backward, then one AdamW step', () => {
    expect(training.slice(0, inference.length)).toEqual(inference);
    expect(training.at(-1)?.kind).toBe('optimizer');
    expect(inference.some((o) => o.kind === 'optimizer')).toBe(false);
  });

  it('gives every weighted product an input gradient and a weight gradient: backward = 2 × forward MACs', () => {
    expect(macs(training, 'backward')).toBe(2 * macs(training, 'forward'));
    for (const op of training.filter((o) => o.direction === 'forward' && o.kind === 'matmul' && o.b === 'weight')) {
      const names = training.filter((o) => o.direction === 'backward' && o.layer === op.layer).map((o) => o.name);
      expect(names).toContain(`${op.name}.dX`);
      expect(names).toContain(`${op.name}.dW`);
    }
  });

  it('has backward passes for softmax, LayerNorm and the non-linearity', () => {
    const kinds = training.filter((o) => o.direction === 'backward').map((o) => o.kind);
    for (const k of ['softmax', 'layerNorm', 'nonLinearity'] as const) expect(kinds).toContain(k);
  });

  it('reads back exactly the stash the forward pass kept', () => {
    const kept = training.filter((o) => o.direction === 'forward').reduce((s, o) => s + o.stashElems, 0);
    const readBack = training.filter((o) => o.direction === 'backward').reduce((s, o) => s + o.stashElems, 0);
    expect(readBack).toBe(kept);
  });

  it('stashes S·(8h + 2f) + a·S² elements per BERT layer and sequence (elector-physical.md §5.2)', () => {
    const b = 2;
    const ops = buildOps(MODEL_PRESETS['bert-base'].model, b, 'training').ops;
    const layer3 = ops.filter((o) => o.direction === 'forward' && o.layer === 3).reduce((s, o) => s + o.stashElems, 0);
    expect(layer3).toBe(b * (S * (8 * 768 + 2 * 3072) + 12 * S * S));
    expect(layer3 / b).toBeCloseTo(1.77e6, -4);
  });
});

// The model editor's MAC count is FlexiBERT's (counts.ts); its explanation says what the
// simulators leave out (ModelReadouts.tsx). These hold that text to the ops.
describe('forward products against the editor\'s MAC count', () => {
  const simulated = (m: ModelDict) => macs(buildOps(m, 1, 'inference').ops, 'forward');
  const withoutScoresAndPooler = (m: ModelDict) =>
    modelCounts(m, S).macs - macsByLayer(m, S).reduce((a, l) => a + l.relativePosition, 0) - m.h[m.l - 1] ** 2;
  it('is the count without the relative-position scores and the pooler, exactly, for the BERT presets', () => {
    for (const key of ['bert-tiny', 'bert-mini', 'bert-base'] as const) {
      const m = MODEL_PRESETS[key].model;
      expect(simulated(m)).toBe(withoutScoresAndPooler(m));
    }
  });
  it('is at most that count, and at most 16 % below it, on 200 random models', () => {
    const rng = createRng('editor-macs');
    for (let i = 0; i < 200; i++) {
      const m = randomModel(rng);
      const ratio = simulated(m) / withoutScoresAndPooler(m);
      expect(ratio).toBeLessThanOrEqual(1);
      expect(ratio).toBeGreaterThan(0.84);
    }
  });
});
