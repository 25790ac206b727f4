/** Section 2 of the report: the elector model against the reference's cycle-level runs of BERT-Tiny. */
import { ACCELERATOR_PRESETS } from '../../space/accelerator/presets.ts';
import { TRANSFORMER_SPACE } from '../../space/transformer/schema.ts';
import { ELECTOR_CONSTANTS } from '../constants/elector.ts';
import { num, ratio, table } from './format.ts';
import { block } from './markdown.ts';
import {
  REFERENCE_CYCLE_LEVEL, electorTerms, embeddingWaterfall, referenceTerms, weightWaterfall, type WaterfallKey, type WaterfallStep,
} from './referenceGap.ts';
import { referenceRuns } from './runs.ts';

const WATERFALL_LABELS: Record<WaterfallKey, string> = {
  reference: 'reference: elements × 10 bits ÷ its bandwidth figure (785.365 lb, 7,853.65 hb)',
  rowsUsed: 'elector reads only the rows used: b·S + S = 640 of 30,650 rows',
  noBatch: 'weights have no batch dimension (÷ b = 4)',
  unit: 'bandwidth unit: the figure is bytes/cycle × 20, so one byte of bus time moved a 20-bit element',
  gib: 'GiB/s (reference) to GB/s (elector) for the same channel',
  eta: 'streaming efficiency η (DRAM 0.75, RRAM 0.9)',
  width: 'stored width in main memory: 11 bits (10 of data + 1 mask bit) instead of 10',
  latency: 'first-word latency and buffer fill, once',
  bias: 'biases: 1,152 per layer beside 196,608 weights (the reference has none)',
};

function waterfallTable(edge: WaterfallStep[], server: WaterfallStep[]): string {
  const f = (s: WaterfallStep): string => (s.add !== undefined ? `+ ${num(s.add)}` : s.key === 'reference' ? '' : `× ${num(s.factor, 4)}`);
  return table(
    ['step', 'factor (Edge)', 'cycles (Edge)', 'factor (Server)', 'cycles (Server)'],
    edge.map((s, i) => [WATERFALL_LABELS[s.key], f(s), num(s.cycles, 1), f(server[i]), num(server[i].cycles, 1)]),
    ['l', 'r', 'r', 'r', 'r'],
  );
}

export function referenceSection(out: string[]): void {
  const runs = referenceRuns();
  out.push('## 2. Distance to the reference cycle-level simulator (BERT-Tiny inference, batch 4)', '');
  const data = runs.map((r) => {
    const ref = referenceTerms(r.model, r.accelerator, REFERENCE_CYCLE_LEVEL[r.preset]);
    return { r, ref, el: electorTerms(r.result, r.peaks), emb: embeddingWaterfall(r.model, r.accelerator, r.peaks, ref), w: weightWaterfall(r.model, r.accelerator, r.peaks, ref) };
  });
  out.push(block('reference-totals', table(
    ['pair', 'reference cycle-level', 'elector', 'elector ÷ reference'],
    data.map(({ r, ref, el }) => [`BERT-Tiny on ${ACCELERATOR_PRESETS[r.preset].name} (${r.preset === 'acceltran-edge' ? 'config_tiny' : 'config_base'})`, num(ref.total), num(el.total), ratio(el.total / ref.total, 3)]),
  )), '');
  for (const { r, ref, el } of data) {
    const name = ACCELERATOR_PRESETS[r.preset].name;
    out.push(`### Term by term, ${name}`, '');
    out.push(block(`reference-terms-${r.preset}`, table(
      ['term', 'reference cycle-level', 'elector', 'why'],
      [
        ['embedding table into the chip', num(ref.embeddingCycles), num(el.embeddingCycles),
          'reference: the whole table, exact; elector: the rows used (waterfall below)'],
        ['layer weights over the main-memory bus', `≈ ${num(ref.weightLoadCycles)}`, num(el.weightBusCycles),
          `reference (estimate): ${num(ref.weightLoadElems)} elements with the batch dimension; elector: bus time at η (waterfall below)`],
        ['intermediate results stored to buffers', `≈ ${num(ref.storeCycles)}`, '0',
          `reference (estimate): ${num(ref.storeElems)} elements at ${num(ref.bufferBandwidth, 2)}, serial with the loads; elector: written while the lanes compute`],
        ['ops without main-memory traffic (attention products, softmax, LayerNorms)', `≈ ${num(ref.rest)} (the rest)`, num(el.onChipOpCycles),
          'reference: compute and stalls not hidden behind memory; elector: buffer-bound ops, each with drain and fill'],
        ['weight-loading ops beyond their bus time', '(in the row above)', num(el.weightOpExtraCycles),
          'drain, fill, latency, minus weights prefetched during earlier ops'],
        ['output store after the last op', '(in the row above)', num(el.outputTailCycles), 'bus time of the posted store, and its latency'],
        ['total', num(ref.total), num(el.total), `elector ÷ reference = ${ratio(el.total / ref.total, 3)}`],
      ],
      ['l', 'r', 'r', 'l'],
    )), '');
  }
  const [edge, server] = data;
  out.push('### Waterfall: embedding load (reference) to embedding gather (elector)', '');
  out.push(block('waterfall-embedding', waterfallTable(edge.emb, server.emb)), '');
  out.push(`- model's embedding op: ${num(edge.el.embeddingCycles)} cycles (Edge), ${num(server.el.embeddingCycles)} (Server).`, '');
  out.push('### Waterfall: layer weight loads (reference, estimate) to weight bus time (elector)', '');
  out.push(block('waterfall-weights', waterfallTable(edge.w, server.w)), '');
  out.push(`- model's weight bus time: ${num(edge.el.weightBusCycles, 1)} cycles (Edge), ${num(server.el.weightBusCycles, 1)} (Server): ${num(edge.el.weightBytes)} bytes.`);
  out.push(
    `- reference: embedding = ⌈(${num(TRANSFORMER_SPACE.simulatorVocabulary)} + ${TRANSFORMER_SPACE.sequenceLength}) × ${edge.r.model.h[0]} = ${num(edge.ref.embeddingElems)} elements × ${edge.ref.wf} bits ÷ ${edge.ref.memoryBandwidth}⌉ = ${num(edge.ref.embeddingCycles)} (Edge), ` +
      `⌈… ÷ ${num(server.ref.memoryBandwidth, 2)}⌉ = ${num(server.ref.embeddingCycles)} (Server); ` +
      `the rest of its run: ${num(edge.ref.total - edge.ref.embeddingCycles)} (Edge), ${num(server.ref.total - server.ref.embeddingCycles)} (Server).`,
  );
  out.push(
    `- bandwidth: reference lb ${edge.ref.memoryBandwidth} "bits"/cycle = ${num((edge.ref.memoryBandwidth * 8) / 20, 1)} physical bits/cycle; ` +
      `elector: one DDR4-3200 channel of ${ELECTOR_CONSTANTS.mainMemory.dram.channelBandwidthGBps} GB/s (10^9 B), peak ${num(edge.r.peaks.memory.peakBytesPerCycle * 8, 1)}, ` +
      `effective ${num(edge.r.peaks.memory.bytesPerCycle * 8, 1)} bits/cycle; the reference's figure counts 2^30 B per GB.`,
    '',
  );
}

