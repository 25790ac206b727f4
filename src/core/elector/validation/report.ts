/**
 * The validation report printed by `npm run validate` (bench/validate.ts): every table and
 * key figure of docs/elector-validation.md, as Markdown. Each table is preceded by a
 * `<!-- table: id -->` marker; the doc carries the same markers, and doc.test.ts checks
 * that its tables match these.
 */
import { ACCELERATOR_PRESETS } from '../../space/accelerator/presets.ts';
import { TRANSFORMER_SPACE } from '../../space/transformer/schema.ts';
import { ELECTOR_CONSTANTS } from '../constants/elector.ts';
import { REFERENCE_CONSTANTS } from '../constants/reference.ts';
import type { Limiter } from '../types.ts';
import { DEFAULT_ASSUMPTIONS, int8DatapathFactor, predictBert, type ChipAssumptions, type Prediction } from './calibration.ts';
import { num, pct, ratio, signedPct, table } from './format.ts';
import { GAP_TERM_NAMES, GAP_TERMS, layerRoofline, type RooflineRow } from './roofline.ts';
import {
  REFERENCE_CYCLE_LEVEL, electorTerms, embeddingWaterfall, referenceTerms, weightWaterfall, type WaterfallKey, type WaterfallStep,
} from './referenceGap.ts';
import { referenceRuns, rooflineRuns, ROOFLINE_LAYER, type Run } from './runs.ts';
import { bertBaseMacs, bertEnergyMJ, bertMacsPerInference, chipAccelerator, VSQ_CHIP } from './vsqChip.ts';

const marker = (id: string): string => `<!-- table: ${id} -->`;
const block = (id: string, t: string): string => `${marker(id)}\n${t}`;

const LIMITER_NAMES: Record<Limiter, string> = {
  compute: 'compute', mainMemory: 'main memory', activationBuffer: 'act. buffer', weightBuffer: 'wgt. buffer', maskBuffer: 'mask buffer',
};
const BUFFER_SHORT = { activationBuffer: 'act.', weightBuffer: 'wgt.', maskBuffer: 'mask' } as const;

/** Cycles: whole above 100 or when whole, else one decimal. */
const cyc = (n: number): string => (Math.abs(n) >= 100 || Number.isInteger(n) ? num(n) : num(n, 1));

// ---------------------------------------------------------------- section 1

function hardwareTable(runs: Run[]): string {
  const rows = runs.map((r) => {
    const p = r.peaks;
    const mm = r.accelerator.mainMemory;
    return [
      r.title, num(p.macUnits), `${mm.type.toUpperCase()} ×${mm.channels}`, num(p.memory.peakBytesPerCycle, 1),
      ratio(ELECTOR_CONSTANTS.mainMemory[mm.type].efficiency), num(p.memory.bytesPerCycle, 1), num(p.memory.latencyCycles),
      `${p.activation.banks} / ${p.weight.banks} / ${p.mask.banks}`, num(p.activation.bitsPerCycle), num(p.activation.latencyCycles),
      num(r.result.cycles), num(r.result.run?.subBatch ?? r.accelerator.batchSize),
    ];
  });
  return table(
    ['run', 'MAC units', 'main memory', 'peak B/cycle', 'η', 'effective B/cycle', 'first-word latency', 'banks act. / wgt. / mask', 'buffer bits/cycle (each)', 'buffer fill', 'run cycles', 'sequences per pass'],
    rows,
  );
}

function gapText(r: RooflineRow): string {
  if (r.fused) return 'hidden in its producer';
  const parts: string[] = [];
  for (const k of GAP_TERMS) {
    const v = r.terms[k];
    if (Math.abs(v) >= 0.5) parts.push(`${GAP_TERM_NAMES[k]} ${Number.isInteger(v) || Math.abs(v) >= 100 ? num(v) : num(v, 1)}`);
  }
  return parts.length ? parts.join(' · ') : '–';
}

function rooflineTable(rows: RooflineRow[]): string {
  return table(
    ['op', 'MACs (M)', 'compute bound', 'main-memory bound', 'buffer bound', 'model cycles', 'limiter', 'model ÷ max bound', 'above the bound (cycles)', 'main reason (> 1.2)'],
    rows.map((r) => {
      const [bk, bv] = (Object.entries(r.bufferBound) as [keyof typeof BUFFER_SHORT, number][]).reduce((a, b) => (b[1] > a[1] ? b : a));
      return [
        r.op, r.macs > 0 ? num(r.macs / 1e6, 1) : '–', cyc(r.computeBound), cyc(r.mainMemoryBound), `${cyc(bv)} (${BUFFER_SHORT[bk]})`,
        r.fused ? 'fused' : cyc(r.cycles), LIMITER_NAMES[r.limiter], r.fused ? '–' : ratio(r.ratio), gapText(r), r.reason ? GAP_TERM_NAMES[r.reason] : '',
      ];
    }),
    ['l', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'l', 'l'],
  );
}

