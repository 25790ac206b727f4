/**
 * A single fully connected layer run on its own through the elector model's op costing,
 * schedule and energy (read-only use of the model's internals, as `runElector` uses them
 * for one pass): the stand-in for the VSQ chip's "benchmark layer", whose shape the papers'
 * abstracts do not give. Weights and inputs are on chip already (as on a test chip that
 * loads them before the measurement), so main memory is not touched.
 */
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import { resolveSimOptions } from '../simulate.ts';
import type { ElectorEnergyNJ, SimOptions } from '../types.ts';
import { bufferModel } from '../model/buffers.ts';
import { costTables, type ArrayShape } from '../model/costTables.ts';
import { electorEnergy } from '../model/energy.ts';
import { createFormats, runSparsities, sparsityTable } from '../model/formats.ts';
import { mainMemoryModel } from '../model/memory.ts';
import { linear } from '../model/opBuilders.ts';
import { OpTable } from '../model/opTable.ts';
import { planRun } from '../model/plan.ts';
import { scheduleRun } from '../model/schedule.ts';

export interface LayerShape {
  /** Tokens per sequence (the batch comes from the accelerator). */
  rows: number;
  inWidth: number;
  outWidth: number;
}

export interface LayerRun {
  cycles: number;
  /** Dense MACs (batch · rows · in · out) and the MACs after zero-skipping. */
  denseMacs: number;
  macs: number;
  energyNJ: ElectorEnergyNJ;
  mainMemoryBytes: number;
}

export function runLayer(acc: AcceleratorConfig, shape: LayerShape, options: SimOptions): LayerRun {
  const o = resolveSimOptions(options);
  const elector = o.electorConstants, reference = o.referenceConstants, f = o.clockMHz;
  const array: ArrayShape = {
    tb: acc.tile.b, t: acc.tile.x, pe: acc.pe, lanesPerPe: acc.lanesPerPe, macsPerLane: acc.macsPerLane,
    softmaxPerPe: acc.softmaxPerPe, lanes: acc.pe * acc.lanesPerPe, softmaxUnits: acc.pe * acc.softmaxPerPe,
  };
  const memory = mainMemoryModel(acc, elector, f);
  const activation = bufferModel(acc.activationBufferMB, array.lanes, reference.activationBuffer, elector, f);
  const weight = bufferModel(acc.weightBufferMB, array.lanes, reference.weightBuffer, elector, f);
  const mask = bufferModel(acc.maskBufferMB, array.lanes, reference.maskBuffer, elector, f);
  const formats = createFormats(elector.data.elementBits, elector.data.maskBitsPerElement, mask);
  const byKind = sparsityTable(o.sparsity, o.sparsityByOp);
  const t = new OpTable(1);
  const batch = acc.batchSize;
  linear(t, 'benchmark', { layer: 0, head: -1, prefix: '' }, batch, 1, shape.rows, shape.inWidth, shape.outWidth, 0);
  const workingSet = batch * shape.rows * (shape.inWidth + shape.outWidth);
  const weightElems = shape.inWidth * shape.outWidth + shape.outWidth;
  const plan = planRun({
    layers: 1, layerWeightElems: weightElems, maxLayerWeightElems: weightElems, maxWorkingSetElems: workingSet,
    forwardStashByLayer: new Float64Array(2), activation, weight, mask, formats,
    minWeightSparsity: byKind.matmul.weight, minActivationSparsity: byKind.matmul.activation, weightReserveFraction: 0, training: false,
  });
  const tables = costTables({
    array, sparsity: runSparsities(byKind, o.sparsity), formats, activation, weight, plan, constants: elector, accumulationSteps: 1,
    weightsLoaded: true,
  });
  const totals = scheduleRun(t, { memory, activation, weight, mask, tables, timeline: false }, 1);
  const energyNJ = electorEnergy({
    totals, acc, mode: 'inference', reference, elector, clockMHz: f, powerGating: o.powerGating, activation, weight, mask, memory,
  });
  return {
    cycles: totals.cycles,
    denseMacs: batch * shape.rows * shape.inWidth * shape.outWidth,
    macs: totals.macs,
    energyNJ,
    mainMemoryBytes: (totals.mmReadBits + totals.mmWriteBits) / 8,
  };
}
