/**
 * The physical range and type of every constant of `reference.ts` and `elector.ts`,
 * for checking user overrides (`transcode simulate --constants FILE`) before they
 * reach a cost model that would turn a negative energy or an efficiency of 3 into
 * a plausible-looking but meaningless result.
 *
 * The tables mirror the constants' types (`RulesOf<T>`), so a constant added to
 * an interface without a rule is a type error; validate.test.ts checks the same
 * at run time against the default tables.
 */
import { RUN_SETTING_LIMITS } from '../types.ts';
import { REFERENCE_CONSTANTS, type BufferConstant, type ModuleConstant, type ReferenceConstants } from './reference.ts';
import type { ElectorConstants, MainMemoryTypeConstants } from './elector.ts';

export type Rule =
  | { kind: 'number'; min: number; max: number; minOpen?: boolean; maxOpen?: boolean; integer?: boolean }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'boolean' };

export type RulesOf<T> = { readonly [K in keyof T]-?: T[K] extends number | string | boolean ? Rule : RulesOf<T[K]> };

/** Rates, sizes, energies and latencies a cost model multiplies or divides by: zero or less is not physical. */
const positive: Rule = { kind: 'number', min: 0, max: Infinity, minOpen: true };
/** Overheads that may be idealised away (0), never negative. */
const nonNegative: Rule = { kind: 'number', min: 0, max: Infinity };
/** Controller efficiency: a fraction of the peak, never none of it. */
const efficiency: Rule = { kind: 'number', min: 0, max: 1, minOpen: true };
const fraction: Rule = { kind: 'number', min: 0, max: 1 };
/** Sparsity: a fraction of zeros; 1 would leave nothing to compute. */
const sparsity: Rule = { kind: 'number', min: 0, max: 1, maxOpen: true };
/** A stored element's or field's bit width: whole bits, at most a 64-bit word. */
const bits: Rule = { kind: 'number', min: 1, max: 64, integer: true };
const count: Rule = { kind: 'number', min: 1, max: Infinity, integer: true };
/** A clock has the range the app's clock setting has. */
const clock: Rule = { kind: 'number', min: RUN_SETTING_LIMITS.clockMHz.min, max: RUN_SETTING_LIMITS.clockMHz.max };
const oneOf = (...values: string[]): Rule => ({ kind: 'enum', values });

// Leakage may be idealised to 0 (a what-if); area and dynamic power of a module that exists cannot.
const module: RulesOf<ModuleConstant> = { areaUm2: positive, dynamicMW: positive, leakageMW: nonNegative };
const byTile: RulesOf<Record<'8' | '16' | '32', ModuleConstant>> = { '8': module, '16': module, '32': module };
// leakageMWPerMB divides the LSTP periphery scale (model/buffers.ts): positive.
const buffer: RulesOf<BufferConstant> = { blockSize: count, bandwidth: positive, areaUm2PerMB: positive, energyNJPerBlock: positive, leakageMWPerMB: positive };

export const REFERENCE_RULES: RulesOf<ReferenceConstants> = {
  sparsity: { activation: sparsity, weight: sparsity, gradient: sparsity },
  clockMHz: clock,
  // The integer part of a fixed-point number may be empty; the fraction may not.
  bits: { integer: { kind: 'number', min: 0, max: 63, integer: true }, fraction: bits },
  lane: { '1': { relu: module, gelu: module }, '16': { relu: module, gelu: module } },
  stochasticRounding: module,
  dataflow: module,
  dma: module,
  fifo: module,
  layerNorm: byTile,
  softmax: byTile,
  preSparsity: module,
  postSparsity: module,
  weightBuffer: buffer,
  activationBuffer: buffer,
  maskBuffer: buffer,
  mainMemory: {
    blockSize: count,
    bandwidth: { lb: positive, hb: positive },
    // One entry per memory configuration of the design space, all energies: the keys are the table's own.
    energyNJPerBlock: Object.fromEntries(Object.keys(REFERENCE_CONSTANTS.mainMemory.energyNJPerBlock).map((k) => [k, positive])),
  },
};

const memoryType: RulesOf<MainMemoryTypeConstants> = {
  channelBandwidthGBps: positive,
  efficiency,
  firstWordLatencyNs: nonNegative,
  readEnergyPJPerBit: positive,
  writeEnergyPJPerBit: positive,
  backgroundMW: nonNegative,
  backgroundUnit: oneOf('device', 'channel', 'rank'),
  devicesPerRank: count,
};

export const ELECTOR_RULES: RulesOf<ElectorConstants> = {
  data: {
    elementBits: bits,
    // 0: compressed tensors carry no mask (an idealisation); more than a word per element is not a mask.
    maskBitsPerElement: { kind: 'number', min: 0, max: 64, integer: true },
    optimizerStateBits: bits,
  },
  mainMemory: {
    dram: memoryType,
    hbm: memoryType,
    rram: memoryType,
    rramBandwidth: oneOf('perChannel', 'isoPin'),
    rramPowerGated: { kind: 'boolean' },
  },
  sram: {
    energyNJPer64BPerSqrtMB: positive,
    minEnergyNJPer64B: nonNegative,
    bankBytes: count,
    maxBankMB: positive,
    lanesPerBankPort: count,
    extraBankAreaMm2: nonNegative,
    extraBankLeakageMW: nonNegative,
    accessLatencyNsAt4MB: nonNegative,
    // Larger banks are never faster.
    accessLatencyExponent: nonNegative,
    cell: oneOf('hp', 'lstp'),
    lstpLeakageMWPerMB: positive,
    lstpLatencyFactor: positive,
    // Keeping the whole weight buffer free would leave no room for the weights.
    weightBufferReserveFraction: { kind: 'number', min: 0, max: 1, maxOpen: true },
  },
  optimizer: { laneOpsPerParam: positive, gradientAccumulatorBits: bits },
  energy: { nominalClockMHz: clock, gatedLeakageFraction: fraction },
};

/** An override file's two tables. */
export const CONSTANT_RULES = { reference: REFERENCE_RULES, elector: ELECTOR_RULES } as const;

/**
 * Entries a cost model never reads, by path prefix, with why: an override of one
 * would change nothing, which a user tuning it would not notice. validate.test.ts
 * checks each against the models (changing them leaves every result the same).
 */
export const IGNORED_BY: Record<'elector' | 'reference', Readonly<Record<string, string>>> = {
  elector: {
    'reference.clockMHz': 'the run\'s clock is the clock setting (--clock), not this entry',
    'reference.bits': 'the elector model stores elements of elector.data.elementBits bits',
    'reference.mainMemory': 'the elector model\'s main memory is elector.mainMemory',
    ...Object.fromEntries((['weightBuffer', 'activationBuffer', 'maskBuffer'] as const).flatMap((b) => (['blockSize', 'bandwidth', 'energyNJPerBlock'] as const).map((k) => [
      `reference.${b}.${k}`, 'the elector model takes SRAM access energy and bandwidth from elector.sram (it keeps only area and leakage per MB of this table)',
    ]))),
  },
  reference: {
    'reference.clockMHz': 'the run\'s clock is the clock setting (--clock), not this entry',
    elector: 'the reference model (AccelTran\'s simulate_fast) reads only the reference table; use the elector cost model',
  },
};
