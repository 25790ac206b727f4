/**
 * Passes: how the elector model runs a batch (docs/elector-model.md §4). A pass carries
 * `batch` sequences through every op; a batch whose pass spills, or leaves its first loads and
 * last stores exposed, may run as passes of a sub-batch, and the mapping search (mapping.ts)
 * picks how, by the run's mapping objective, from the passes `PassPlanner` measures. A class,
 * not closures: a run makes one planner, and its methods cost nothing to create.
 */
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import type { ElectorConstants } from '../constants/elector.ts';
import type { ReferenceConstants } from '../constants/reference.ts';
import type { MappingObjective, OpKind, SimMode, Sparsity } from '../types.ts';
import type { BufferModel } from './buffers.ts';
import { costTables, type ArrayShape, type CostTables, type OpCost } from './costTables.ts';
import { electorEnergyInto, emptyEnergy, type EnergyInput } from './energy.ts';
import type { Formats } from './formats.ts';
import type { MainMemoryModel } from './memory.ts';
import { cachedOps, type OpShape } from './opCache.ts';
import { costRow } from './opCost.ts';
import type { OpList } from './ops.ts';
import { planRun, type Plan, type PlanInput } from './plan.ts';
import { scaleOps } from './scaleOps.ts';
import { laterPassEstimate, type RunTotals } from './runTotals.ts';
import { scheduleRun } from './schedule.ts';

/** Energy records compared and dropped while choosing a mapping, shared (runs are synchronous). */
const scratchEnergy = emptyEnergy();


/** One pass of `batch` sequences through the layers (forward, and backward in training). */
export interface Pass {
  batch: number;
  totals: RunTotals;
  plan: Plan;
  opList: OpList;
  spills: boolean;
  /**
   * Transfers that only a neighbouring pass could overlap: the first op's loads, which
   * nothing precedes, and the posted writes after the last op. Cycles.
   */
  exposedCycles: number;
  /** Later passes of a sub-batched run find the weights on chip. */
  weightsStay: boolean;
}

export interface Hardware {
  clockMHz: number;
  memory: MainMemoryModel;
  activation: BufferModel;
  weight: BufferModel;
  mask: BufferModel;
}

/**
 * A sub-batch size measured: its first pass, and later passes (weights reloaded, or kept).
 * The kept variant is scheduled when first asked for (`PassPlanner.keptTotals`): a mapping
 * search skips it where a lower bound shows it cannot win.
 */
export interface SubBatchMeasure {
  sub: number;
  first: Pass;
  later?: RunTotals;
  /** Later passes may find the weights on chip (`first.weightsStay`, and asked for). */
  keptPossible: boolean;
  laterKept?: RunTotals;
  /** The hardware model the passes were measured on. */
  hardware: Hardware;
}


/** A pass scheduled under one plan. */
interface Scheduled {
  plan: Plan;
  tables: CostTables;
  totals: RunTotals;
}

/** What a run fixes before any pass: the designs, the settings and the derived tables. */
export interface PassContext {
  model: ModelDict;
  acc: AcceleratorConfig;
  mode: SimMode;
  training: boolean;
  reference: ReferenceConstants;
  elector: ElectorConstants;
  powerGating: boolean;
  seqLen: number;
  /** Micro-batches per optimizer step (1 in inference). */
  steps: number;
  sparsity: Sparsity;
  array: ArrayShape;
  formats: Formats;
  byKind: Record<OpKind, Sparsity>;
  kindSparsities: Sparsity[];
  minActivationSparsity: number;
  shape: OpShape;
  transientOps: boolean;
  /** Op lists keep names (timelines). */
  names: boolean;
  /** Filled with the optimizer's cost by the first pass of a training run. */
  optimizerRecord: OpCost;
  /** What `chooseMapping` optimises. */
  objective: MappingObjective;
}

export class PassPlanner {
  private optimizerCosted = false;
  /** The run's first op list, from which the other batch sizes' lists are derived. */
  private source: { batch: number; opList: OpList } | undefined;
  /** The batch of the last list derived from `source` (transient lists share one storage). */
  private derivedBatch = 0;
  /**
   * The mask split: in training the faster of the two per pass (`faster`; inference keeps the
   * activations-first one), or one imposed for the whole run, `activations` first or `weights`
   * first where that keeps the weights on chip (the run is then mapped under each: which split
   * is best can depend on the passes, simulate.ts).
   */
  maskSplit: 'faster' | 'activations' | 'weights' = 'faster';
  /**
   * Whether a whole-batch pass with a tied MLM decoder, or in training, lets resident weights
   * go: the faster way (`faster`), or as the chosen mapping did (`keep`, `letGo`), so that the
   * pass measured again at the run's clock takes the same actions (dynamic energy must not
   * depend on the clock).
   */
  residency: 'faster' | 'keep' | 'letGo' = 'faster';
  /**
   * Some pass could take either mask split (training: both were scheduled; inference: the
   * weights-first one would keep a sub-batch's weights on chip): mapping the run under either
   * split throughout may then differ.
   */
  splitsCompared = false;
  /** The energy input of the last hardware model compared on, its totals swapped in: comparing allocates nothing. */
  private energyHardware: Hardware | undefined;
  private energyInput: EnergyInput | undefined;

