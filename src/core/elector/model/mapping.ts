/**
 * The mapping search (docs/elector-model.md §4): how a batch runs as passes. Sub-batches of
 * full/2^k are measured (passes.ts) while a pass spills or leaves material transfers
 * exposed, then chosen level by level from the smallest, by the run's mapping objective.
 */
import type { MappingObjective } from '../types.ts';
import type { Hardware, Pass, PassContext, PassPlanner, SubBatchMeasure } from './passes.ts';
import { addLayerBoundaries, addScaled, emptyTotals, finishRun, type RunTotals } from './runTotals.ts';

/**
 * How much energy per sequence a faster mapping may add under the `balanced` objective: at
 * most (T_half / T)^α of the half-size choice's, α = 0.1 (2× faster may cost 7 % more energy).
 * The `energy` objective is α = 0 (per-sequence energy never grows with the batch, but more
 * hardware may then run slower: a faster mapping refused for 3 % of energy), and `time` is
 * α = ∞ with every sub-batch tried (more hardware is never slower, but per-sequence energy
 * may grow with the batch); see docs/elector-model.md §4.
 */
export const TIME_FOR_ENERGY = 0.1;

/** The allowance exponent α of each objective. */
const ALLOWANCE: Record<MappingObjective, number> = { balanced: TIME_FOR_ENERGY, energy: 0, time: Infinity };

/** Exposed transfers below this share of the batch's cycles do not make smaller passes worth trying. */
const MATERIAL_EXPOSURE = 0.02;

/**
 * Shortcuts of the mapping search that must not change its choice; switchable so that a
 * test can show they do not (passes.test.ts).
 */
export const SEARCH_SHORTCUTS = {
  /** Skip scheduling a kept pass whose floor (`keptFloorCycles`) already loses. */
  keptFloor: true,
};

/** The smallest sub-batch a batch is cut into: the design space's smallest batch. */
export const MIN_SUB_BATCH = 4;

/**
 * How a batch runs: groups of `group` sequences one after another, each as passes of `sub`
 * sequences; with `kept`, later passes find the weights on chip.
 */
export interface Mapping {
  sub: number;
  kept: boolean;
  group: number;
}

/** The mapping search of one run, over its planner's passes. */
export class MappingSearch {
  constructor(
    private readonly planner: PassPlanner,
    private readonly x: PassContext,
  ) {}

  /**
   * The mapping of the batch onto passes: sub-batches of full/2^k, tried while the pass
   * spills or leaves material transfers exposed (under `time`, every one: a shortcut that a
   * bigger machine takes and a smaller one does not could make the bigger one slower).
   * Chosen level by level from the smallest: at each level the half-size choice, repeated, is
   * an option, and another replaces it only if faster and within the objective's energy
   * allowance (`ALLOWANCE`).
   */
  chooseMapping(h: Hardware, timeline: boolean): Mapping & { measures: SubBatchMeasure[] } {
    const acc = this.x.acc;
    const full = acc.batchSize;
    const alpha = ALLOWANCE[this.x.objective];
    const everyLevel = alpha === Infinity;
    const measures: SubBatchMeasure[] = [this.planner.measure(h, full, false, timeline)];
    // Smaller passes pay where a pass spills, or where its exposed transfers are material for
    // the batch: passes of half the size overlap about half of them with their neighbours.
    const worthCutting = (p: Pass) => everyLevel || p.spills || exposed(p, full);
    if (!worthCutting(measures[0].first)) return { sub: full, kept: false, group: full, measures };
    // Passes narrower than a tile's batch would only compute padding; none below the design
    // space's smallest batch, which the model takes as the finest grain a compiler splits a batch into.
    for (let b = Math.floor(full / 2); b >= Math.max(MIN_SUB_BATCH, acc.tile.b); b = Math.floor(b / 2)) {
      const m = this.planner.measure(h, b, true, false);
      measures.push(m);
      if (!worthCutting(m.first)) break; // smaller passes mostly lose amortisation from here on
    }
    // Smallest level first: its only option is one pass.
    const last = measures[measures.length - 1];
    let choice: Mapping = { sub: last.sub, kept: false, group: last.sub };
    for (let j = measures.length - 2; j >= 0; j--) {
      const level = measures[j].sub;
      // The half-size level's choice, run as often as it takes: the same cost per sequence.
      const refTotals = this.mappingTotals(choice, measureOf(measures, choice.sub), level, h);
      let best = choice;
      let bestCycles = refTotals.cycles;
      const budget = everyLevel ? Infinity : this.planner.energyOf(refTotals, h) * (1 + 1e-12);
      for (let i = j; i < measures.length; i++) {
        const m = measures[i];
        // One pass at this level; or passes of a smaller sub-batch, reloading or keeping the weights.
        for (let v = 0; v < 2; v++) {
          const kept = i === j ? false : m.later && m.keptPossible ? v === 1 : !m.later;
          if (v === 1 && !(i > j && m.later && m.keptPossible)) break;
          // A later pass takes at least its ops' compute, whatever it finds on chip: an option
          // that cannot be faster than the best so far is not scheduled.
          if (kept && m.laterKept === undefined && SEARCH_SHORTCUTS.keptFloor && keptFloorCycles(m, level) >= bestCycles) continue;
          const option: Mapping = { sub: m.sub, kept, group: level };
          const t = this.mappingTotals(option, m, level, h);
          // Faster, and no more energy than the half-size choice, or only a little more in
          // exchange for the time: at most (T_half / T)^α.
          if (t.cycles < bestCycles && (everyLevel || this.planner.energyOf(t, h) <= budget * Math.pow(refTotals.cycles / t.cycles, alpha))) {
            best = option;
            bestCycles = t.cycles;
          }
        }
      }
      choice = best;
    }
    return { ...choice, measures };
  }