export interface RooflineSummary {
  id: string;
  minRatio: number;
  maxRatio: number;
  above12: { op: string; ratio: number; reason: string }[];
  maxAbsWaitExceptBusWait: number;
}

function section1(out: string[]): void {
  const runs = rooflineRuns();
  out.push('## 1. Op-by-op roofline for BERT-Base', '');
  out.push(block('hardware', hardwareTable(runs)), '');
  for (const r of runs) for (const w of r.result.warnings) out.push(`- ${r.title}, model warning: ${w}`);
  const a = runs[0].accelerator;
  const tile = (d: number): number => Math.ceil((a.tile.b * a.tile.x ** 3 * d) / a.macsPerLane);
  out.push(
    `- drain of a product tile: tb·t³·density ÷ macsPerLane = ${a.tile.b} × ${a.tile.x}³ × 0.25 ÷ ${a.macsPerLane} = ${tile(0.25)} cycles forward ` +
      `(density 0.5 × 0.5), ${tile(0.05)} backward (density 0.1 × 0.5 = 0.05); softmax and LayerNorm tile: tb·2t = ${a.tile.b * 2 * a.tile.x} cycles.`,
    '',
  );
  for (const r of runs) {
    const rows = layerRoofline(r.result, r.model, r.accelerator, r.peaks, ROOFLINE_LAYER);
    out.push(`### ${r.title}: layer ${ROOFLINE_LAYER}${r.mode === 'training' ? ', and the optimizer’s share per micro-batch' : ''}`, '');
    out.push(block(`roofline-${r.id}`, rooflineTable(rows)), '');
    const timed = rows.filter((x) => !x.fused);
    const ratios = timed.map((x) => x.ratio);
    const above = timed.filter((x) => x.ratio > 1.2);
    out.push(
      `- ${r.title}: model ÷ max bound from ${ratio(Math.min(...ratios))} to ${ratio(Math.max(...ratios))}; ` +
        `${above.length} of ${timed.length} timed ops above 1.2` +
        (above.length ? ` (${above.map((x) => `${x.op} ${ratio(x.ratio)}: ${GAP_TERM_NAMES[x.reason!]}`).join('; ')})` : '') + '.',
    );
    const limiters = new Map<string, number>();
    for (const x of timed) limiters.set(LIMITER_NAMES[x.limiter], (limiters.get(LIMITER_NAMES[x.limiter]) ?? 0) + 1);
    out.push(`- limiters: ${[...limiters].map(([k, v]) => `${k} ${v}`).join(', ')}.`, '');
  }
}

// ---------------------------------------------------------------- section 2

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

