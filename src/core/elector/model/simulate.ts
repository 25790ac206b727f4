/**
 * `simulateElector`: the physically consistent cost model of ELECTOR (the default).
 * Same hardware and module constants as the reference (area, per-module power), with
 * real shapes and tiling, the grounded memory system of specs/elector-physical.md, and a
 * real training step (backward + AdamW). Closed form per op: microseconds per run.
 */
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import { timeAndArea } from '../area.ts';
import type { ElectorConstants } from '../constants/elector.ts';
import type { ReferenceConstants } from '../constants/reference.ts';
import type { ElectorEnergyNJ, SimMode, SimResult, Sparsity, SparsityByOp } from '../types.ts';
import { bufferModel } from './buffers.ts';
import { costTables, type ArrayShape } from './costTables.ts';
import { electorEnergy } from './energy.ts';
import { createFormats, runSparsities, sparsityTable } from './formats.ts';
import { mainMemoryModel } from './memory.ts';
import { cachedOps } from './opCache.ts';
import type { OpList } from './ops.ts';
import { plainModel } from './plainModel.ts';
import { planRun, type Plan } from './plan.ts';
import { scheduleRun, type RunTotals } from './schedule.ts';

import { runWarnings } from './warnings.ts';

export interface ElectorSimOptions {
  mode: SimMode;
  clockMHz: number;
  sparsity: Sparsity;
  /** Per-kind overrides of the global sparsity. */
  sparsityByOp?: SparsityByOp;
  constants: { reference: ReferenceConstants; elector: ElectorConstants };
  /** Record a per-op timeline (off for sweeps). */
  timeline: boolean;
  seqLen?: number;
  accumulationSteps?: number;
  mlmHead?: boolean;
  powerGating?: boolean;
}

/** The result plus the internals that tests and diagnostics look at. */
export interface ElectorRun {
  result: SimResult;
  totals: RunTotals;
  plan: Plan;
  opList: OpList;
  /** Main-memory bandwidth at wire rate, bytes per cycle. */
  peakBytesPerCycle: number;
  /** MAC units of the array. */
  macUnits: number;
}

const ENERGY_KEYS: readonly (keyof ElectorEnergyNJ)[] = [
  'macLanes', 'softmax', 'layerNorm', 'sparsity', 'others', 'activationBuffer', 'weightBuffer', 'maskBuffer', 'mainMemory',
];

export function simulateElector(model: ModelDict, acc: AcceleratorConfig, opts: ElectorSimOptions): SimResult {
  // The result keeps nothing of the op list, so a fresh model's list may live in scratch storage.
  return runElector(model, acc, opts, true).result;
}

/** `transientOps`: the returned `opList` is only valid until the next run (see opCache.ts). */
export function runElector(dict: ModelDict, acc: AcceleratorConfig, opts: ElectorSimOptions, transientOps = false): ElectorRun {
  const model = plainModel(dict);
  const { mode, clockMHz, sparsity } = opts;
  const { reference, elector } = opts.constants;
  const training = mode === 'training';

  const array: ArrayShape = {
    tb: acc.tile.b, t: acc.tile.x, pe: acc.pe, lanesPerPe: acc.lanesPerPe, macsPerLane: acc.macsPerLane,
    softmaxPerPe: acc.softmaxPerPe, lanes: acc.pe * acc.lanesPerPe, softmaxUnits: acc.pe * acc.softmaxPerPe,
  };
  const memory = mainMemoryModel(acc, elector, clockMHz);
  const activation = bufferModel(acc.activationBufferMB, reference.activationBuffer, elector, clockMHz);
  const weight = bufferModel(acc.weightBufferMB, reference.weightBuffer, elector, clockMHz);
  const mask = bufferModel(acc.maskBufferMB, reference.maskBuffer, elector, clockMHz);
  const formats = createFormats(elector.data.elementBits, elector.data.maskBitsPerElement, mask);
  const byKind = sparsityTable(sparsity, opts.sparsityByOp);

  const opList = cachedOps(model, acc.batchSize, mode, transientOps, opts.timeline);
  const plan = planRun({
    layers: model.l, layerWeightElems: opList.layerWeightElems, maxWorkingSetElems: opList.maxWorkingSetElems,
    forwardStashByLayer: opList.forwardStashByLayer, activation, weight, mask, formats,
    minWeightSparsity: Math.min(byKind.matmul.weight, byKind.conv.weight),
    minActivationSparsity: Math.min(
      byKind.matmul.activation, byKind.conv.activation, byKind.softmax.activation, byKind.layerNorm.activation, byKind.nonLinearity.activation,
    ),
    weightReserveFraction: elector.sram.weightBufferReserveFraction, training,
  });
  const tables = costTables({
    array, sparsity: runSparsities(byKind, sparsity), formats, activation, weight, plan, constants: elector,
  });
  const totals = scheduleRun(opList.table, { memory, activation, weight, mask, tables, timeline: opts.timeline });

  const energyNJ = electorEnergy({ totals, acc, mode, reference, clockMHz, activation, weight, mask, memory });
  let dynamicNJ = 0;
  let leakageNJ = 0;
  // In the record's key order (the order of the sums).
  for (const key of ENERGY_KEYS) {
    dynamicNJ += energyNJ[key][0];
    leakageNJ += energyNJ[key][1];
  }
  const cycles = totals.cycles;
  const lanes = array.lanes;
  const result: SimResult = {
    costModel: 'elector',
    mode,
    ...timeAndArea(cycles, clockMHz, acc, mode, reference),
    energyNJ,
    dynamicNJ,
    leakageNJ,
    totalEnergyNJ: dynamicNJ + leakageNJ,
    traffic: {
      mainMemoryReadBytes: totals.mmReadBits / 8,
      mainMemoryWriteBytes: totals.mmWriteBits / 8,
      bufferBytes: (totals.activationBits + totals.weightBits + totals.maskBits) / 8,
    },
    warnings: runWarnings({ acc, totals, plan, formats, sparsity, layerWeightElems: opList.layerWeightElems, training }),
    utilisation: {
      macLanes: totals.laneBusy / (lanes * cycles),
      softmax: totals.softmaxBusy / (array.softmaxUnits * cycles),
      layerNorm: totals.layerNormBusy / (acc.pe * cycles),
      mainMemory: totals.mmBusy / cycles,
      activationBuffer: totals.activationBusy / cycles,
      weightBuffer: totals.weightBusy / cycles,
      maskBuffer: totals.maskBusy / cycles,
    },
    boundCycles: { compute: totals.computeBoundCycles, memory: totals.memoryBoundCycles },
    sparsity: { ...sparsity },
  };
  if (totals.timeline) result.timeline = totals.timeline;
  return { result, totals, plan, opList, peakBytesPerCycle: memory.peakBytesPerCycle, macUnits: lanes * acc.macsPerLane };
}
