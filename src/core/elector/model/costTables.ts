/**
 * What the cost loop reads, fixed for a run: the array's shape and its derived tile
 * constants, the formats of every (op kind, tensor class) flattened into one Float64Array,
 * and the plan's decisions. Built once per run so the per-op code reads plain numbers and
 * never walks objects; every value is the one the per-op formula would compute, so the
 * results are the same to the bit.
 *
 * The per-op results go into `OpCost`, a reused Float64Array with named slots.
 */
import type { ElectorConstants } from '../constants/elector.ts';
import type { BufferModel } from './buffers.ts';
import type { Sparsity } from '../types.ts';
import { classSparsity, type Formats } from './formats.ts';
import { CLASS_CODES, onActivationSide } from './opTable.ts';
import type { Plan } from './plan.ts';

/** The array of MAC lanes and normalisation units. */
export interface ArrayShape {
  tb: number;
  t: number;
  pe: number;
  lanesPerPe: number;
  macsPerLane: number;
  softmaxPerPe: number;
  lanes: number;
  softmaxUnits: number;
}

/** Fields per (format, class) in `CostTables.formats`. */
export const FORMAT_FIELDS = 9;
export const FMT_SPARSITY = 0;
export const FMT_MAIN_MEMORY_BITS = 1;
/** Bits per element in a given buffer: data and mask, activation and weight buffer. */
export const FMT_ACTIVATION_DATA_BITS = 2;
export const FMT_ACTIVATION_MASK_BITS = 3;
export const FMT_WEIGHT_DATA_BITS = 4;
export const FMT_WEIGHT_MASK_BITS = 5;
/**
 * The same, in the buffer the class lives in (activations and gradients in the activation
 * buffer, the rest in the weight buffer) and 0 in the other: the cost loop adds
 * elems × both data fields without a branch (adding 0 changes no sum).
 */
export const FMT_OWN_ACTIVATION_DATA_BITS = 6;
export const FMT_OWN_WEIGHT_DATA_BITS = 7;
export const FMT_OWN_MASK_BITS = 8;

/** Tensor classes per format (`CLASS_CODES`); a literal, so the offset below folds to a multiply-add. */
const CLASSES = 5;

/** Offset of (format, class) in `CostTables.formats`; formats by `formatIndex`, classes by `classCode`. */
export function formatOffset(format: number, cls: number): number {
  return (format * CLASSES + cls) * FORMAT_FIELDS;
}

export interface CostTables {
  array: ArrayShape;
  /** tb·t³ MACs of a product tile, tb·t² of a conv tile per tap (and of a non-linearity tile). */
  productTileMacs: number;
  planeTileMacs: number;
  /** Cycles of a softmax or LayerNorm tile: tb·2t. */
  normTileCycles: number;
  laneOpsPerParam: number;
  formats: Float64Array;
  /** AdamW main-memory bits per parameter, read and written (`optimizerTrafficBits`). */
  adamwReadBitsPerParam: number;
  adamwWriteBitsPerParam: number;
  weightsResident: boolean;
  /** A later pass of a sub-batched run: every layer's weights are still on chip from the first pass. */
  weightsLoaded: boolean;
  /** Weight elements of one double-buffered half of the weight buffer. */
  weightPanelElems: number;
  stashSpill: readonly number[];
  /** Some layer's stash spills (else the per-op stash check is skipped). */
  anyStashSpill: boolean;
  /**
   * Activation-buffer elements an op's working set may use (capacity minus the stash kept
   * on chip): index 2·format + 0 forward (s_a), + 1 otherwise (min(s_a, s_g)).
   */
  residentCapacityElems: readonly number[];
  /** Half the activation buffer, elements (a block of A held while B streams past it). */
  activationHalfElems: readonly number[];
  /** Buffer bandwidths, bits per cycle: the mapper weighs traffic by them. */
  activationBitsPerCycle: number;
  weightBitsPerCycle: number;
  /** Mask-buffer bandwidth (Infinity when the caller gives no mask buffer: masks never bind). */
  maskBitsPerCycle: number;
  /** Weight-gradient accumulator: bits per element, and the fraction of micro-batches that read it back first. */
  accumulatorBits: number;
  accumulatorReadFraction: number;
}

