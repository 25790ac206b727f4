/**
 * Energy of a run (nJ), per module, as [dynamic, leakage]. P[mW] / f[MHz] = nJ per cycle.
 *
 * Dynamic: P_dyn × busy unit-cycles, counting only the units that hold work (a one-wave
 * op with fewer tiles than lanes powers only those lanes). The pre/post-sparsity modules,
 * FIFO (and stochastic rounding in training) sit on each lane and work whenever their lane
 * does; a PE's DMA and dataflow modules work whenever any unit of the PE does. Buffers:
 * bits moved × energy per bit. Main memory: bits × e_bit (read and write).
 * Leakage: P_leak × all units × total cycles; buffers mW/MB × MB; main memory its
 * background power P_bg (only while transferring when RRAM is power-gated).
 */
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import { laneConstant, tileConstant } from '../area.ts';
import type { ReferenceConstants } from '../constants/reference.ts';
import type { DynLeakNJ, ElectorEnergyNJ, SimMode } from '../types.ts';
import type { BufferModel } from './buffers.ts';
import type { MainMemoryModel } from './memory.ts';
import type { RunTotals } from './schedule.ts';

export interface EnergyInput {
  totals: RunTotals;
  acc: AcceleratorConfig;
  mode: SimMode;
  reference: ReferenceConstants;
  clockMHz: number;
  activation: BufferModel;
  weight: BufferModel;
  mask: BufferModel;
  memory: MainMemoryModel;
}

export function electorEnergy(x: EnergyInput): ElectorEnergyNJ {
  const { totals: t, acc, reference: r } = x;
  const f = x.clockMHz;
  const cycles = t.cycles;
  const lanes = acc.pe * acc.lanesPerPe;
  const lane = laneConstant(r, acc);
  const softmax = tileConstant(r.softmax, acc.tile.x, 'softmax');
  const layerNorm = tileConstant(r.layerNorm, acc.tile.x, 'layer-norm');
  const training = x.mode === 'training';

  const perLaneDyn = r.fifo.dynamicMW + (training ? r.stochasticRounding.dynamicMW : 0);
  const perLaneLeak = r.fifo.leakageMW + (training ? r.stochasticRounding.leakageMW : 0);
  const perPeDyn = r.dma.dynamicMW + r.dataflow.dynamicMW;
  const perPeLeak = r.dma.leakageMW + r.dataflow.leakageMW;
  const sparsityDyn = r.preSparsity.dynamicMW + r.postSparsity.dynamicMW;
  const sparsityLeak = r.preSparsity.leakageMW + r.postSparsity.leakageMW;

  return {
    macLanes: module(lane.dynamicMW, t.laneBusy, lane.leakageMW, lanes, f, cycles),
    softmax: module(softmax.dynamicMW, t.softmaxBusy, softmax.leakageMW, acc.pe * acc.softmaxPerPe, f, cycles),
    layerNorm: module(layerNorm.dynamicMW, t.layerNormBusy, layerNorm.leakageMW, acc.pe, f, cycles),
    sparsity: module(sparsityDyn, t.laneBusy, sparsityLeak, lanes, f, cycles),
    others: [
      (perLaneDyn / f) * t.laneBusy + (perPeDyn / f) * t.peBusy,
      ((perLaneLeak * lanes + perPeLeak * acc.pe) / f) * cycles,
    ],
    activationBuffer: buffer(x.activation, t.activationBits, f, cycles),
    weightBuffer: buffer(x.weight, t.weightBits, f, cycles),
    maskBuffer: buffer(x.mask, t.maskBits, f, cycles),
    mainMemory: [
      t.mmReadBits * x.memory.readNJPerBit + t.mmWriteBits * x.memory.writeNJPerBit,
      (x.memory.backgroundMW / f) * (x.memory.powerGated ? t.mmBusy : cycles),
    ],
  };
}

/** A module: dynamic energy while its units are busy, leakage from all of them over the run. */
function module(dynMW: number, busyUnitCycles: number, leakMW: number, units: number, f: number, cycles: number): DynLeakNJ {
  return [(dynMW / f) * busyUnitCycles, ((leakMW * units) / f) * cycles];
}

/** A buffer: energy per bit moved, leakage over the run. */
function buffer(b: BufferModel, bits: number, f: number, cycles: number): DynLeakNJ {
  return [bits * b.nJPerBit, (b.leakageMW / f) * cycles];
}
