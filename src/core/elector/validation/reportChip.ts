/** Section 3 of the report: the VSQ chip, its description, the calibration, the prediction and its sensitivity. */
import { ELECTOR_CONSTANTS } from '../constants/elector.ts';
import { DEFAULT_ASSUMPTIONS, int8DatapathFactor, predictBert, type Prediction } from './calibration.ts';
import { num, pct, ratio, signedPct, table } from './format.ts';
import { block } from './markdown.ts';
import { sensitivity } from './sensitivity.ts';
import { bertBaseMacs, bertEnergyMJ, bertMacsPerInference, chipAccelerator, VSQ_CHIP, voltageExponentFromTitle } from './vsqChip.ts';

export function chipSection(out: string[]): void {
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
  out.push(`- if the title's ${c.titleLowTopsPerW} TOPS/W is the same layer at ${c.voltage.max} V: E ∝ V^${num(voltageExponentFromTitle(), 2)} between ${c.voltage.min} and ${c.voltage.max} V.`, '');

  const acc = chipAccelerator();
  out.push(block('vsq-description', table(
    ['parameter', 'chip', 'our description', 'note'],
    [
      ['MAC array', '1024 4-bit MACs', `pe ${acc.pe} × lanesPerPe ${acc.lanesPerPe} × macsPerLane ${acc.macsPerLane} = ${num(acc.pe * acc.lanesPerPe * acc.macsPerLane)}`, 'inside the design space; 64 × 1 × 16 (lanesPerPe 1) is outside it'],
      ['tile', 'vectors of 64', `${acc.tile.b} × ${acc.tile.x} × ${acc.tile.y}`, 'the middle of {8, 16, 32}'],
      ['softmax units', 'approximate softmax (unit count not found)', `softmaxPerPe ${acc.softmaxPerPe}`, 'the smallest'],
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