export interface CostTablesInput {
  array: ArrayShape;
  /** By `formatIndex`: one per op kind, then the global one (`runSparsities`). */
  sparsity: readonly Sparsity[];
  formats: Formats;
  activation: BufferModel;
  weight: BufferModel;
  /** The mask buffer, whose bandwidth the mapper weighs too; omitted, masks never bind. */
  mask?: BufferModel;
  plan: Plan;
  constants: ElectorConstants;
  /** Training: micro-batches per optimizer step. */
  accumulationSteps: number;
  /** See `CostTables.weightsLoaded`. Default false. */
  weightsLoaded?: boolean;
}

/** Storage of the format table, shared: a run's tables are used at once and dropped (simulations are synchronous). */
let formatStorage = new Float64Array(0);

/** The tables of a run. Valid until the next call: their format table lives in shared storage. */
export function costTables(x: CostTablesInput): CostTables {
  const { tb, t } = x.array;
  const f = x.formats;
  if (CLASS_CODES.length !== CLASSES) throw new Error('internal: tensor classes changed, update CLASSES');
  const size = x.sparsity.length * CLASSES * FORMAT_FIELDS;
  if (formatStorage.length < size) formatStorage = new Float64Array(size);
  const formats = formatStorage;
  const residentCapacityElems: number[] = [];
  const activationHalfElems: number[] = [];
  const stashKept = x.plan.stashKeptElems;
  const maskShare = x.plan.maskShareActivationBits;
  for (let format = 0; format < x.sparsity.length; format++) {
    const s = x.sparsity[format];
    const previous = format > 0 ? x.sparsity[format - 1] : undefined;
    if (previous && previous.activation === s.activation && previous.weight === s.weight && previous.gradient === s.gradient) {
      // Same sparsity as the format before (the usual case: no per-kind overrides): same numbers.
      formats.copyWithin(formatOffset(format, 0), formatOffset(format - 1, 0), formatOffset(format, 0));
      residentCapacityElems.push(residentCapacityElems[2 * format - 2], residentCapacityElems[2 * format - 1]);
      activationHalfElems.push(activationHalfElems[format - 1]);
      continue;
    }
    for (let c = 0; c < CLASSES; c++) {
      const o = formatOffset(format, c);
      const sc = classSparsity(CLASS_CODES[c], s);
      const activationData = f.onChipDataBits(sc, x.activation);
      const activationMask = f.onChipMaskBits(sc, x.activation);
      const weightData = f.onChipDataBits(sc, x.weight);
      const weightMask = f.onChipMaskBits(sc, x.weight);
      const activationSide = onActivationSide(c);
      formats[o + FMT_SPARSITY] = sc;
      formats[o + FMT_MAIN_MEMORY_BITS] = f.mainMemoryBits(sc);
      formats[o + FMT_ACTIVATION_DATA_BITS] = activationData;
      formats[o + FMT_ACTIVATION_MASK_BITS] = activationMask;
      formats[o + FMT_WEIGHT_DATA_BITS] = weightData;
      formats[o + FMT_WEIGHT_MASK_BITS] = weightMask;
      formats[o + FMT_OWN_ACTIVATION_DATA_BITS] = activationSide ? activationData : 0;
      formats[o + FMT_OWN_WEIGHT_DATA_BITS] = activationSide ? 0 : weightData;
      formats[o + FMT_OWN_MASK_BITS] = activationSide ? activationMask : weightMask;
    }
    const forward = f.capacityElems(s.activation, x.activation, maskShare);
    const backward = f.capacityElems(Math.min(s.activation, s.gradient), x.activation, maskShare);
    // The stash was sized to leave the largest working set free (plan.ts); at another
    // sparsity the buffer holds at least as much. Rounding of capacity − stash must not
    // make the largest op spill (a bigger mask buffer once did: +19 % cycles).
    const floor = x.plan.workingSetFloorElems;
    residentCapacityElems.push(Math.max(0, floor, forward - stashKept), Math.max(0, floor, backward - stashKept));
    activationHalfElems.push(Math.max(1, Math.min(forward, backward) / 2));
  }
  // Transfers and the optimizer take the global sparsity, the last format.
  const adamw = optimizerTrafficBits(1, f, x.sparsity[x.sparsity.length - 1], x.constants);
  const steps = x.accumulationSteps;
  return {
    array: x.array,
    productTileMacs: tb * t * t * t,
    planeTileMacs: tb * t * t,
    normTileCycles: tb * 2 * t,
    laneOpsPerParam: x.constants.optimizer.laneOpsPerParam,
    formats,
    adamwReadBitsPerParam: adamw.readBits,
    adamwWriteBitsPerParam: adamw.writeBits,
    weightsResident: x.plan.weightsResident,
    weightsLoaded: x.weightsLoaded ?? false,
    weightPanelElems: Math.max(1, x.plan.weightPanelElems),
    stashSpill: x.plan.stashSpill,
    anyStashSpill: anyPositive(x.plan.stashSpill),
    residentCapacityElems,
    activationHalfElems,
    activationBitsPerCycle: x.activation.bitsPerCycle,
    weightBitsPerCycle: x.weight.bitsPerCycle,
    maskBitsPerCycle: x.mask ? x.mask.bitsPerCycle : Infinity,
    accumulatorBits: x.constants.optimizer.gradientAccumulatorBits,
    accumulatorReadFraction: (steps - 1) / steps,
  };
}