function section2(out: string[]): void {
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

// ---------------------------------------------------------------- section 3

/** E ∝ V^k fitted to the VLSI title's 17–95.6 TOPS/W, if both ends are the same layer at 1.05 V and 0.46 V. */
export const K_FROM_TITLE = Math.log(VSQ_CHIP.benchmarkTopsPerW.vsq / VSQ_CHIP.titleLowTopsPerW) / Math.log(VSQ_CHIP.voltage.max / VSQ_CHIP.voltage.min);

const ASSUMPTION_VARIANTS: { label: string; value: string; change: Partial<ChipAssumptions> }[] = [
  { label: 'baseline', value: 'p 65 %, k 2, 1024 one-MAC lanes, batch 4, FF1-shaped benchmark, BERT input density 50 %', change: {} },
  { label: 'datapath share p', value: '50 %', change: { datapathShare: 0.5 } },
  { label: 'datapath share p', value: '60 %', change: { datapathShare: 0.6 } },
  { label: 'datapath share p', value: '70 %', change: { datapathShare: 0.7 } },
  { label: 'datapath share p', value: '80 %', change: { datapathShare: 0.8 } },
  { label: 'voltage exponent k', value: '1.5', change: { voltageExponent: 1.5 } },
  { label: 'voltage exponent k', value: '2.09 (the 17–95.6 TOPS/W range, if it is one layer from 1.05 V to 0.46 V)', change: { voltageExponent: K_FROM_TITLE } },
  { label: 'voltage exponent k', value: '2.5', change: { voltageExponent: 2.5 } },
  { label: 'array', value: '64 lanes of 16 MACs (lanesPerPe 1)', change: { array: 'vector' } },
  { label: 'batch', value: '1', change: { batch: 1 } },
  { label: 'benchmark layer', value: '768 → 768 over 128 tokens', change: { benchmark: { rows: 128, inWidth: 768, outWidth: 768 } } },
  { label: 'benchmark layer', value: '768 → 768 over 16 tokens (little weight reuse)', change: { benchmark: { rows: 16, inWidth: 768, outWidth: 768 } } },
  { label: 'BERT input density', value: '70 %', change: { bertActivationSparsity: 0.3 } },
  { label: 'BERT input density', value: '100 %', change: { bertActivationSparsity: 0 } },
  { label: 'stored width', value: '20 bits', change: { elementBits: 20 } },
  { label: 'what β scales', value: 'SRAM and the operand-delivery modules', change: { movement: 'sramAndDelivery' } },
];

export function sensitivity(): { label: string; value: string; p: Prediction }[] {
  return ASSUMPTION_VARIANTS.map((v) => ({ label: v.label, value: v.value, p: predictBert({ ...DEFAULT_ASSUMPTIONS, ...v.change }) }));
}

function section3(out: string[]): void {
  const c = VSQ_CHIP;
  out.push('## 3. One measured chip: NVIDIA’s 5 nm VSQ inference accelerator', '');
  out.push(block('vsq-facts', table(
    ['quantity', 'published value'],
    [
      ['process, area', `${c.processNm} nm, ${c.areaMm2} mm²`],
      ['supply and clock', `${c.voltage.min}–${c.voltage.max} V at ${c.clockMHz.min}–${num(c.clockMHz.max)} MHz`],
      ['MACs per cycle', `${num(c.macsPerCycle4Bit)} at 4 bits (${c.macsPerCycle8Bit} at 8 bits)`],
      ['scaling', `one scale factor per ${c.vectorElements}-element vector (VSQ)`],
      ['partial sums', `${c.partialSumBits}-bit, in a ${c.latchEntries}-entry latch array`],
      ['benchmark layer at 0.46 V', `${c.benchmarkTopsPerW.vsq} TOPS/W with VSQ; ${c.benchmarkTopsPerW.int4} INT4; ${c.benchmarkTopsPerW.int8} INT8 (50 % input density, estimated leakage included)`],
      ['BERT-Base at 0.67 V', `${num(c.bert.inferencesPerSPerW)} inferences/s/W (${c.bert.topsPerW} TOPS/W), ${c.bert.accuracyLossPct} % accuracy loss`],
      ['range in the VLSI 2022 title', `${c.titleLowTopsPerW}–${c.benchmarkTopsPerW.vsq} TOPS/W`],
      ['not found', 'buffer sizes, PE count, energy breakdown, benchmark layer shape'],
      ['sources', 'Keller et al., IEEE JSSC 58(4), 2023 and VLSI 2022: abstracts and secondary sources'],
    ],
    ['l', 'l'],
  )), '');
  const published = bertEnergyMJ();
  const implied = bertMacsPerInference();
  const ours = bertBaseMacs();
  out.push(
    `- energy per BERT-Base inference: 1 ÷ ${num(c.bert.inferencesPerSPerW)} = ${num(published, 3)} mJ; ` +
      `MACs per inference: ${c.bert.topsPerW} TOPS/W ÷ ${num(c.bert.inferencesPerSPerW)} ÷ 2 = ${num(implied / 1e9, 2)} G; ` +
      `BERT-Base over 128 tokens: ${num(ours / 1e9, 2)} G (ratio ${ratio(implied / ours, 3)}).`,
  );
  const chipMW = (2 * c.macsPerCycle4Bit * c.clockMHz.min * 1e6) / (c.benchmarkTopsPerW.vsq * 1e12) * 1e3;
  const acc0 = chipAccelerator();
  const bufferMB = acc0.activationBufferMB + acc0.weightBufferMB + acc0.maskBufferMB;
  const lstp = ELECTOR_CONSTANTS.sram.lstpLeakageMWPerMB;
  out.push(
    `- chip power on the benchmark at ${c.voltage.min} V: 2 × ${num(c.macsPerCycle4Bit)} × ${c.clockMHz.min} MHz ÷ ${c.benchmarkTopsPerW.vsq} TOPS/W = ${num(chipMW, 2)} mW; ` +
      `our smallest buffers (${bufferMB} MB of LSTP SRAM at ${lstp} mW/MB) would leak ${num(bufferMB * lstp, 2)} mW.`,
  );
  out.push(`- if the title's ${c.titleLowTopsPerW} TOPS/W is the same layer at ${c.voltage.max} V: E ∝ V^${num(K_FROM_TITLE, 2)} between ${c.voltage.min} and ${c.voltage.max} V.`, '');

  const acc = chipAccelerator();
  out.push(block('vsq-description', table(
    ['parameter', 'chip', 'our description', 'note'],
    [
      ['MAC array', '1024 4-bit MACs', `pe ${acc.pe} × lanesPerPe ${acc.lanesPerPe} × macsPerLane ${acc.macsPerLane} = ${num(acc.pe * acc.lanesPerPe * acc.macsPerLane)}`, 'inside the design space; 64 × 1 × 16 (lanesPerPe 1) is outside it'],
      ['tile', 'vectors of 64', `${acc.tile.b} × ${acc.tile.x} × ${acc.tile.y}`, 'the middle of {8, 16, 32}'],
      ['softmax units', 'one approximate softmax unit (count not found)', `softmaxPerPe ${acc.softmaxPerPe}`, 'the smallest'],
      ['buffers', 'not found (≪ 1 MB: the chip is 0.153 mm²)', `${acc.activationBufferMB} / ${acc.weightBufferMB} / ${acc.maskBufferMB} MB`, 'the smallest; their leakage is set to 0'],
      ['batch', '1 (inferences/s)', `${acc.batchSize}`, 'the smallest in the space; batch 1 in the sensitivity table'],
      ['stored element', '4 bits + a scale per 64', `${DEFAULT_ASSUMPTIONS.elementBits} bits (data.elementBits)`, 'the scale (≈ 0.1 bit per element) is not modelled'],
      ['main memory', 'test setup: not part of the figure', 'DDR4 ×1 (as AccelTran-Edge)', 'its energy is reported apart'],
      ['MAC width and technology', '4-bit, 5 nm, 0.46 V', '20-bit module constants (14 nm class), 700 MHz', 'not expressible: absorbed by the calibration'],
    ],
    ['l', 'l', 'l', 'l'],
  )), '');

  const base = predictBert();
  const cal = base.calibration;
  out.push(block('vsq-calibration', table(
    ['quantity', 'model constants', 'calibrated'],
    [
      ['α (compute-module dynamic power)', '1', num(cal.alpha, 5)],
      ['β (SRAM energy per bit)', '1', num(cal.beta, 3)],
      ['benchmark layer energy, µJ', num((cal.uncalibrated.datapathNJ + cal.uncalibrated.movementNJ) / 1e3, 1), num((cal.calibrated.datapathNJ + cal.calibrated.movementNJ) / 1e3, 2)],
      ['datapath share of it', pct(cal.uncalibratedShare), pct(DEFAULT_ASSUMPTIONS.datapathShare)],
      ['datapath energy per dense MAC, fJ', num(cal.datapathFJPerMac.before, 1), num(cal.datapathFJPerMac.after, 2)],
      ['SRAM energy per dense MAC, fJ', num(cal.movementFJPerMac.before, 2), num(cal.movementFJPerMac.after, 2)],
      ['SRAM pJ/bit: activation 4 MB, weight 8 MB, mask 0.5 MB', `${num(cal.sramPJPerBitBefore.activation, 3)}, ${num(cal.sramPJPerBitBefore.weight, 3)}, ${num(cal.sramPJPerBitBefore.mask, 3)}`,
        `${num(cal.sramPJPerBit.activation, 3)}, ${num(cal.sramPJPerBit.weight, 3)}, ${num(cal.sramPJPerBit.mask, 3)}`],
      ['benchmark efficiency, TOPS/W', num((cal.ops / (cal.uncalibrated.datapathNJ + cal.uncalibrated.movementNJ)) * 1e-3, 2), num(cal.topsPerW, 1)],
    ],
    ['l', 'r', 'r'],
  )), '');
  out.push(
    `- benchmark layer: ${DEFAULT_ASSUMPTIONS.benchmark.rows} tokens × batch ${DEFAULT_ASSUMPTIONS.batch}, ${DEFAULT_ASSUMPTIONS.benchmark.inWidth} → ${DEFAULT_ASSUMPTIONS.benchmark.outWidth}, ` +
      `${num(cal.ops / 2 / 1e9, 3)} G dense MACs, inputs 50 % zeros, weights and inputs already on chip.`,
  );
  out.push(`- β = 1 would mean a datapath share of ${pct(cal.shareAtUnitBeta)}: the model's own SRAM energy, beside a datapath scaled to the chip.`, '');
  const r = c.benchmarkTopsPerW.int4 / c.benchmarkTopsPerW.int8;
  out.push(block('vsq-int8', table(
    ['datapath share p', 'INT8 ÷ INT4 datapath energy per op it implies'],
    [0.5, 0.6, 0.65, 0.7, 0.8].map((p) => [pct(p, 0), `× ${num(int8DatapathFactor(p), 2)}`]),
  )), '');
  out.push(`- INT8 ÷ INT4 energy per op measured: ${c.benchmarkTopsPerW.int4} ÷ ${c.benchmarkTopsPerW.int8} = ${num(r, 3)}; SRAM bits per op double (× 2).`, '');

  const parts: [string, keyof Prediction['at046uJ']][] = [
    ['MAC lanes', 'macLanes'], ['sparsity modules (zero detection)', 'sparsity'], ['operand delivery (FIFO, DMA, dataflow)', 'operandDelivery'],
    ['softmax', 'softmax'], ['LayerNorm', 'layerNorm'], ['activation buffer', 'activationBuffer'], ['weight buffer', 'weightBuffer'], ['mask buffer', 'maskBuffer'],
  ];
  const total046 = base.onChipAt046mJ * 1e3;
  out.push(block('vsq-prediction', table(
    ['part', 'µJ per inference at 0.46 V', 'µJ at 0.67 V', 'share'],
    [
      ...parts.map(([label, k]) => [label, num(base.at046uJ[k], 2), num(base.at046uJ[k] * base.voltageFactor, 1), pct(base.at046uJ[k] / total046)]),
      ['on chip, total', num(total046, 1), num(base.onChipMJ * 1e3, 1), '100.0 %'],
      ['published (1 ÷ 1734 inferences/s/W)', '', num(published * 1e3, 1), ''],
      ['main memory (DDR4 reads, not in the chip’s figure)', '', num(base.mainMemoryMJ * 1e3, 0), ''],
    ],
    ['l', 'r', 'r', 'r'],
  )), '');
  out.push(
    `- prediction: ${num(base.onChipMJ, 3)} mJ per inference on chip at 0.67 V (× ${num(base.voltageFactor, 3)} from 0.46 V), ` +
      `${signedPct(base.distance)} from the published ${num(published, 3)} mJ; equivalent to ${num(base.topsPerW, 1)} TOPS/W against the published ${c.bert.topsPerW}.`,
  );
  out.push(`- the benchmark layer alone at 0.67 V: ${num(c.benchmarkTopsPerW.vsq / base.voltageFactor, 1)} TOPS/W.`, '');

  const rows = sensitivity();
  out.push(block('vsq-sensitivity', table(
    ['assumption', 'value', 'α', 'β', 'on-chip mJ per inference at 0.67 V', 'vs 0.577 mJ', 'in the design space'],
    rows.map(({ label, value, p }) => [
      label, value, num(p.calibration.alpha, 5), num(p.calibration.beta, 3), num(p.onChipMJ, 3), signedPct(p.distance), p.inSpace ? 'yes' : 'no (model run directly)',
    ]),
    ['l', 'l', 'r', 'r', 'r', 'r', 'l'],
  )), '');
  const within = rows.filter((x) => Math.abs(x.p.distance) <= 0.25);
  out.push(`- ${within.length} of ${rows.length} variants within ±25 %; range ${signedPct(Math.min(...rows.map((x) => x.p.distance)))} to ${signedPct(Math.max(...rows.map((x) => x.p.distance)))}.`, '');
}

/** The whole report. */
export function validationReport(): string {
  const out: string[] = [
    '# Elector model validation figures (`npm run validate`)',
    '',
    `Defaults: ${REFERENCE_CONSTANTS.clockMHz} MHz, sparsity ${REFERENCE_CONSTANTS.sparsity.activation} / ${REFERENCE_CONSTANTS.sparsity.weight} / ${REFERENCE_CONSTANTS.sparsity.gradient}, batch 4, 128 tokens.`,
    '',
  ];
  section1(out);
  section2(out);
  section3(out);
  return out.join('\n');
}
