/**
 * Whole-run decisions made before costing: which weights stay on chip, how much of the
 * activation stash the activation buffer keeps, and the capacities the per-op traffic
 * needs. Nothing throws because data is too big: it spills, and the result warns.
 *
 * Weights (no batch dimension, unlike the reference §9.7): if all layer weights fit the
 * weight buffer minus a reserve (dW staging, double buffering), they are fetched once, at
 * their forward use, and stay. Otherwise every use fetches them: forward, and backward for
 * the input gradient (specs/elector-physical.md §5.1: a forward read, a backward read, a
 * dW write). A weight matrix larger than half the buffer is streamed in double-buffered
 * panels; its activation operand is re-read once per panel.
 *
 * Stash (training, §5.2): an op's working set always has priority, so the stash may use
 * the activation buffer minus the largest working set. The last layers' stash stays on chip
 * (backward needs it first); earlier layers spill: written in forward, read in backward.
 */
import type { Formats } from './formats.ts';
import type { BufferModel } from './buffers.ts';

export interface Plan {
  weightsResident: boolean;
  /** Weight elements one panel may hold (Infinity when weights are resident). */
  weightPanelElems: number;
  /** Mask-buffer bits available to the activation and to the weight buffer (split by size). */
  maskShareActivationBits: number;
  maskShareWeightBits: number;
  /** Fraction of each layer's stash that spills to main memory; index = layer + 1 (embedding LN = 0). */
  stashSpill: number[];
  stashElems: number;
  stashSpilledElems: number;
  weightCapacityElems: number;
}

export interface PlanInput {
  layers: number;
  layerWeightElems: number;
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

export function planRun(p: PlanInput): Plan {
  const dataBits = p.activation.capacityBits + p.weight.capacityBits;
  const maskShareActivationBits = (p.mask.capacityBits * p.activation.capacityBits) / dataBits;
  const maskShareWeightBits = p.mask.capacityBits - maskShareActivationBits;
  const weightCapacityElems = p.formats.capacityElems(p.minWeightSparsity, p.weight, maskShareWeightBits);
  const weightsResident = p.layerWeightElems <= (1 - p.weightReserveFraction) * weightCapacityElems;

  const stashSpill = new Array<number>(p.layers + 1).fill(0);
  let stashElems = 0;
  let stashSpilledElems = 0;
  if (p.training) {
    const perLayer = p.forwardStashByLayer;
    const capacity = p.formats.capacityElems(p.minActivationSparsity, p.activation, maskShareActivationBits);
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
    weightPanelElems: weightsResident ? Infinity : weightCapacityElems / 2,
    maskShareActivationBits,
    maskShareWeightBits,
    stashSpill,
    stashElems,
    stashSpilledElems,
    weightCapacityElems,
  };
}
