/**
 * `simulateElector`: the physically consistent cost model of ELECTOR (the default).
 * Same hardware and module constants as the reference (area, per-module power), with
 * real shapes and tiling, the grounded memory system of docs/elector-physical.md, and a
 * real training step (backward + AdamW). Closed form per op: microseconds per run.
 */
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import { timeAndArea } from '../area.ts';
import type { ElectorConstants } from '../constants/elector.ts';
import type { ReferenceConstants } from '../constants/reference.ts';
import type { ElectorRunInfo, MappingObjective, SimMode, SimResult, Sparsity, SparsityByOp } from '../types.ts';
import { bankAreaMm2, bufferModel } from './buffers.ts';
import { COST_CYCLES, opCostRecord, type ArrayShape } from './costTables.ts';
import { electorEnergy } from './energy.ts';
import { createFormats, runSparsities, sparsityTable } from './formats.ts';
import { mainMemoryModel } from './memory.ts';
import type { OpList } from './ops.ts';
import { plainModel } from './plainModel.ts';
import type { Plan } from './plan.ts';
import { addScaled, optimizerTotals, sumEnergy, type RunTotals } from './runTotals.ts';
import { exposed, MappingSearch, measureOf } from './mapping.ts';
import { PassPlanner, type Hardware, type Pass } from './passes.ts';
import { runWarnings } from './warnings.ts';

export { TIME_FOR_ENERGY } from './mapping.ts';

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
  /** Default `balanced` (`MAPPING_OBJECTIVES`). */
  mappingObjective?: MappingObjective;
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

/** The optimizer's cost record, shared: runs are synchronous and read it before they return. */
const sharedOptimizerRecord = opCostRecord();


export function simulateElector(model: ModelDict, acc: AcceleratorConfig, opts: ElectorSimOptions): SimResult {
  // The result keeps nothing of the op list, so a fresh model's list may live in scratch storage.
  return runElector(model, acc, opts, true).result;
}

/**
 * `transientOps`: op lists live in shared storage (see opCache.ts), so the returned `opList`
 * may already hold another batch size's rows: callers that read it pass false.
 *
 * The batch may be cut into sub-batches that run one after another through the whole
 * model (`run.subBatch`) when a pass at the full batch spills activations or stash to
 * main memory (see `chooseMapping`).
 */
