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
import type { ElectorRunInfo, SimMode, SimResult, Sparsity, SparsityByOp } from '../types.ts';
import { bufferModel, type BufferModel } from './buffers.ts';
import { COST_CYCLES, costTables, opCostRecord, type ArrayShape } from './costTables.ts';
import { electorEnergy, electorEnergyInto, emptyEnergy } from './energy.ts';
import { createFormats, runSparsities, sparsityTable } from './formats.ts';
import { mainMemoryModel, type MainMemoryModel } from './memory.ts';
import { cachedOps } from './opCache.ts';
import { costRow } from './opCost.ts';
import type { OpList } from './ops.ts';
import { plainModel } from './plainModel.ts';
import { planRun, type Plan } from './plan.ts';
import { scheduleRun } from './schedule.ts';
import {
  addLayerBoundaries, addScaled, emptyTotals, finishRun, laterPassEstimate, optimizerTotals, sumEnergy, type RunTotals,
} from './runTotals.ts';
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

/**
 * How much energy per sequence a faster mapping may add: at most (T_half / T)^α of the
 * half-size choice's, α = 0.1 (2× faster may cost 7 % more energy). With α = 0 per-sequence
 * energy could never grow with the batch, but more hardware could then run up to 2× slower
 * (a faster mapping refused for 3 % of energy); see docs/elector-model.md §4.
 */
export const TIME_FOR_ENERGY = 0.1;

/** Energy records compared and dropped while choosing a mapping, shared (runs are synchronous). */
const scratchEnergy = emptyEnergy();

/** The optimizer's cost record, shared: runs are synchronous and read it before they return. */
const sharedOptimizerRecord = opCostRecord();


export function simulateElector(model: ModelDict, acc: AcceleratorConfig, opts: ElectorSimOptions): SimResult {
  // The result keeps nothing of the op list, so a fresh model's list may live in scratch storage.
  return runElector(model, acc, opts, true).result;
}

/** One pass of `batch` sequences through the layers (forward, and backward in training). */
interface Pass {
  batch: number;
  totals: RunTotals;
  plan: Plan;
  opList: OpList;
  spills: boolean;
  /** Later passes of a sub-batched run find the weights on chip. */
  weightsStay: boolean;
}

interface Hardware {
  memory: MainMemoryModel;
  activation: BufferModel;
  weight: BufferModel;
  mask: BufferModel;
}

/**
 * How a batch runs: groups of `group` sequences one after another, each as passes of `sub`
 * sequences; with `kept`, later passes find the weights on chip.
 */
interface Mapping {
  sub: number;
  kept: boolean;
  group: number;
}

/** A sub-batch size measured: its first pass, and later passes (weights reloaded, or kept). */
interface SubBatchMeasure {
  sub: number;
  first: Pass;
  later?: RunTotals;
  laterKept?: RunTotals;
}

