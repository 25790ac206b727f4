/**
 * `simulateElector`: the physically consistent cost model of ELECTOR (the default).
 * Same hardware and module constants as the reference (area, per-module power), with
 * real shapes and tiling, the grounded memory system of specs/elector-physical.md, and a
 * real training step (backward + AdamW). Closed form per op: microseconds per run.
 */
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import { computeArea } from '../area.ts';
import type { ElectorConstants } from '../constants/elector.ts';
import type { ReferenceConstants } from '../constants/reference.ts';
import type { SimMode, SimResult, Sparsity, SparsityByOp } from '../types.ts';
import { bufferModel } from './buffers.ts';
import { electorEnergy } from './energy.ts';
import { createFormats, kindFormat, sparsityTable, type KindFormat } from './formats.ts';
import { mainMemoryModel } from './memory.ts';
import { cachedOps, type OpList } from './ops.ts';
import { planRun, type Plan } from './plan.ts';
import { scheduleRun, type RunTotals } from './schedule.ts';
import type { ArrayShape } from './tiling.ts';
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

export function simulateElector(model: ModelDict, acc: AcceleratorConfig, opts: ElectorSimOptions): SimResult {
  return runElector(model, acc, opts).result;
}

export function runElector(model: ModelDict, acc: AcceleratorConfig, opts: ElectorSimOptions): ElectorRun {
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

  const opList = cachedOps(model, acc.batchSize, mode);
  const plan = planRun({
    ops: opList.ops, layers: model.l, layerWeightElems: opList.layerWeightElems, activation, weight, mask, formats,
    minWeightSparsity: Math.min(byKind.matmul.weight, byKind.conv.weight),
    minActivationSparsity: Math.min(...Object.values(byKind).map((s) => s.activation)),
    weightReserveFraction: elector.sram.weightBufferReserveFraction, training,
  });
  const formatByKind = {} as Record<keyof typeof byKind, KindFormat>;
  for (const kind of Object.keys(byKind) as (keyof typeof byKind)[]) formatByKind[kind] = kindFormat(byKind[kind], formats, activation, weight);
  const totals = scheduleRun(opList.ops, {
    array, memory, activation, weight, mask, formatByKind, globalFormat: kindFormat(sparsity, formats, activation, weight),
    constants: elector, timeline: opts.timeline,
    traffic: { formats, activation, weight, plan, array, optimizerStateBits: elector.data.optimizerStateBits },
  });

  const energyNJ = electorEnergy({ totals, acc, mode, reference, clockMHz, activation, weight, mask, memory });
  let dynamicNJ = 0;
  let leakageNJ = 0;
  for (const [dyn, leak] of Object.values(energyNJ)) {
    dynamicNJ += dyn;
    leakageNJ += leak;
  }
  const area = computeArea(acc, mode, reference);
  const cycles = totals.cycles;
  const latencyS = cycles / (clockMHz * 1e6);
  const lanes = array.lanes;
  const result: SimResult = {
    costModel: 'elector',
    mode,
    clockMHz,
    cycles,
    latencyS,
    throughputSeqPerS: acc.batchSize / latencyS,
    areaMm2: area.areaMm2,
    areaByModuleMm2: { ...area.byModuleMm2 },
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
    batchSize: acc.batchSize,
    sparsity: { ...sparsity },
  };
  if (totals.timeline) result.timeline = totals.timeline;
  return { result, totals, plan, opList, peakBytesPerCycle: memory.peakBytesPerCycle, macUnits: lanes * acc.macsPerLane };
}