  constructor(private readonly x: PassContext) {}

  /** One pass; later passes of the same sub-batch reuse its op list and plan (`built`). */
  runPass(h: Hardware, batch: number, weightsLoaded = false, afterPass = false, timeline = false, built?: Pass): Pass {
    const x = this.x;
    const opList = built ? built.opList : this.opsAt(batch);
    const rows = opList.table.length - (x.training ? 1 : 0);
    let pass: Scheduled;
    if (built) {
      pass = this.schedule(h, opList, built.plan, rows, weightsLoaded, afterPass, timeline);
    } else {
      const input: PlanInput = {
        layers: x.model.l, layerWeightElems: opList.layerWeightElems, maxLayerWeightElems: opList.maxLayerWeightElems, maxWorkingSetElems: opList.maxWorkingSetElems,
        forwardStashByLayer: opList.forwardStashByLayer, activation: h.activation, weight: h.weight, mask: h.mask, formats: x.formats,
        minWeightSparsity: Math.min(x.byKind.matmul.weight, x.byKind.conv.weight),
        minActivationSparsity: x.minActivationSparsity,
        weightReserveFraction: x.training ? x.elector.sram.weightBufferReserveFraction : 0, training: x.training,
      };
      let plan = planRun(input);
      // The mask split that keeps the weights on chip (resident; in inference, or layer by
      // layer) is the other candidate. In inference only passes of a sub-batch can gain (their
      // later passes find the weights), and a pass alone does not show it: the other split is
      // then only noted, for the run to be mapped under it too (simulate.ts).
      const gainsOnChip = x.training || batch < x.acc.batchSize;
      const other = gainsOnChip && !this.keepsWeights(plan, opList) && this.maskSplit !== 'activations' ? planRun(input, true) : undefined;
      const otherKeeps = other !== undefined && other.weightsFirst === true && this.keepsWeights(other, opList);
      if (otherKeeps && this.maskSplit === 'weights') plan = other;
      pass = this.schedule(h, opList, plan, rows, weightsLoaded, afterPass, timeline);
      if (otherKeeps && this.maskSplit === 'faster') {
        this.splitsCompared = true;
        // Unless a split is imposed, training keeps the faster pass (then the less energy). Both
        // are feasible on any bigger buffer too.
        if (x.training) pass = this.faster(h, pass, this.schedule(h, opList, other, rows, weightsLoaded, afterPass, timeline));
      }
      // A tied MLM decoder stages the word embeddings, and training its weight-gradient panels,
      // through what resident weights leave of the buffer: just past residency, a sliver.
      // Letting the weights go, so that these (and every other matrix) stream through half the
      // buffer, is the other candidate. Without it a bigger weight buffer ran up to 72 % slower
      // (the decoder), and a bigger weight or mask buffer that made the weights resident 0.2 %
      // and 0.9 % slower in training (dW blocked in panels, its input streamed once per panel).
      // Only for a pass of the whole batch: passes of a sub-batch would give up finding the
      // weights on chip.
      if (pass.plan.weightsResident && (x.shape.mlmHead || x.training) && batch === x.acc.batchSize && this.residency !== 'keep') {
        const letGo: Plan = { ...pass.plan, weightsResident: false, weightsLetGo: true, weightPanelElems: pass.plan.weightCapacityElems / 2 };
        const streamed = this.schedule(h, opList, letGo, rows, weightsLoaded, afterPass, timeline);
        pass = this.residency === 'letGo' ? streamed : this.faster(h, pass, streamed);
      }
    }
    const { plan, tables, totals } = pass;
    if (x.training && !this.optimizerCosted) {
      // The optimizer does not depend on the batch or the clock's cycle counts: cost it once.
      costRow(opList.table, rows, tables, x.optimizerRecord);
      this.optimizerCosted = true;
    }
    const layerFused = this.layerFused(plan, opList);
    // Any spill makes smaller passes worth trying: what it costs is more than its own trip out
    // and back (the consumer streams its input from main memory, once per weight panel), and an
    // estimate from that trip alone kept a design on a spilling pass that cost 77 % more energy.
    const spills = totals.spilledElems + plan.stashSpilledElems > 0;
    const exposedCycles = totals.firstOpAheadSavingCycles + totals.busTailCycles;
    // Layer by layer across passes holds every pass's stash at once and sends the backward
    // boundaries through main memory too: modelled for inference only.
    return { batch, totals, plan, opList, spills, exposedCycles, weightsStay: plan.weightsResident || (layerFused && !x.training) };
  }