/**
 * `transientOps`: the returned `opList` is only valid until the next run (see opCache.ts).
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
  const steps = training ? (opts.accumulationSteps ?? 8) : 1;

  const array: ArrayShape = {
    tb: acc.tile.b, t: acc.tile.x, pe: acc.pe, lanesPerPe: acc.lanesPerPe, macsPerLane: acc.macsPerLane,
    softmaxPerPe: acc.softmaxPerPe, lanes: acc.pe * acc.lanesPerPe, softmaxUnits: acc.pe * acc.softmaxPerPe,
  };
  const hardwareAt = (f: number): Hardware => ({
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
  const shape = { seqLen, mlmHead };
  const optimizerRecord = sharedOptimizerRecord;
  let optimizerCosted = false;
  // The activation buffer holds activations, and in backward their gradients: what it holds
  // through the run (the stash beside the largest working set) is sized at the least sparse.
  let minActivationSparsity = Infinity;
  for (const k of ['matmul', 'conv', 'softmax', 'layerNorm', 'nonLinearity'] as const) {
    minActivationSparsity = Math.min(minActivationSparsity, byKind[k].activation, training ? byKind[k].gradient : Infinity);
  }

  const runPass = (h: Hardware, batch: number, weightsLoaded = false, afterPass = false, timeline = false, built?: Pass): Pass => {
    // Later passes of the same sub-batch reuse its op list and plan (they do not depend on the pass).
    const opList = built ? built.opList : cachedOps(model, batch, mode, transientOps, opts.timeline, shape);
    const plan = built ? built.plan : planRun({
      layers: model.l, layerWeightElems: opList.layerWeightElems, maxWorkingSetElems: opList.maxWorkingSetElems,
      forwardStashByLayer: opList.forwardStashByLayer, activation: h.activation, weight: h.weight, mask: h.mask, formats,
      minWeightSparsity: Math.min(byKind.matmul.weight, byKind.conv.weight),
      minActivationSparsity,
      weightReserveFraction: training ? elector.sram.weightBufferReserveFraction : 0, training,
    });
    const tables = costTables({
      array, sparsity: kindSparsities, formats, activation: h.activation, weight: h.weight, plan, constants: elector, accumulationSteps: steps,
      weightsLoaded,
    });
    const rows = opList.table.length - (training ? 1 : 0);
    const totals = scheduleRun(opList.table, { ...h, tables, timeline, afterPass }, rows);
    if (training && !optimizerCosted) {
      // The optimizer does not depend on the batch or the clock's cycle counts: cost it once.
      costRow(opList.table, rows, tables, optimizerRecord);
      optimizerCosted = true;
    }
    const layerFused = opList.maxLayerWeightElems <= (training ? 1 - elector.sram.weightBufferReserveFraction : 1) * plan.weightCapacityElems;
    return { batch, totals, plan, opList, spills: totals.spillOps > 0 || plan.stashSpilledElems > 0, weightsStay: plan.weightsResident || layerFused };
  };
  const energyOf = (t: RunTotals, h: Hardware, f: number): number => {
    const [d, l] = sumEnergy(electorEnergyInto(scratchEnergy, { totals: t, acc, mode, reference, elector, clockMHz: f, powerGating, ...h }));
    return d + l;
  };

  /**
   * A batch of `level` sequences as passes of `sub` (one pass when equal): the first pass
   * loads the weights; later passes start while the previous one runs (their embedding rows
   * load ahead) and, with `kept`, find the weights on chip: the whole model resident, or
   * layer by layer when every layer's weights fit (the layer boundary's full-batch
   * activations then cross main memory when they do not fit the activation buffer).
   */
  const combine = (m: SubBatchMeasure, level: number, kept: boolean, h: Hardware): RunTotals => {
    const passes = Math.ceil(level / m.sub);
    const out = emptyTotals();
    addScaled(out, m.first.totals, 1);
    if (passes === 1) {
      finishRun(out, m.first.totals.busTailCycles);
      return out;
    }
    const later = kept || !m.later ? m.laterKept! : m.later;
    addScaled(out, later, passes - 1);
    finishRun(out, later.busTailCycles);
    if (kept && !m.first.plan.weightsResident) addLayerBoundaries(out, model, level, seqLen, h.activation, formats, sparsity, h.memory);
    return out;
  };
  const measure = (h: Hardware, sub: number, needLater: boolean, timeline: boolean): SubBatchMeasure => {
    const first = runPass(h, sub, false, false, timeline);
    const m: SubBatchMeasure = { sub, first };
    if (needLater) {
      // Reloading weights that stay resident makes no sense: then only the kept variant. A
      // later pass that reloads them is the first pass with its embedding rows loaded ahead.
      if (!first.plan.weightsResident) m.later = laterPassEstimate(first.totals);
      if (first.weightsStay) m.laterKept = runPass(h, sub, true, true, false, first).totals;
    }
    return m;
  };

  /**
   * The mapping of the batch onto passes: sub-batches of full/2^k, tried while the pass
   * still spills. Chosen level by level from the smallest, so that per-sequence cycles AND
   * energy never grow with the batch: at each level, the fastest option that costs no more
   * energy than repeating the half-size level's choice (which itself qualifies).
   */
  const chooseMapping = (h: Hardware, f: number): Mapping & { measures: SubBatchMeasure[] } => {
    const full = acc.batchSize;
    const measures: SubBatchMeasure[] = [measure(h, full, false, opts.timeline && f === clockMHz)];
    if (!measures[0].first.spills) return { sub: full, kept: false, group: full, measures };
    // Passes narrower than a tile's batch would only compute padding.
    for (let b = Math.floor(full / 2); b >= Math.max(1, acc.tile.b); b = Math.floor(b / 2)) {
      const m = measure(h, b, true, false);
      measures.push(m);
      if (!m.first.spills) break; // smaller passes only lose amortisation from here on
    }
    const bySub = (sub: number) => measures.find((x) => x.sub === sub)!;
    // Smallest level first: its only option is one pass.
    let choice: Mapping = { sub: measures[measures.length - 1].sub, kept: false, group: measures[measures.length - 1].sub };
    for (let j = measures.length - 2; j >= 0; j--) {
      const level = measures[j].sub;
      // The half-size level's choice, run as often as it takes: the same cost per sequence.
      const refTotals = mappingTotals(choice, bySub(choice.sub), level, h);
      let best = { choice, cycles: refTotals.cycles };
      const budget = energyOf(refTotals, h, f) * (1 + 1e-12);
      for (let i = j; i < measures.length; i++) {
        const variants = i === j ? [false] : measures[i].later && measures[i].laterKept ? [false, true] : [!measures[i].later];
        for (const kept of variants) {
          const option: Mapping = { sub: measures[i].sub, kept, group: level };
          const t = mappingTotals(option, measures[i], level, h);
          // Faster, and no more energy than the half-size choice, or only a little more in
          // exchange for the time: at most (T_half / T)^α.
          if (t.cycles < best.cycles && energyOf(t, h, f) <= budget * Math.pow(refTotals.cycles / t.cycles, TIME_FOR_ENERGY)) {
            best = { choice: option, cycles: t.cycles };
          }
        }
      }
      choice = best.choice;
    }
    return { ...choice, measures };
  };
  /** A mapping at `level` sequences: level / group repetitions of `group` sequences in passes of `sub`. */
  const mappingTotals = (m: Mapping, measured: SubBatchMeasure, level: number, h: Hardware): RunTotals => {
    const once = combine(measured, m.group, m.kept, h);
    const repeats = Math.ceil(level / m.group);
    if (repeats === 1) return once;
    const out = emptyTotals();
    addScaled(out, once, repeats);
    return out;
  };

  // The mapping is chosen at the nominal clock (the compiler's target), then timed at the
  // run's clock: the same actions, so dynamic energy does not depend on the clock.
  const nominal = elector.energy.nominalClockMHz;
  const chosen = chooseMapping(clockMHz === nominal ? hw : hardwareAt(nominal), nominal);
  let measures = chosen.measures;
  if (clockMHz !== nominal) {
    const needLater = chosen.sub < acc.batchSize;
    measures = [measure(hw, chosen.sub, needLater, opts.timeline)];
  }
  const chosenMeasure = measures.find((m) => m.sub === chosen.sub)!;
  // The timeline is recorded by the full-batch pass at the run's clock; a sub-batched run re-records its first pass.
  if (opts.timeline && !chosenMeasure.first.totals.timeline) chosenMeasure.first = runPass(hw, chosen.sub, false, false, true);
  const best = { pass: chosenMeasure.first, totals: mappingTotals(chosen, chosenMeasure, acc.batchSize, hw) };
  const totals = emptyTotals();
  addScaled(totals, best.totals, 1);
  const bestPass = best.pass;
  let optimizer: ElectorRunInfo['optimizer'];
  if (training) {
    const step = optimizerTotals(optimizerRecord, memory, weight);
    const stepEnergy = electorEnergy({ totals: step, acc, mode, reference, elector, clockMHz, powerGating, activation, weight, mask, memory });
    optimizer = {
      cyclesPerStep: step.cycles,
      energyNJPerStep: sumEnergy(stepEnergy)[0] + sumEnergy(stepEnergy)[1],
      sharePerMicroBatch: 1 / steps,
      mainMemoryBytesPerStep: (step.mmReadBits + step.mmWriteBits) / 8,
    };
    if (bestPass.totals.timeline) {
      const end = bestPass.totals.cycles;
      bestPass.totals.timeline.push({
        op: steps > 1 ? `clip + adamw (1/${steps} of a step)` : 'clip + adamw', kind: 'optimizer', layer: -1, head: -1, direction: 'update',
        startCycle: end, endCycle: end + step.cycles / steps, computeCycles: optimizerRecord[COST_CYCLES] / steps,
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
  const bankAreaMm2 = activation.extraAreaMm2 + weight.extraAreaMm2 + mask.extraAreaMm2;
  const { plan, opList } = bestPass;
  const result: SimResult = {
    costModel: 'elector',
    mode,
    ...time,
    areaMm2: time.areaMm2 + bankAreaMm2,
    areaByModuleMm2: { ...time.areaByModuleMm2, bufferBanks: bankAreaMm2 },
    energyNJ,
    dynamicNJ,
    leakageNJ,
    totalEnergyNJ: dynamicNJ + leakageNJ,
    traffic: {
      mainMemoryReadBytes: totals.mmReadBits / 8,
      mainMemoryWriteBytes: totals.mmWriteBits / 8,
      bufferBytes: (totals.activationBits + totals.weightBits + totals.maskBits) / 8,
    },
    warnings: runWarnings({ acc, totals: bestPass.totals, plan, formats, sparsity, layerWeightElems: opList.layerWeightElems, training, subBatch: bestPass.batch }),
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
    run: { seqLen, mlmHead, powerGating, subBatch: bestPass.batch, ...(training ? { accumulationSteps: steps, optimizer } : {}) },
  };
  if (totals.timeline) result.timeline = totals.timeline;
  return { result, totals, plan, opList, peakBytesPerCycle: memory.peakBytesPerCycle, macUnits: lanes * acc.macsPerLane };
}

