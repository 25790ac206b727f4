/**
 * Data movement of one op: main-memory bits read and written, and bits through each
 * on-chip buffer (data at the stored width, masks in the mask buffer). Everything read
 * from main memory is written into a buffer, everything written to it is read out of one.
 *
 * Buffer reads of a product: a wave of tiles is laid out as a near-square block of
 * output tiles (R rows × C columns, R·C ≤ N_lanes) and the dataflow module broadcasts
 * each operand tile to the lanes of its row or column, so A is read ⌈J/C⌉ times
 * (J = ⌈N/t⌉ column tiles) and B ⌈I/R⌉ times (I row tiles sharing B). Outputs stay in
 * the lanes over the K loop and are written once.
 *
 * Activation spill: when an op's working set (activation inputs + outputs) exceeds the
 * activation buffer, the excess is written to main memory and read back once (its
 * producer writes it, its consumer reads it: both are charged here).
 */
import type { BufferModel } from './buffers.ts';
import type { Sparsity } from '../types.ts';
import { classIndex, type Formats, type KindFormat } from './formats.ts';
import type { SimOp, TensorClass } from './opTypes.ts';
import { workingSetElems, type Plan } from './plan.ts';
import type { ArrayShape } from './tiling.ts';

export interface Traffic {
  mmReadBits: number;
  mmWriteBits: number;
  activationBits: number;
  weightBits: number;
  maskBits: number;
  /** Activation working-set elements that did not fit and went through main memory. */
  spilledElems: number;
  /** Weight panels streamed (1 when the op's weights fit at once). */
  panels: number;
}

export interface TrafficContext {
  formats: Formats;
  activation: BufferModel;
  weight: BufferModel;
  plan: Plan;
  array: ArrayShape;
  optimizerStateBits: number;
}

const onActivationSide = (c: TensorClass): boolean => c === 'act' || c === 'grad';
const ceil = Math.ceil;

/** Bits of `elems` elements of class `c` through a buffer (data) and the mask buffer. */
function onChip(r: Traffic, k: KindFormat, c: TensorClass, elems: number, toActivation = onActivationSide(c)): void {
  if (elems <= 0) return;
  const i = classIndex(c);
  if (toActivation) {
    r.activationBits += elems * k.activationDataBits[i];
    r.maskBits += elems * k.activationMaskBits[i];
  } else {
    r.weightBits += elems * k.weightDataBits[i];
    r.maskBits += elems * k.weightMaskBits[i];
  }
}

function mmRead(r: Traffic, k: KindFormat, c: TensorClass, elems: number, toActivation = onActivationSide(c)): void {
  r.mmReadBits += elems * k.mainMemoryBits[classIndex(c)];
  onChip(r, k, c, elems, toActivation);
}

function mmWrite(r: Traffic, k: KindFormat, c: TensorClass, elems: number, toActivation = onActivationSide(c)): void {
  r.mmWriteBits += elems * k.mainMemoryBits[classIndex(c)];
  onChip(r, k, c, elems, toActivation);
}

/** Resets a reusable traffic record (the cost loop allocates none per op). */
export function clearTraffic(r: Traffic): Traffic {
  r.mmReadBits = 0;
  r.mmWriteBits = 0;
  r.activationBits = 0;
  r.weightBits = 0;
  r.maskBits = 0;
  r.spilledElems = 0;
  r.panels = 1;
  return r;
}

