import { describe, expect, it } from 'vitest';
import { ACCELERATOR_PRESETS } from '../../space/accelerator/presets.ts';
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import { MODEL_PRESETS } from '../../space/transformer/presets.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import { computeArea } from '../area.ts';
import { ELECTOR_CONSTANTS, type ElectorConstants } from '../constants/elector.ts';
import { REFERENCE_CONSTANTS } from '../constants/reference.ts';
import type { ElectorEnergyNJ, SimMode, Sparsity, SparsityByOp } from '../types.ts';
import { bufferModel } from './buffers.ts';
import { createFormats } from './formats.ts';
import { runElector, simulateElector } from './simulate.ts';
import { optimizerTrafficBits } from './costTables.ts';

const DEFAULT_SPARSITY: Sparsity = { activation: 0.5, weight: 0.5, gradient: 0.9 };
const DENSE: Sparsity = { activation: 0, weight: 0, gradient: 0 };
const tiny = MODEL_PRESETS['bert-tiny'].model;
const base = MODEL_PRESETS['bert-base'].model;
const edge = ACCELERATOR_PRESETS['acceltran-edge'].config;
const server = ACCELERATOR_PRESETS['acceltran-server'].config;

interface Opts {
  mode?: SimMode;
  sparsity?: Sparsity;
  sparsityByOp?: SparsityByOp;
  elector?: ElectorConstants;
  timeline?: boolean;
}
function run(model: ModelDict, acc: AcceleratorConfig, o: Opts = {}) {
  return runElector(model, acc, {
    mode: o.mode ?? 'inference',
    clockMHz: 700,
    sparsity: o.sparsity ?? DEFAULT_SPARSITY,
    sparsityByOp: o.sparsityByOp,
    constants: { reference: REFERENCE_CONSTANTS, elector: o.elector ?? ELECTOR_CONSTANTS },
    timeline: o.timeline ?? true,
  });
}

describe('simulateElector: result shape', () => {
  const cases = [tiny, base].flatMap((m) => [edge, server].flatMap((a) => (['inference', 'training'] as const).map((mode) => [m, a, mode] as const)));

  it.each(cases)('is complete and consistent (%#)', (model, acc, mode) => {
    const r = simulateElector(model, acc, {
      mode, clockMHz: 700, sparsity: DEFAULT_SPARSITY, constants: { reference: REFERENCE_CONSTANTS, elector: ELECTOR_CONSTANTS }, timeline: true,
    });
    expect(r.costModel).toBe('elector');
    expect(Number.isInteger(r.cycles)).toBe(true);
    expect(r.latencyS).toBeCloseTo(r.cycles / 700e6, 15);
    expect(r.throughputSeqPerS).toBeCloseTo(acc.batchSize / r.latencyS);
    // The cells' area is the reference's; banks added for bandwidth add their periphery.
    expect(r.areaMm2).toBeCloseTo(computeArea(acc, mode, REFERENCE_CONSTANTS).areaMm2 + r.areaByModuleMm2.bufferBanks, 9);
    expect(r.run!.subBatch).toBeGreaterThan(0);
    if (mode === 'training') expect(r.run!.optimizer!.cyclesPerStep).toBeGreaterThan(0);
    const parts = Object.values(r.energyNJ as ElectorEnergyNJ);
    expect(parts).toHaveLength(9);
    expect(r.dynamicNJ + r.leakageNJ).toBeCloseTo(r.totalEnergyNJ, 6);
    expect(parts.reduce((s, [d]) => s + d, 0)).toBeCloseTo(r.dynamicNJ, 6);
    expect(r.boundCycles!.compute + r.boundCycles!.memory).toBe(r.cycles);
    for (const u of Object.values(r.utilisation!)) {
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThanOrEqual(1);
    }
  });
});

describe('simulateElector: timeline', () => {
  const r = run(base, server, { mode: 'training' }).result;

  it('lays ops end to end from cycle 0, each at least its compute time unless fused, and ends with the optimizer share', () => {
    const tl = r.timeline!;
    expect(tl[0].startCycle).toBe(0);
    for (let i = 1; i < tl.length; i++) expect(tl[i].startCycle).toBe(tl[i - 1].endCycle);
    expect(tl.at(-1)!.endCycle).toBeLessThanOrEqual(r.cycles);
    for (const e of tl) if (e.endCycle > e.startCycle) expect(e.endCycle - e.startCycle).toBeGreaterThanOrEqual(e.computeCycles);
    expect(tl.at(-1)!.op).toBe('clip + adamw (1/8 of a step)');
    expect(tl.at(-1)!.kind).toBe('optimizer');
    // Every product says how it was mapped.
    for (const e of tl) if (e.kind === 'matmul') expect(e.mapping).toBeDefined();
  });

  it('is left out when off, without changing any number', () => {
    const off = run(base, server, { mode: 'training', timeline: false }).result;
    expect(off.timeline).toBeUndefined();
    expect(off.cycles).toBe(r.cycles);
    expect(off.totalEnergyNJ).toBe(r.totalEnergyNJ);
  });
});

