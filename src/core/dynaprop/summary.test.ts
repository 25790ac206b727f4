import { describe, expect, it } from 'vitest';
import { summarizeSparsity } from './summary.ts';
import { measuredSparsityForElector } from './toElector.ts';
import type { LedgerEntry } from './ledger.ts';
import type { SiteTag } from './sites.ts';

const entry = (tag: SiteTag, direction: LedgerEntry['direction'], zeros: number, numel: number, zerosReal = zeros, numelReal = numel): LedgerEntry =>
  ({ tag, direction, zeros, numel, zerosReal, numelReal });

const entries: LedgerEntry[] = [
  entry({ layer: 0, opType: 'sa_sdp', site: 'q' }, 'fwd', 30, 100, 10, 50),
  entry({ layer: 0, opType: 'sa_sdp', site: 'scores' }, 'fwd', 80, 100),
  entry({ layer: 0, opType: 'ff', site: 'ff1' }, 'fwd', 50, 200),
  entry({ layer: 0, opType: 'ff', site: 'ff1' }, 'bwd', 180, 200),
  entry({ layer: 0, opType: 'sa_sdp', site: 'probs' }, 'bwd', 10, 100),
  entry({ layer: -1, opType: 'pooler', site: 'pooler' }, 'param', 7, 10),
];

describe('summarizeSparsity', () => {
  it('gives element-weighted global ratios Σzeros / Σelements (spec acceptance 5)', () => {
    const s = summarizeSparsity(entries);
    expect(s.activation.all).toBeCloseTo((30 + 80 + 50) / 400, 12);
    expect(s.activation.real).toBeCloseTo((10 + 80 + 50) / 350, 12);
    expect(s.gradient.all).toBeCloseTo(190 / 300, 12);
    expect(s.paramGradient.all).toBeCloseTo(0.7, 12);
  });

  it('attributes activations to the op that reads them and gradients to the op that made them', () => {
    const s = summarizeSparsity(entries);
    expect(s.perKind.softmax!.activation.all).toBeCloseTo(0.8, 12);
    expect(s.perKind.matmul!.activation.all).toBeCloseTo(0.3, 12);
    expect(s.perKind.nonLinearity!.activation.all).toBeCloseTo(0.25, 12);
    expect(s.perKind.matmul!.gradient.all).toBeCloseTo(0.9, 12);
    expect(s.perKind.softmax!.gradient.all).toBeCloseTo(0.1, 12);
    expect(s.perOpType.ff!.gradient.all).toBeCloseTo(0.9, 12);
  });
});

describe('measuredSparsityForElector', () => {
  it('fills the simulator inputs per op kind and keeps fractions below 1', () => {
    const m = measuredSparsityForElector(summarizeSparsity([...entries, entry({ layer: 1, opType: 'attn', site: 'attnOut' }, 'fwd', 100, 100)]), 0.02, { activation: 0.5, weight: 0.5, gradient: 0.9 });
    expect(m.sparsity.weight).toBe(0.02);
    expect(m.sparsityByOp.layerNorm!.activation).toBe(0.999);
    expect(m.sparsityByOp.matmul).toEqual({ activation: 0.3, gradient: 0.9 });
    expect(m.sparsityByOp.conv).toBeUndefined();
  });
});
