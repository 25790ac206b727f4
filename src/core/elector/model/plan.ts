/**
 * Whole-run decisions made before costing: which weights stay on chip, how the mask
 * buffer is shared, how much of the activation stash the activation buffer keeps, and
 * the capacities the per-op mapper works within. Nothing throws because data is too big:
 * it is blocked or spills, and the result warns.
 *
 * Weights (no batch dimension, unlike the reference §9.7): if all layer weights fit the
 * weight buffer minus a reserve (dW staging, double buffering), they are fetched once, at
 * their forward use, and stay. Otherwise every use fetches them (forward, and backward for
 * the input gradient: docs/elector-physical.md §5.1), one double-buffered half of the
 * buffer at a time; the mapper blocks a larger matrix into panels of that half.
 *
 * Mask buffer, by need: compressed data on chip needs one mask bit per element. The
 * activation side's need comes first; the weights get the rest (stored dense where their
 * share runs out). In training, the weights come first when that alone keeps them resident.
 *
 * Stash (training, §5.2): an op's working set has priority, so the stash may use the
 * activation buffer minus the largest working set. The last layers' stash stays on chip
 * (backward needs it first); earlier layers spill: written in forward, read in backward.
 */
import type { Formats } from './formats.ts';
import type { BufferModel } from './buffers.ts';

export interface Plan {
  weightsResident: boolean;
  /**
   * The layers' weights would fit, but stream as if they did not: a pass with a tied MLM
   * decoder, or a training pass, ran faster that way (passes.ts). Absent from `planRun`'s plans.
   */
  weightsLetGo?: boolean;
  /** The mask buffer's first claim went to the weights (`planRun`'s `weightsFirst`, where it applied). */
  weightsFirst?: boolean;
  /** Weight elements one double-buffered half of the weight buffer holds (a panel). */
  weightPanelElems: number;
  /** Mask-buffer bits given to the activation and to the weight buffer (by need). */
  maskShareActivationBits: number;
  maskShareWeightBits: number;
  /** Fraction of each layer's stash that spills to main memory; index = layer + 1 (embedding LN = 0). */
  stashSpill: number[];
  stashElems: number;
  stashSpilledElems: number;
  /** Stash elements kept in the activation buffer through the run. */
  stashKeptElems: number;
  /**
   * Activation-buffer elements the stash leaves to every op's working set: the largest
   * working set when any stash is kept (the stash only takes what is left beside it).
   */
  workingSetFloorElems: number;
  weightCapacityElems: number;
}

export interface PlanInput {
  layers: number;
  layerWeightElems: number;
  /** The largest layer's weights, elements (inference keeps them on chip layer by layer when they fit). */
  maxLayerWeightElems: number;
  /** Largest activation working set of any op, elements. */
  maxWorkingSetElems: number;
  /** Stash kept by the forward ops of each layer, elements; index = layer + 1 (embedding LN = 0). */
  forwardStashByLayer: ArrayLike<number>;
  activation: BufferModel;
  weight: BufferModel;
  mask: BufferModel;
  formats: Formats;
  /** Lowest weight and activation sparsity of any op kind: capacities must not overstate. */
  minWeightSparsity: number;
  minActivationSparsity: number;
  weightReserveFraction: number;
  training: boolean;
}

/**
 * `weightsFirst`: the mask buffer's first claim goes to the weights, when that alone keeps them
 * resident (saving their backward re-read in training), or in inference keeps the largest
 * layer's weights on chip (later passes then find them layer by layer), instead of to the
 * activations.
 * Neither order is better for every run: the caller schedules both and keeps the faster
 * (passes.ts), so that more mask buffer never forces a worse split on a run.
 */
export function planRun(p: PlanInput, weightsFirst = false): Plan {
  const f = p.formats;
  const maskBits = p.mask.capacityBits;
  // Activations first: they are read many times per op and between ops, while weights that
  // do not stay resident stream through anyway.
  const activationNeed = f.onChipMaskBits(p.minActivationSparsity, p.activation) * f.capacityElems(p.minActivationSparsity, p.activation, Infinity);
  let maskShareActivationBits = Math.min(maskBits, activationNeed);
  let claimed = false;
  if (weightsFirst && !residentWith(p, maskBits - maskShareActivationBits)) {
    // Their need is the mask of the elements that must fit for residency: the layer weights
    // over (1 − reserve), as `residentWith` asks (plus one element, so that rounding of
    // the quotient cannot leave them a fraction short). Without the reserve the weights
    // never qualified, and a bigger activation buffer, taking more mask, evicted them.
    const residentElems = Math.ceil(p.layerWeightElems / (1 - p.weightReserveFraction)) + 1;
    const weightNeed = f.onChipMaskBits(p.minWeightSparsity, p.weight) * residentElems;
    if (weightNeed <= maskBits && residentWith(p, weightNeed)) {
      maskShareActivationBits = maskBits - weightNeed;
      claimed = true;
    } else if (!p.training) {
      // Inference: later passes of a sub-batched run also find the weights on chip layer by
      // layer, when the largest layer's fit. A bigger activation buffer, taking more mask, once
      // evicted them that way and ran 88 % slower.
      const layerNeed = f.onChipMaskBits(p.minWeightSparsity, p.weight) * (p.maxLayerWeightElems + 1);
      if (layerNeed <= maskBits && p.maxLayerWeightElems <= f.capacityElems(p.minWeightSparsity, p.weight, layerNeed)) {
        maskShareActivationBits = Math.min(maskShareActivationBits, maskBits - layerNeed);
        claimed = true;
      }
    }
  }
  const maskShareWeightBits = maskBits - maskShareActivationBits;
  const weightCapacityElems = f.capacityElems(p.minWeightSparsity, p.weight, maskShareWeightBits);
  const weightsResident = p.layerWeightElems <= (1 - p.weightReserveFraction) * weightCapacityElems;

  const stashSpill = new Array<number>(p.layers + 1).fill(0);
  let stashElems = 0;
  let stashSpilledElems = 0;
  if (p.training) {
    const perLayer = p.forwardStashByLayer;
    const capacity = f.capacityElems(p.minActivationSparsity, p.activation, maskShareActivationBits);
    let free = Math.max(0, capacity - p.maxWorkingSetElems);
    for (let i = p.layers; i >= 0; i--) {
      const kept = Math.min(perLayer[i], free);
      free -= kept;
      stashSpill[i] = perLayer[i] > 0 ? 1 - kept / perLayer[i] : 0;
      stashElems += perLayer[i];
      stashSpilledElems += perLayer[i] - kept;
    }
  }
  return {
    weightsResident,
    ...(claimed ? { weightsFirst: true } : {}),
    // Resident weights keep their share: what is left is double-buffered (dW panels, streamed B).
    weightPanelElems: (weightsResident ? weightCapacityElems - p.layerWeightElems : weightCapacityElems) / 2,
    maskShareActivationBits,
    maskShareWeightBits,
    stashSpill,
    stashElems,
    stashSpilledElems,
    stashKeptElems: stashElems - stashSpilledElems,
    workingSetFloorElems: stashElems - stashSpilledElems > 0 ? p.maxWorkingSetElems : 0,
    weightCapacityElems,
  };
}

/** Whether every layer's weights fit beside the reserve, with `share` mask bits for the weight buffer. */
function residentWith(p: PlanInput, share: number): boolean {
  return p.layerWeightElems <= (1 - p.weightReserveFraction) * p.formats.capacityElems(p.minWeightSparsity, p.weight, share);
}