/** Adds the traffic of `op` to `r` (cleared by the caller). */
export function opTraffic(op: SimOp, k: KindFormat, x: TrafficContext, r: Traffic): Traffic {
  const fetchesWeights = op.direction === 'forward' || !x.plan.weightsResident;

  switch (op.kind) {
    case 'matmul': {
      const { tb, t, lanes } = x.array;
      const rows = op.groups * op.batch;
      const aElems = rows * op.m * op.k;
      const bElems = (op.bShared ? op.groups : rows) * op.k * op.n;
      const outElems = (op.outReduced ? op.groups : rows) * op.m * op.n;
      const colTiles = ceil(op.n / t);
      const rowTiles = op.groups * ceil(op.batch / tb) * ceil(op.m / t);
      const cols = Math.min(colTiles, ceil(Math.sqrt(lanes)));
      const blockRows = Math.max(1, Math.min(rowTiles, Math.floor(lanes / cols)));
      let aReads = ceil(colTiles / cols);
      const bSharers = op.bShared ? ceil(op.batch / tb) * ceil(op.m / t) : ceil(op.m / t);
      if (op.b === 'weight') {
        r.panels = Math.max(1, ceil((bElems + op.biasElems) / x.plan.weightPanelElems));
        aReads = Math.max(aReads, r.panels);
        if (fetchesWeights) mmRead(r, k, 'weight', bElems + op.biasElems);
      }
      onChip(r, k, op.a, aElems * aReads);
      onChip(r, k, op.b, bElems * ceil(bSharers / blockRows) + op.biasElems);
      onChip(r, k, op.out, outElems);
      if (op.out === 'wgrad') mmWrite(r, k, 'wgrad', outElems + op.biasElems);
      break;
    }
    case 'conv':
      if (op.b === 'weight' && fetchesWeights) mmRead(r, k, 'weight', op.bElems);
      onChip(r, k, op.a, op.aElems);
      onChip(r, k, op.b, op.bElems);
      onChip(r, k, op.out, op.outElems);
      if (op.out === 'wgrad') mmWrite(r, k, 'wgrad', op.outElems);
      break;
    case 'softmax':
    case 'layerNorm':
    case 'nonLinearity': {
      const plane = op.batch * op.rows * op.cols;
      onChip(r, k, op.in, op.inputs * plane);
      onChip(r, k, op.out, plane);
      break;
    }
    case 'load':
      mmRead(r, k, op.tensor, op.elems, op.buffer === 'activation');
      break;
    case 'store':
      mmWrite(r, k, op.tensor, op.elems, op.buffer === 'activation');
      break;
    case 'optimizer': {
      const { readBits, writeBits } = adamwTrafficBits(op.params, x.formats, k.sparsity, x.optimizerStateBits);
      r.mmReadBits += readBits;
      r.mmWriteBits += writeBits;
      // Streamed through the weight buffer: written on arrival, read by the lanes, and back.
      r.weightBits += 2 * (readBits + writeBits);
      break;
    }
  }
  addSpills(op, k, x, r);
  return r;
}

/**
 * One AdamW step (specs/elector-physical.md §5.1): read θ (fp32 master), g, m, v; write θ,
 * m, v and the 20-bit compute copy the next forward reads. With fp32 states and 20-bit g
 * and copy: 116 + 116 bits = 29 B per parameter. Dense: decay and momentum touch every
 * parameter; only g and the copy may be stored compressed.
 */
export function adamwTrafficBits(params: number, f: Formats, s: Sparsity, stateBits: number): { readBits: number; writeBits: number } {
  return {
    readBits: params * (3 * stateBits + f.mainMemoryBits(s.gradient)),
    writeBits: params * (3 * stateBits + f.mainMemoryBits(s.weight)),
  };
}

function addSpills(op: SimOp, k: KindFormat, x: TrafficContext, r: Traffic): void {
  const s = k.sparsity;
  // Stash spilled by this op's layer: forward writes it, the first backward op reads it back.
  if (op.stashElems > 0) {
    const spilled = op.stashElems * x.plan.stashSpill[op.layer + 1];
    if (spilled > 0) (op.direction === 'forward' ? mmWrite : mmRead)(r, k, 'act', spilled, true);
  }
  if (op.kind === 'load' || op.kind === 'store') return;
  const ws = workingSetElems(op);
  if (ws === 0) return;
  // Capacity at the op's least sparse activation-side tensor, so it never overstates.
  const sMin = op.direction === 'forward' ? s.activation : Math.min(s.activation, s.gradient);
  const capacity = x.formats.capacityElems(sMin, x.activation, x.plan.maskShareActivationBits);
  if (ws <= capacity) return;
  r.spilledElems = ws - capacity;
  // Charged at the format of what the op mostly moves: activations forward, gradients backward.
  const cls: TensorClass = op.direction === 'forward' ? 'act' : 'grad';
  mmWrite(r, k, cls, r.spilledElems, true);
  mmRead(r, k, cls, r.spilledElems, true);
}