  /**
   * Whether a run's totals `b` should replace `a` under the objective: faster, and within the
   * energy allowance of `a` (as a level's options are judged in `chooseMapping`), or no slower
   * and cheaper.
   */
  replaces(a: RunTotals, b: RunTotals, h: Hardware): boolean {
    const alpha = ALLOWANCE[this.x.objective];
    if (alpha === Infinity) return b.cycles < a.cycles;
    const ea = this.planner.energyOf(a, h), eb = this.planner.energyOf(b, h);
    return (b.cycles < a.cycles && eb <= ea * Math.pow(a.cycles / b.cycles, alpha)) || (b.cycles <= a.cycles && eb < ea);
  }

  /** A mapping at `level` sequences: level / group repetitions of `group` sequences in passes of `sub`. */
  mappingTotals(m: Mapping, measured: SubBatchMeasure, level: number, h: Hardware): RunTotals {
    const once = this.combine(measured, m.group, m.kept, h);
    const repeats = Math.ceil(level / m.group);
    if (repeats === 1) return once;
    const out = emptyTotals();
    addScaled(out, once, repeats);
    return out;
  }

  /**
   * A batch of `level` sequences as passes of `sub` (one pass when equal): the first pass
   * loads the weights; later passes start while the previous one runs (their embedding rows
   * load ahead) and, with `kept`, find the weights on chip: the whole model resident, or
   * layer by layer when every layer's weights fit (the layer boundary's full-batch
   * activations then cross main memory when they do not fit the activation buffer).
   */
  combine(m: SubBatchMeasure, level: number, kept: boolean, h: Hardware): RunTotals {
    const x = this.x;
    const passes = Math.ceil(level / m.sub);
    const out = emptyTotals();
    addScaled(out, m.first.totals, 1);
    if (passes === 1) {
      finishRun(out, m.first.totals.busTailCycles);
      return out;
    }
    const later = kept || !m.later ? this.planner.keptTotals(m) : m.later;
    addScaled(out, later, passes - 1);
    finishRun(out, later.busTailCycles);
    if (kept && !m.first.plan.weightsResident) addLayerBoundaries(out, x.model, level, x.seqLen, h.activation, x.formats, x.sparsity, h.memory);
    return out;
  }
}

/** A pass's exposed transfers are material for a batch of `full` sequences (see `chooseMapping`). */
export function exposed(p: Pass, full: number): boolean {
  return p.exposedCycles > MATERIAL_EXPOSURE * (full / p.batch) * p.totals.cycles;
}

/**
 * A floor under the cycles of `level` sequences as passes of `m.sub` that keep the weights:
 * the first pass, then later passes that take at least their ops' compute (the kept pass runs
 * the same ops, fused the same way, with the same compute; `finishRun` and layer boundaries
 * only add).
 */
function keptFloorCycles(m: SubBatchMeasure, level: number): number {
  const passes = Math.ceil(level / m.sub);
  return m.first.totals.cycles + (passes - 1) * m.first.totals.computeFloorCycles;
}

export function measureOf(measures: readonly SubBatchMeasure[], sub: number): SubBatchMeasure {
  for (const m of measures) if (m.sub === sub) return m;
  throw new Error(`internal: no measure of sub-batch ${sub}`);
}
