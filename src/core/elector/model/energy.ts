/**
 * Energy of a run (nJ), per module, as [dynamic, leakage] (docs/elector-model.md §6).
 *
 * Dynamic energy is per action: a module's P_dyn was characterised at the nominal clock
 * (700 MHz), so one busy unit-cycle costs P_dyn / f_nominal nJ whatever the run's clock:
 * the same switched charge. Only the units that hold work count (a one-wave op with fewer
 * tiles than lanes powers only those lanes). The pre/post-sparsity modules, FIFO (and
 * stochastic rounding in training) sit on each lane and work whenever their lane does; a
 * PE's DMA and dataflow modules work whenever any unit of the PE does. Buffers: bits moved
 * × energy per bit. Main memory: bits × e_bit (read and write).
 *
 * Leakage is power × time, at the run's clock: P_leak / f × cycles. With power gating (the
 * default) an idle compute unit keeps only `gatedLeakageFraction` of its leakage; buffers
 * hold data and always leak; main memory its background power P_bg (only while
 * transferring when RRAM is power-gated).
 */
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import { laneConstant, tileConstant } from '../area.ts';
import type { ElectorConstants } from '../constants/elector.ts';
import type { ReferenceConstants } from '../constants/reference.ts';
import type { DynLeakNJ, ElectorEnergyNJ, SimMode } from '../types.ts';
import type { BufferModel } from './buffers.ts';
import type { MainMemoryModel } from './memory.ts';
import type { RunTotals } from './runTotals.ts';

export interface EnergyInput {
  totals: RunTotals;
  acc: AcceleratorConfig;
  mode: SimMode;
  reference: ReferenceConstants;
  elector: ElectorConstants;
  clockMHz: number;
  powerGating: boolean;
  activation: BufferModel;
  weight: BufferModel;
  mask: BufferModel;
  memory: MainMemoryModel;
}

/** Energy by module into a fresh record. */
export function electorEnergy(x: EnergyInput): ElectorEnergyNJ {
  return electorEnergyInto(emptyEnergy(), x);
}

export function emptyEnergy(): ElectorEnergyNJ {
  return {
    macLanes: [0, 0], softmax: [0, 0], layerNorm: [0, 0], sparsity: [0, 0], others: [0, 0],
    activationBuffer: [0, 0], weightBuffer: [0, 0], maskBuffer: [0, 0], mainMemory: [0, 0],
  };
}

/** Energy by module into `out` (reused by callers that only compare totals: no allocation). */
export function electorEnergyInto(out: ElectorEnergyNJ, x: EnergyInput): ElectorEnergyNJ {
  const { totals: t, acc, reference: r } = x;
  const f = x.clockMHz;
  const fNominal = x.elector.energy.nominalClockMHz;
  const cycles = t.cycles;
  const lanes = acc.pe * acc.lanesPerPe;
  const lane = laneConstant(r, acc);
  const softmax = tileConstant(r.softmax, acc.tile.x, 'softmax');
  const layerNorm = tileConstant(r.layerNorm, acc.tile.x, 'layer-norm');
  const training = x.mode === 'training';
  // Unit-cycles during which a unit of each kind leaks.
  const g = x.powerGating ? x.elector.energy.gatedLeakageFraction : 1;

  const perLaneDyn = r.fifo.dynamicMW + (training ? r.stochasticRounding.dynamicMW : 0);
  const perLaneLeak = r.fifo.leakageMW + (training ? r.stochasticRounding.leakageMW : 0);
  const perPeDyn = r.dma.dynamicMW + r.dataflow.dynamicMW;
  const perPeLeak = r.dma.leakageMW + r.dataflow.leakageMW;
  const sparsityDyn = r.preSparsity.dynamicMW + r.postSparsity.dynamicMW;
  const sparsityLeak = r.preSparsity.leakageMW + r.postSparsity.leakageMW;
  const softmaxUnits = acc.pe * acc.softmaxPerPe;
  const laneLeakCycles = leaking(t.laneBusy, lanes, cycles, g);
  const peLeakCycles = leaking(t.peBusy, acc.pe, cycles, g);

  set(out.macLanes, (lane.dynamicMW / fNominal) * t.laneBusy, (lane.leakageMW / f) * laneLeakCycles);
  set(out.softmax, (softmax.dynamicMW / fNominal) * t.softmaxBusy, (softmax.leakageMW / f) * leaking(t.softmaxBusy, softmaxUnits, cycles, g));
  set(out.layerNorm, (layerNorm.dynamicMW / fNominal) * t.layerNormBusy, (layerNorm.leakageMW / f) * leaking(t.layerNormBusy, acc.pe, cycles, g));
  set(out.sparsity, (sparsityDyn / fNominal) * t.laneBusy, (sparsityLeak / f) * laneLeakCycles);
  set(
    out.others,
    (perLaneDyn / fNominal) * t.laneBusy + (perPeDyn / fNominal) * t.peBusy,
    (perLaneLeak / f) * laneLeakCycles + (perPeLeak / f) * peLeakCycles,
  );
  // Buffers: energy per bit moved, leakage over the run.
  set(out.activationBuffer, t.activationBits * x.activation.nJPerBit, (x.activation.leakageMW / f) * cycles);
  set(out.weightBuffer, t.weightBits * x.weight.nJPerBit, (x.weight.leakageMW / f) * cycles);
  set(out.maskBuffer, t.maskBits * x.mask.nJPerBit, (x.mask.leakageMW / f) * cycles);
  set(
    out.mainMemory,
    t.mmReadBits * x.memory.readNJPerBit + t.mmWriteBits * x.memory.writeNJPerBit,
    (x.memory.backgroundMW / f) * (x.memory.powerGated ? t.mmBusy : cycles),
  );
  return out;
}

/**
 * Unit-cycles during which `units` units leak: busy ones fully, idle ones by `g`. A module
 * function, not a closure: energy is evaluated for every mapping compared, and a closure
 * per call costs an allocation (and, under tsx, a naming call).
 */
function leaking(busy: number, units: number, cycles: number, g: number): number {
  return busy + g * Math.max(0, units * cycles - busy);
}

function set(pair: DynLeakNJ, dynamicNJ: number, leakageNJ: number): void {
  pair[0] = dynamicNJ;
  pair[1] = leakageNJ;
}
