/**
 * Section 3 of docs/elector-validation.md: NVIDIA's 5 nm VSQ inference accelerator
 * (Keller et al., IEEE JSSC 58(4), 2023; VLSI 2022), the published facts we use, and
 * its description in our design space.
 *
 * The facts come from the papers' abstracts and secondary sources (the full text was not
 * available): buffer sizes, the PE count and an energy breakdown were not found.
 */
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';

export const VSQ_CHIP = {
  processNm: 5,
  areaMm2: 0.153,
  voltage: { min: 0.46, max: 1.05, nominal: 0.67 },
  clockMHz: { min: 152, max: 1760 },
  macsPerCycle4Bit: 1024,
  macsPerCycle8Bit: 512,
  vectorElements: 64,
  partialSumBits: 24,
  latchEntries: 16,
  /** Benchmark layer at 0.46 V, 50 % input density, leakage included (estimated), TOPS/W. */
  benchmarkTopsPerW: { vsq: 95.6, int4: 91.1, int8: 39.1 },
  benchmarkVoltage: 0.46,
  /** The low end of the VLSI 2022 title's "17–95.6 TOPS/W" (its conditions are not known). */
  titleLowTopsPerW: 17,
  benchmarkInputDensity: 0.5,
  /** BERT-Base at 0.67 V. */
  bert: { inferencesPerSPerW: 1734, topsPerW: 38.7, accuracyLossPct: 0.7, voltage: 0.67 },
} as const;

/** Energy per BERT-Base inference the chip reports: 1 / (inferences/s/W), mJ. */
export function bertEnergyMJ(): number {
  return 1e3 / VSQ_CHIP.bert.inferencesPerSPerW;
}

/** MACs per inference implied by the two BERT figures: (TOPS/W ÷ inferences/s/W) ÷ 2. */
export function bertMacsPerInference(): number {
  return (VSQ_CHIP.bert.topsPerW * 1e12) / VSQ_CHIP.bert.inferencesPerSPerW / 2;
}

/** E ∝ V^k fitted to the VLSI title's 17–95.6 TOPS/W, if both ends are the same layer at 1.05 V and 0.46 V. */
export function voltageExponentFromTitle(): number {
  return Math.log(VSQ_CHIP.benchmarkTopsPerW.vsq / VSQ_CHIP.titleLowTopsPerW) / Math.log(VSQ_CHIP.voltage.max / VSQ_CHIP.voltage.min);
}

/** Dense MACs of one BERT-Base inference over `seqLen` tokens (12 layers, h 768, FF 3072). */
export function bertBaseMacs(seqLen = 128, layers = 12, h = 768, f = 3072): number {
  return layers * (4 * seqLen * h * h + 2 * seqLen * seqLen * h + 2 * seqLen * h * f);
}

/**
 * How the MACs are arranged. `lanes`: 1024 one-MAC lanes (64 PEs × 16 lanes × 1 MAC), inside
 * the design space. `vector`: 64 lanes of 16 MACs (64 PEs × 1 lane × 16 MACs), closer to the
 * chip's vector MAC units but outside the space (lanesPerPe starts at 8).
 */
export type ChipArray = 'lanes' | 'vector';

export function chipAccelerator(array: ChipArray = 'lanes', batchSize = 4): AcceleratorConfig {
  return {
    tile: { b: 1, x: 16, y: 16 },
    nonLinearity: 'gelu',
    pe: 64,
    lanesPerPe: array === 'lanes' ? 16 : 1,
    macsPerLane: array === 'lanes' ? 1 : 16,
    softmaxPerPe: 2,
    batchSize,
    activationBufferMB: 4,
    weightBufferMB: 8,
    maskBufferMB: 0.5,
    mainMemory: { type: 'dram', banks: 32, ranks: 2, channels: 1, mode: 'lb' },
  };
}

/** Bits per stored element on the chip: 4-bit data (the per-vector scale is not modelled). */
export const CHIP_ELEMENT_BITS = 4;
