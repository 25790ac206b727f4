/**
 * The behaviours that issue 9 measured as wrong in the first-generation model, one test
 * each, on the presets (docs/elector-model.md §8 explains each figure).
 */
import { describe, expect, it } from 'vitest';
import { ACCELERATOR_PRESETS } from '../../space/accelerator/presets.ts';
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import { MODEL_PRESETS } from '../../space/transformer/presets.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import { simulate } from '../simulate.ts';
import type { SimOptions } from '../types.ts';

const edge = ACCELERATOR_PRESETS['acceltran-edge'].config;
const server = ACCELERATOR_PRESETS['acceltran-server'].config;
const model = (name: keyof typeof MODEL_PRESETS): ModelDict => MODEL_PRESETS[name].model;
const dense = { activation: 0, weight: 0, gradient: 0 };
const run = (m: ModelDict, a: AcceleratorConfig, o: SimOptions = {}) => simulate(m, a, { timeline: true, ...o });

describe('issue 9, row by row', () => {
  it.each(['bert-tiny', 'bert-mini'] as const)('%s, batch 32, dense, Edge: twice the PEs or lanes cuts cycles by about a third', (name) => {
    const a32 = { ...edge, batchSize: 32 };
    const base = run(model(name), a32, { sparsity: dense }).cycles;
    // The part that does not scale is the DRAM traffic (embedding gather, output store): ≈ 25 %.
    expect(run(model(name), { ...a32, pe: 128 }, { sparsity: dense }).cycles / base).toBeLessThan(0.7);
    expect(run(model(name), { ...a32, lanesPerPe: 32 }, { sparsity: dense }).cycles / base).toBeLessThan(0.7);
  });

  it('finds compute-bound ops in dense preset runs, and not every cycle memory-bound', () => {
    // Not BERT-Base on Edge: a layer's 17.7 MB of weights cannot stay in its 8 MB buffer, and
    // at batch 32 its 31 MB FF activations cannot stay in 4 MB: by hand, either choice moves
    // ≥ 1.5 GB over one DRAM channel against 11 G MACs (0.7 G cycles of compute): memory-bound.
    for (const name of ['bert-tiny', 'bert-mini', 'bert-base'] as const) {
      for (const a of name === 'bert-base' ? [server] : [edge, server]) {
        const r = run(model(name), { ...a, batchSize: 32 }, { sparsity: dense });
        expect(r.timeline!.some((e) => e.limiter === 'compute' && e.endCycle > e.startCycle)).toBe(true);
        expect(r.boundCycles!.compute).toBeGreaterThan(0);
      }
    }
  });

  it('never raises per-sequence cycles as the batch grows: BERT-Base on Edge 4 → 16 → 32, BERT-Mini 16 → 32', () => {
    const perSeq = (m: ModelDict, b: number) => run(m, { ...edge, batchSize: b }).cycles / b;
    const base = [4, 16, 32].map((b) => perSeq(model('bert-base'), b));
    expect(base[1]).toBeLessThanOrEqual(base[0]);
    expect(base[2]).toBeLessThanOrEqual(base[1]);
    expect(perSeq(model('bert-mini'), 32)).toBeLessThanOrEqual(perSeq(model('bert-mini'), 16));
  });

  it('is never slower with a bigger weight buffer: 8 → 16 MB (BERT-Base inference, Edge), 64 → 128 MB (training, Server)', () => {
    const b = model('bert-base');
    expect(run(b, { ...edge, weightBufferMB: 16 }).cycles).toBeLessThanOrEqual(run(b, edge).cycles);
    const t = { mode: 'training' } as const;
    expect(run(b, { ...server, weightBufferMB: 128 }, t).cycles).toBeLessThanOrEqual(run(b, server, t).cycles);
  });

  it('charges the same dynamic energy at 350 and 1400 MHz (energy per action), and leaks less at the faster clock', () => {
    const slow = run(model('bert-base'), server, { clockMHz: 350 });
    const fast = run(model('bert-base'), server, { clockMHz: 1400 });
    expect(fast.dynamicNJ).toBeCloseTo(slow.dynamicNJ, 3);
    expect(fast.leakageNJ).toBeLessThan(slow.leakageNJ);
  });

  it('trains with dense weight gradients and an optimizer step amortised over the global batch', () => {
    const b = model('bert-base');
    const lowGrad = run(b, server, { mode: 'training', sparsity: { activation: 0.5, weight: 0.5, gradient: 0 } });
    const highGrad = run(b, server, { mode: 'training', sparsity: { activation: 0.5, weight: 0.5, gradient: 0.9 } });
    const dW = (r: typeof lowGrad) => r.timeline!.filter((e) => e.op.endsWith('.dW')).reduce((s, e) => s + e.mainMemoryBytes!, 0);
    // Gradient sparsity shrinks activation gradients, never the summed weight gradients.
    expect(dW(highGrad)).toBeCloseTo(dW(lowGrad), 0);
    const opt = lowGrad.run!.optimizer!;
    expect(lowGrad.run!.accumulationSteps).toBe(8);
    expect(opt.sharePerMicroBatch).toBe(1 / 8);
    // Once per 32 sequences, the step is a minority of a micro-batch's time (it was 85 % per 4).
    expect((opt.cyclesPerStep / 8) / lowGrad.cycles).toBeLessThan(0.5);
    // One step per micro-batch (no accumulation) costs more per micro-batch.
    expect(run(b, server, { mode: 'training', accumulationSteps: 1 }).cycles).toBeGreaterThan(lowGrad.cycles);
  });

  it('honours the sequence length and the MLM head', () => {
    const b = model('bert-tiny');
    const s128 = run(b, edge), s256 = run(b, edge, { seqLen: 256 });
    expect(s256.cycles).toBeGreaterThan(1.9 * s128.cycles * 0.5);
    expect(s256.run!.seqLen).toBe(256);
    const mlm = run(b, edge, { mlmHead: true });
    expect(mlm.cycles).toBeGreaterThan(s128.cycles);
    expect(mlm.timeline!.some((e) => e.op === 'mlm-decoder')).toBe(true);
    expect(() => simulate(b, edge, { seqLen: 16 })).toThrow(/seqLen/);
  });
});
