import { describe, expect, it } from 'vitest';
import { REFERENCE_CONSTANTS } from '../constants/reference.ts';
import { electorTerms, embeddingWaterfall, REFERENCE_CYCLE_LEVEL, referenceTerms, weightWaterfall } from './referenceGap.ts';
import { referenceRuns } from './runs.ts';
import { closeCount, closeRatio } from './testTolerance.ts';

const [edge, server] = referenceRuns();
const terms = (r: typeof edge) => ({
  ref: referenceTerms(r.model, r.accelerator, REFERENCE_CYCLE_LEVEL[r.preset]),
  el: electorTerms(r.result, r.peaks),
});

describe('distance to the reference cycle-level simulator (docs/elector-validation.md §2)', () => {
  it('runs BERT-Tiny inference on the presets the reference ran (config_tiny, config_base)', () => {
    expect(edge.preset).toBe('acceltran-edge');
    expect(server.preset).toBe('acceltran-server');
    expect(edge.accelerator.batchSize).toBe(4);
    expect(edge.result.sparsity).toEqual(REFERENCE_CONSTANTS.sparsity);
    closeCount(edge.result.cycles, 29_857, 'elector on Edge');
    closeCount(server.result.cycles, 3_296, 'elector on Server');
    closeRatio(edge.result.cycles / 79_324, 0.376);
    closeRatio(server.result.cycles / 9_514, 0.346);
  });

  it('the reference’s terms: the exact embedding load, the estimated loads and stores, the rest', () => {
    const e = terms(edge).ref, s = terms(server).ref;
    expect([e.embeddingElems, e.wf]).toEqual([3_923_200, 10]);
    expect([e.embeddingCycles, s.embeddingCycles]).toEqual([49_954, 4_996]);
    expect([e.weightLoadElems, e.weightLoadCycles, s.weightLoadCycles]).toEqual([1_572_864, 20_040, 2_008]);
    expect([e.storeElems, e.storeCycles, s.storeCycles]).toEqual([1_966_080, 1_738, 1_738]);
    expect([e.rest, s.rest]).toEqual([7_592, 772]);
    expect([e.total - e.embeddingCycles, s.total - s.embeddingCycles]).toEqual([29_370, 4_518]);
  });

  it('the elector model’s terms add up to its total', () => {
    for (const [r, expected] of [[edge, [4_144, 19_827.5, -977.5, 3_542, 3_321]], [server, [359, 1_652.3, 304.7, 692, 288]]] as const) {
      const el = terms(r).el;
      const got = [el.embeddingCycles, el.weightBusCycles, el.weightOpExtraCycles, el.onChipOpCycles, el.outputTailCycles];
      got.forEach((g, i) => closeCount(g, expected[i], `${r.preset} term ${i}`));
      expect(el.embeddingCycles + el.weightBusCycles + el.weightOpExtraCycles + el.onChipOpCycles + el.outputTailCycles).toBeCloseTo(el.total, 6);
      expect(el.weightBytes).toBe(543_840);
    }
  });

  it('the embedding waterfall goes from the reference’s 49,954 and 4,996 cycles to the model’s gather, factor by factor', () => {
    for (const [r, start, end] of [[edge, 49_953.8, 4_143.7], [server, 4_995.4, 358.2]] as const) {
      const { ref, el } = terms(r);
      const w = embeddingWaterfall(r.model, r.accelerator, r.peaks, ref);
      closeCount(w[0].cycles, start);
      closeCount(w[w.length - 1].cycles, end);
      // The chain lands on the model's own embedding op (which rounds up to whole cycles).
      expect(Math.abs(w[w.length - 1].cycles - el.embeddingCycles)).toBeLessThan(1);
      expect(w.map((s) => s.key)).toEqual(['reference', 'rowsUsed', 'unit', 'gib', 'eta', 'width', 'latency']);
      expect(w[2].factor).toBe(2.5);
      closeRatio(w[1].factor, 81_920 / 3_923_200);
    }
  });

  it('the weight waterfall goes from the reference’s loads (estimate) to the model’s weight bus time', () => {
    for (const [r, start, end] of [[edge, 20_027.2, 19_827.5], [server, 2_002.7, 1_652.3]] as const) {
      const { ref, el } = terms(r);
      const w = weightWaterfall(r.model, r.accelerator, r.peaks, ref);
      closeCount(w[0].cycles, start);
      closeCount(w[w.length - 1].cycles, end);
      expect(Math.abs(w[w.length - 1].cycles / el.weightBusCycles - 1)).toBeLessThan(1e-5);
      expect(w.map((s) => s.key)).toEqual(['reference', 'noBatch', 'unit', 'gib', 'eta', 'width', 'bias']);
    }
  });

  it('the bandwidth unit: 785.365 "bits" per cycle are 314.1 physical bits; the model’s DRAM moves 292.6 at peak, 219.4 at η', () => {
    closeCount((REFERENCE_CONSTANTS.mainMemory.bandwidth.lb * 8) / 20, 314.1);
    closeCount(edge.peaks.memory.peakBytesPerCycle * 8, 292.6);
    closeCount(edge.peaks.memory.bytesPerCycle * 8, 219.4);
  });
});