describe('simulateElector: training traffic (elector-physical.md §5)', () => {
  it('moves 34.5 bytes per parameter per optimizer step (clip read + AdamW, fp32 accumulators): BERT-Base ≈ 3.8 GB', () => {
    const formats = createFormats(20, 1, bufferModel(1, 1024, REFERENCE_CONSTANTS.maskBuffer, ELECTOR_CONSTANTS, 700));
    const { readBits, writeBits } = optimizerTrafficBits(1, formats, DENSE, ELECTOR_CONSTANTS);
    expect((readBits + writeBits) / 8).toBe(34.5);
    const params = run(base, server).opList.params;
    expect((params * (readBits + writeBits)) / 8 / 1e9).toBeCloseTo(3.75, 1);
    // The summed gradient is dense: gradient sparsity does not shrink the step.
    expect(optimizerTrafficBits(1, formats, { ...DENSE, gradient: 0.9 }, ELECTOR_CONSTANTS).readBits).toBe(readBits);
  });

  it('adds the optimizer share, a backward weight read and fp32 dW accumulation to BERT-Base training', () => {
    const inf = run(base, server, { sparsity: DENSE });
    const tr = run(base, server, { sparsity: DENSE, mode: 'training' });
    const bytes = (x: typeof inf) => x.result.traffic.mainMemoryReadBytes + x.result.traffic.mainMemoryWriteBytes;
    const weights = (inf.opList.layerWeightElems * 20) / 8;
    expect(inf.plan.weightsResident).toBe(false);
    const optimizerShare = tr.result.run!.optimizer!.mainMemoryBytesPerStep / 8;
    // dW: write 4 B, read back 4 B in 7 of 8 micro-batches; dX re-reads the weights.
    const accumulate = inf.opList.layerWeightElems * (4 + 4 * (7 / 8));
    expect(bytes(tr) - bytes(inf)).toBeGreaterThan(optimizerShare + weights + accumulate);
  });

  it('reads weights once per run when they fit the weight buffer, without a batch dimension', () => {
    const r4 = run(tiny, server);
    expect(r4.plan.weightsResident).toBe(true);
    const r32 = run(tiny, { ...server, batchSize: 32 });
    expect(r4.result.warnings).toEqual([]);
    // Nothing spills, but one pass of 32 would wait for all its embedding rows and end on its
    // output store: two passes of 16 overlap those with each other's work, the weights kept.
    expect(r32.result.run!.subBatch).toBe(16);
    expect(r32.result.warnings).toEqual([expect.stringMatching(/^The batch of 32 runs as 2 passes of 16 .*wait for all its embedding rows/)]);
    // Only the embedding rows grow with the batch: 28 more sequences × 128 word rows, and the
    // 128 position rows once more for the second pass, × 128 × 11 bits.
    const extra = r32.result.traffic.mainMemoryReadBytes - r4.result.traffic.mainMemoryReadBytes;
    expect(extra).toBeCloseTo(((28 * 128 + 128) * 128 * 11) / 8, 3);
  });

  it('warns when the stash spills, with sizes, and keeps what fits', () => {
    const r = run(base, edge, { mode: 'training' });
    expect(r.plan.stashSpilledElems).toBeGreaterThan(0);
    expect(r.result.warnings.some((w) => /stash.*MB.*spill to main memory/.test(w))).toBe(true);
    expect(r.result.warnings.some((w) => /do not fit the 8 MB weight buffer/.test(w))).toBe(true);
    const server = run(base, ACCELERATOR_PRESETS['acceltran-server'].config, { mode: 'training' });
    expect(server.plan.stashSpilledElems).toBeLessThan(server.plan.stashElems);
    expect(run(base, edge).result.warnings.some((w) => /stash/.test(w))).toBe(false);
  });
});

describe('simulateElector: options', () => {
  it('applies sparsityByOp to its op kind only', () => {
    const none = run(base, server).totals.macs;
    expect(run(base, server, { sparsityByOp: { matmul: { activation: 0.9 } } }).totals.macs).toBeLessThan(none);
    expect(run(base, server, { sparsityByOp: { softmax: { activation: 0.9 } } }).totals.macs).toBe(none);
  });

  it('charges RRAM background power only while transferring when power-gated', () => {
    const gated: ElectorConstants = { ...ELECTOR_CONSTANTS, mainMemory: { ...ELECTOR_CONSTANTS.mainMemory, rramPowerGated: true } };
    const e = (c: ElectorConstants) => (run(base, server, { elector: c }).result.energyNJ as ElectorEnergyNJ).mainMemory[1];
    expect(e(gated)).toBeLessThan(e(ELECTOR_CONSTANTS));
  });

  it('leaks ~10³ less in its buffers with the default LSTP cells than with HP cells', () => {
    const hp: ElectorConstants = { ...ELECTOR_CONSTANTS, sram: { ...ELECTOR_CONSTANTS.sram, cell: 'hp' } };
    const leak = (c: ElectorConstants) => (run(tiny, server, { elector: c }).result.energyNJ as ElectorEnergyNJ).activationBuffer[1];
    expect(leak(hp) / leak(ELECTOR_CONSTANTS)).toBeGreaterThan(500);
  });

  it('trades bandwidth for background power: 4 DRAM channels are faster and leak more than 1', () => {
    const one = run(base, edge).result;
    const four = run(base, { ...edge, mainMemory: { type: 'dram', banks: 8, ranks: 2, channels: 4, mode: 'lb' } }).result;
    expect(four.cycles).toBeLessThan(one.cycles);
    const bgPower = (r: typeof one) => (r.energyNJ as ElectorEnergyNJ).mainMemory[1] / r.latencyS;
    expect(bgPower(four)).toBeCloseTo(4 * bgPower(one), 0);
  });
});