function anyPositive(xs: readonly number[]): boolean {
  for (let i = 0; i < xs.length; i++) if (xs[i] > 0) return true;
  return false;
}

/**
 * One optimizer step per global batch (docs/elector-physical.md §5.1), per parameter:
 * the clipping pass reads the fp32 accumulated gradient g once for its global norm; AdamW
 * then reads θ (fp32 master), g, m, v and writes θ, m, v and the 20-bit compute copy the
 * next forward reads. With fp32 states and accumulators: 5·32 bits read, 3·32 + 20
 * written (34.5 B per parameter). Dense: decay and momentum touch every parameter.
 */
export function optimizerTrafficBits(params: number, f: Formats, s: Sparsity, c: ElectorConstants): { readBits: number; writeBits: number } {
  const state = c.data.optimizerStateBits;
  const g = c.optimizer.gradientAccumulatorBits;
  return {
    readBits: params * (3 * state + 2 * g),
    writeBits: params * (3 * state + f.mainMemoryBits(s.weight)),
  };
}

/** Slots of the per-op record `costRow` fills (opCost.ts). */
export const COST_CYCLES = 0;
/** MAC-lane cycles (sum over lanes of their busy cycles). */
export const COST_LANE_BUSY = 1;
export const COST_SOFTMAX_BUSY = 2;
export const COST_LAYER_NORM_BUSY = 3;
/** PE cycles during which the PE's DMA and dataflow modules work. */
export const COST_PE_BUSY = 4;
/** Useful MAC-lane operations after zero-skipping. */
export const COST_MACS = 5;
export const COST_MM_READ_BITS = 6;
export const COST_MM_WRITE_BITS = 7;
export const COST_ACTIVATION_BITS = 8;
export const COST_WEIGHT_BITS = 9;
export const COST_MASK_BITS = 10;
/** Activation working-set elements that did not fit and went through main memory. */
export const COST_SPILLED_ELEMS = 11;
/** Buffer blocks of the mapping (panels of B, or blocks of A): 1 when everything fits. */
export const COST_PANELS = 12;
/** Main-memory read bits that do not depend on the previous op (weights): they may start loading early. */
export const COST_PREFETCH_BITS = 13;
/** 1 when the op's activation-side output stays in the activation buffer. */
export const COST_OUT_ON_CHIP = 14;
/** Mapping: `ORDER_*`, wave shape, main-memory passes and buffer reads of A and B. */
export const COST_ORDER = 15;
export const COST_WAVE_ROWS = 16;
export const COST_WAVE_COLS = 17;
export const COST_PASSES_A = 18;
export const COST_PASSES_B = 19;
export const COST_READS_A = 20;
export const COST_READS_B = 21;
/** Cycles of one tile on its unit: the last tile's compute after its data (drain). */
export const COST_TILE_CYCLES = 22;
/** Of those, the bits that may land before the op starts: one double-buffered panel. */
export const COST_PREFETCH_AHEAD_BITS = 23;
/** 1 when the op runs fused into its producer (a forward non-linearity): it adds no time of its own. */
export const COST_FUSED = 24;
export const COST_SLOTS = 25;

export const ORDER_NONE = 0;
export const ORDER_FITS = 1;
export const ORDER_WEIGHTS_STATIONARY = 2;
export const ORDER_ACTIVATIONS_STATIONARY = 3;

export type OpCost = Float64Array;

export function opCostRecord(): OpCost {
  return new Float64Array(COST_SLOTS);
}