export function runElector(dict: ModelDict, acc: AcceleratorConfig, opts: ElectorSimOptions, transientOps = false): ElectorRun {
  const model = plainModel(dict);
  const { mode, clockMHz, sparsity } = opts;
  const { reference, elector } = opts.constants;
  const training = mode === 'training';
  const seqLen = opts.seqLen ?? 128;
  const mlmHead = opts.mlmHead ?? false;
  const powerGating = opts.powerGating ?? true;
  const objective = opts.mappingObjective ?? 'balanced';
  const steps = training ? (opts.accumulationSteps ?? 8) : 1;

  const array: ArrayShape = {
    tb: acc.tile.b, t: acc.tile.x, pe: acc.pe, lanesPerPe: acc.lanesPerPe, macsPerLane: acc.macsPerLane,
    softmaxPerPe: acc.softmaxPerPe, lanes: acc.pe * acc.lanesPerPe, softmaxUnits: acc.pe * acc.softmaxPerPe,
  };
  const hardwareAt = (f: number): Hardware => ({
    clockMHz: f,
    memory: mainMemoryModel(acc, elector, f),
    activation: bufferModel(acc.activationBufferMB, array.lanes, reference.activationBuffer, elector, f),
    weight: bufferModel(acc.weightBufferMB, array.lanes, reference.weightBuffer, elector, f),
    mask: bufferModel(acc.maskBufferMB, array.lanes, reference.maskBuffer, elector, f),
  });
  const hw = hardwareAt(clockMHz);
  const { memory, activation, weight, mask } = hw;
  const formats = createFormats(elector.data.elementBits, elector.data.maskBitsPerElement, mask);
  const byKind = sparsityTable(sparsity, opts.sparsityByOp);
  const kindSparsities = runSparsities(byKind, sparsity);
  const optimizerRecord = sharedOptimizerRecord;
  // The activation buffer holds activations, and in backward their gradients: what it holds
  // through the run (the stash beside the largest working set) is sized at the least sparse.
  let minActivationSparsity = Infinity;
  for (const k of ['matmul', 'conv', 'softmax', 'layerNorm', 'nonLinearity'] as const) {
    minActivationSparsity = Math.min(minActivationSparsity, byKind[k].activation, training ? byKind[k].gradient : Infinity);
  }

  // The mapping is chosen at the nominal clock (the compiler's target), then timed at the
  // run's clock: the same actions, so dynamic energy does not depend on the clock.
  const nominal = elector.energy.nominalClockMHz;
  const context = {
    model, acc, mode, training, reference, elector, powerGating, seqLen, steps, sparsity, array, formats, byKind, kindSparsities,
    minActivationSparsity, shape: { seqLen, mlmHead }, transientOps, names: opts.timeline, optimizerRecord, objective,
  };
  const planner = new PassPlanner(context);
  const search = new MappingSearch(planner, context);
  // The `time` objective maps at the run's clock instead: the fastest mapping there is what it promises.
  const mapClock = objective === 'time' ? clockMHz : nominal;
  const mapHardware = clockMHz === mapClock ? hw : hardwareAt(mapClock);
  const timelineNow = opts.timeline && clockMHz === mapClock;
  let chosen = search.chooseMapping(mapHardware, timelineNow);
  if (planner.splitsCompared) {
    // The mask split chosen pass by pass (the faster pass) can lose over several passes, where
    // the weights resident under the other split stay on chip for the later ones: map the run
    // under each split kept throughout too, and keep the best of the three by the objective.
    // (When no pass had both splits to choose from, all three are the same run.)
    const totalsOf = (c: typeof chosen) => search.mappingTotals(c, measureOf(c.measures, c.sub), acc.batchSize, mapHardware);
    let split: PassPlanner['maskSplit'] = 'faster';
    let bestTotals = totalsOf(chosen);
    // Inference schedules only the activations-first split pass by pass: that is the run above.
    for (const s of training ? (['activations', 'weights'] as const) : (['weights'] as const)) {
      planner.maskSplit = s;
      const c = search.chooseMapping(mapHardware, timelineNow);
      const t = totalsOf(c);
      if (search.replaces(bestTotals, t, mapHardware)) [chosen, bestTotals, split] = [c, t, s];
    }
    planner.maskSplit = split;
  }
  let measures = chosen.measures;
  // Passes measured again (at the run's clock, or for the timeline) keep the mask split the
  // chosen ones had: per pass, the faster split can differ between clocks.
  const chosenPlan = measureOf(measures, chosen.sub).first.plan;
  if (planner.maskSplit === 'faster') planner.maskSplit = chosenPlan.weightsFirst ? 'weights' : 'activations';
  planner.residency = chosenPlan.weightsLetGo ? 'letGo' : 'keep';
  if (clockMHz !== mapClock) measures = [planner.measure(hw, chosen.sub, chosen.sub < acc.batchSize, opts.timeline)];
  const chosenMeasure = measureOf(measures, chosen.sub);
  // The timeline is recorded by the full-batch pass at the run's clock; a sub-batched run re-records its first pass.
  if (opts.timeline && !chosenMeasure.first.totals.timeline) chosenMeasure.first = planner.runPass(hw, chosen.sub, false, false, true);
  const best = { pass: chosenMeasure.first, totals: search.mappingTotals(chosen, chosenMeasure, acc.batchSize, hw) };
  // mappingTotals returns a fresh record: the optimizer share and rounding are added to it.
  const totals = best.totals;
  const bestPass = best.pass;
  // The pass ends when its posted stores have left on the bus, after the array's last op: a
  // row of its own, so that the timeline adds up to the pass (its tail had been in no row).
  let timelineEnd = bestPass.totals.cycles;
  if (bestPass.totals.timeline && bestPass.totals.busTailCycles > 0) {
    const tail = bestPass.totals.busTailCycles;
    const last = bestPass.totals.timeline[bestPass.totals.timeline.length - 1];
    bestPass.totals.timeline.push({
      op: 'write-back', kind: 'store', layer: -1, head: -1, direction: last?.direction ?? 'forward',
      startCycle: timelineEnd, endCycle: timelineEnd + tail, computeCycles: 0, memoryCycles: tail, bound: 'memory', limiter: 'mainMemory',
      levelCycles: { compute: 0, mainMemory: tail, activationBuffer: 0, weightBuffer: 0, maskBuffer: 0 },
      macs: 0, mainMemoryBytes: 0, bufferBytes: 0,
    });
    timelineEnd += tail;
  }
  let optimizer: ElectorRunInfo['optimizer'];
  if (training) {
    const step = optimizerTotals(optimizerRecord, memory, weight);
    const stepEnergy = electorEnergy({ totals: step, acc, mode, reference, elector, clockMHz, powerGating, activation, weight, mask, memory });
    optimizer = {
      cyclesPerStep: step.cycles,
      energyNJPerStep: sumEnergy(stepEnergy).reduce((a, b) => a + b),
      sharePerMicroBatch: 1 / steps,
      mainMemoryBytesPerStep: (step.mmReadBits + step.mmWriteBits) / 8,
    };
    if (bestPass.totals.timeline) {
      const end = timelineEnd;
      bestPass.totals.timeline.push({
        op: steps > 1 ? `clip + adamw (1/${steps} of a step)` : 'clip + adamw', kind: 'optimizer', layer: -1, head: -1, direction: 'update',
        // Whole cycles, as the run's total is rounded: the share of a step is a fraction.
        startCycle: end, endCycle: Math.ceil(end + step.cycles / steps), computeCycles: optimizerRecord[COST_CYCLES] / steps,
        memoryCycles: step.mmBusy / steps, bound: 'memory', limiter: 'mainMemory',
        levelCycles: { compute: optimizerRecord[COST_CYCLES] / steps, mainMemory: step.mmBusy / steps, activationBuffer: 0, weightBuffer: step.weightBusy / steps, maskBuffer: 0 },
        macs: step.macs / steps, mainMemoryBytes: optimizer.mainMemoryBytesPerStep / steps, bufferBytes: step.weightBits / 8 / steps,
      });
    }
    addScaled(totals, step, 1 / steps);
  }
  // Whole cycles: the optimizer's share per micro-batch is a fraction of its step.
  totals.cycles = Math.ceil(totals.cycles);
  totals.memoryBoundCycles = totals.cycles - totals.computeBoundCycles;
  if (bestPass.totals.timeline) totals.timeline = bestPass.totals.timeline;

  const energyNJ = electorEnergy({ totals, acc, mode, reference, elector, clockMHz, powerGating, activation, weight, mask, memory });
  const [dynamicNJ, leakageNJ] = sumEnergy(energyNJ);
  const cycles = totals.cycles;
  const lanes = array.lanes;
  const time = timeAndArea(cycles, clockMHz, acc, mode, reference);
  // The editor's live area (chipArea.ts) counts the banks the same way.
  const banksMm2 = bankAreaMm2(acc, elector);
  const { plan, opList } = bestPass;
  const result: SimResult = {
    costModel: 'elector',
    mode,
    ...time,
    areaMm2: time.areaMm2 + banksMm2,
    areaByModuleMm2: { ...time.areaByModuleMm2, bufferBanks: banksMm2 },
    energyNJ,
    dynamicNJ,
    leakageNJ,
    totalEnergyNJ: dynamicNJ + leakageNJ,
    traffic: {
      mainMemoryReadBytes: totals.mmReadBits / 8,
      mainMemoryWriteBytes: totals.mmWriteBits / 8,
      bufferBytes: (totals.activationBits + totals.weightBits + totals.maskBits) / 8,
    },
    warnings: runWarnings({ acc, totals: bestPass.totals, plan, formats, sparsity, layerWeightElems: opList.layerWeightElems, training, subBatch: bestPass.batch, cutReason: cutReason(chosen.measures[0].first, acc.batchSize) }),
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
    run: { seqLen, mlmHead, powerGating, mappingObjective: objective, subBatch: bestPass.batch, ...(training ? { accumulationSteps: steps, optimizer } : {}) },
  };
  if (totals.timeline) result.timeline = totals.timeline;
  return { result, totals, plan, opList, peakBytesPerCycle: memory.peakBytesPerCycle, macUnits: lanes * acc.macsPerLane };
}

/** Why a batch cut into passes was cut (the warning says it). */
function cutReason(full: Pass, batch: number): 'spill' | 'exposed' | 'tried' {
  return full.spills ? 'spill' : exposed(full, batch) ? 'exposed' : 'tried';
}