  /** Later passes find this plan's weights on chip: resident, or in inference layer by layer. */
  private keepsWeights(plan: Plan, opList: OpList): boolean {
    return plan.weightsResident || (!this.x.training && this.layerFused(plan, opList));
  }

  /** Every layer's weights fit the weight buffer (beside training's reserve). */
  private layerFused(plan: Plan, opList: OpList): boolean {
    const x = this.x;
    return opList.maxLayerWeightElems <= (x.training ? 1 - x.elector.sram.weightBufferReserveFraction : 1) * plan.weightCapacityElems;
  }

  private schedule(h: Hardware, opList: OpList, plan: Plan, rows: number, weightsLoaded: boolean, afterPass: boolean, timeline: boolean): Scheduled {
    const tables = this.tablesFor(h, plan, weightsLoaded);
    const totals = scheduleRun(opList.table, { memory: h.memory, activation: h.activation, weight: h.weight, mask: h.mask, tables, timeline, afterPass }, rows);
    return { plan, tables, totals };
  }

  /** The faster of two schedules of a pass, then the one with less energy (`a` on a tie). */
  private faster(h: Hardware, a: Scheduled, b: Scheduled): Scheduled {
    return b.totals.cycles < a.totals.cycles || (b.totals.cycles === a.totals.cycles && this.energyOf(b.totals, h) < this.energyOf(a.totals, h)) ? b : a;
  }

  private tablesFor(h: Hardware, plan: Plan, weightsLoaded: boolean): CostTables {
    const x = this.x;
    return costTables({
      array: x.array, sparsity: x.kindSparsities, formats: x.formats, activation: h.activation, weight: h.weight, mask: h.mask, plan,
      constants: x.elector, accumulationSteps: x.steps, weightsLoaded,
    });
  }

  /**
   * The op list at `batch`: built once per run, and derived for the other batch sizes the
   * mapping tries (scaleOps.ts: the same numbers, at a fraction of a build's cost).
   */
  private opsAt(batch: number): OpList {
    const x = this.x;
    const source = this.source;
    if (source === undefined) {
      const opList = cachedOps(x.model, batch, x.mode, x.transientOps, x.names, x.shape);
      this.source = { batch, opList };
      return opList;
    }
    if (source.batch === batch) return source.opList;
    this.derivedBatch = batch;
    return scaleOps(source.opList, source.batch, batch, x.transientOps);
  }

  energyOf(t: RunTotals, h: Hardware): number {
    const x = this.x;
    // A run compares energies on one hardware model (two when the clock is not nominal).
    let input = this.energyHardware === h ? this.energyInput : undefined;
    if (!input) {
      input = { ...h, totals: t, acc: x.acc, mode: x.mode, reference: x.reference, elector: x.elector, powerGating: x.powerGating };
      this.energyHardware = h;
      this.energyInput = input;
    }
    input.totals = t;
    const e = electorEnergyInto(scratchEnergy, input);
    // sumEnergy's sums without its array: dynamic, then leakage, in the record's key order.
    const d = e.macLanes[0] + e.softmax[0] + e.layerNorm[0] + e.sparsity[0] + e.others[0] + e.activationBuffer[0] + e.weightBuffer[0] + e.maskBuffer[0] + e.mainMemory[0];
    const l = e.macLanes[1] + e.softmax[1] + e.layerNorm[1] + e.sparsity[1] + e.others[1] + e.activationBuffer[1] + e.weightBuffer[1] + e.maskBuffer[1] + e.mainMemory[1];
    return d + l;
  }

  measure(h: Hardware, sub: number, needLater: boolean, timeline: boolean): SubBatchMeasure {
    const first = this.runPass(h, sub, false, false, timeline);
    const m: SubBatchMeasure = { sub, first, keptPossible: needLater && first.weightsStay, hardware: h };
    // Reloading weights that stay resident makes no sense: then only the kept variant. A
    // later pass that reloads them is the first pass with its embedding rows loaded ahead.
    if (needLater && !first.plan.weightsResident) m.later = laterPassEstimate(first.totals);
    return m;
  }

  /** Later passes of `m` that find the weights on chip, scheduled once when first needed. */
  keptTotals(m: SubBatchMeasure): RunTotals {
    if (!m.keptPossible) throw new Error(`internal: sub-batch ${m.sub} cannot keep its weights`);
    if (m.laterKept === undefined) {
      // A derived list in shared storage may since have been overwritten by another size's.
      if (this.x.transientOps && this.derivedBatch !== m.sub && this.source?.batch !== m.sub) m.first.opList = this.opsAt(m.sub);
      m.laterKept = this.runPass(m.hardware, m.sub, true, true, false, m.first).totals;
    }
    return m.laterKept;
  }

}
