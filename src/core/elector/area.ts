/**
 * Accelerator area (specs/elector.md §5). Both cost models share it: the hardware
 * is the same, only the costing differs. Area depends on the mode (training adds a
 * stochastic-rounding unit per lane) and never on the model.
 *
 * The sums run in the reference's order (lanes one by one into the PE, then the
 * softmax units, dataflow, DMA, layer norm; PEs one by one; then the buffers), so
 * the total equals the reference bit for bit. A product form differs in the last ulp.
 */
import type { AcceleratorConfig } from '../space/accelerator/types.ts';
import type { ModuleConstant, ReferenceConstants } from './constants/reference.ts';
import type { SimMode } from './types.ts';

export interface AreaBreakdownMm2 {
  macLanes: number;
  sparsity: number;
  fifo: number;
  stochasticRounding: number;
  softmax: number;
  layerNorm: number;
  dataflow: number;
  dma: number;
  activationBuffer: number;
  weightBuffer: number;
  maskBuffer: number;
}

export interface AreaResult {
  areaMm2: number;
  byModuleMm2: AreaBreakdownMm2;
}

/** The lane constant for a config: by MACs per lane and non-linearity. */
export function laneConstant(c: ReferenceConstants, acc: AcceleratorConfig): ModuleConstant {
  const byMacs = c.lane[String(acc.macsPerLane) as '1' | '16'];
  if (!byMacs) throw new Error(`macsPerLane: no lane constants for ${acc.macsPerLane} MACs per lane (have 1, 16)`);
  return byMacs[acc.nonLinearity];
}

export function tileConstant(table: Record<'8' | '16' | '32', ModuleConstant>, tileX: number, what: string): ModuleConstant {
  const k = table[String(tileX) as '8' | '16' | '32'];
  if (!k) throw new Error(`tile.x: no ${what} constants for tile size ${tileX} (have 8, 16, 32)`);
  return k;
}

export function computeArea(acc: AcceleratorConfig, mode: SimMode, c: ReferenceConstants): AreaResult {
  const training = mode === 'training';
  const lane = laneConstant(c, acc).areaUm2;
  const perLaneExtras = c.preSparsity.areaUm2 + c.postSparsity.areaUm2 + c.fifo.areaUm2;
  const sr = c.stochasticRounding.areaUm2;
  const softmax = tileConstant(c.softmax, acc.tile.x, 'softmax').areaUm2;
  const layerNorm = tileConstant(c.layerNorm, acc.tile.x, 'layer-norm').areaUm2;

  let pe = 0;
  for (let i = 0; i < acc.lanesPerPe; i++) {
    pe += lane;
    pe += perLaneExtras;
    if (training) pe += sr;
  }
  for (let i = 0; i < acc.softmaxPerPe; i++) pe += softmax;
  pe += c.dataflow.areaUm2;
  pe += c.dma.areaUm2;
  pe += layerNorm;

  let total = 0;
  for (let i = 0; i < acc.pe; i++) total += pe;
  const act = c.activationBuffer.areaUm2PerMB * acc.activationBufferMB;
  const wgt = c.weightBuffer.areaUm2PerMB * acc.weightBufferMB;
  const mask = c.maskBuffer.areaUm2PerMB * acc.maskBufferMB;
  total += act;
  total += wgt;
  total += mask;

  const lanes = acc.pe * acc.lanesPerPe;
  const um2ToMm2 = 1e-6;
  return {
    areaMm2: total / 1e6,
    // The breakdown is for charts; it sums to the total up to rounding.
    byModuleMm2: {
      macLanes: lanes * lane * um2ToMm2,
      sparsity: lanes * (c.preSparsity.areaUm2 + c.postSparsity.areaUm2) * um2ToMm2,
      fifo: lanes * c.fifo.areaUm2 * um2ToMm2,
      stochasticRounding: training ? lanes * sr * um2ToMm2 : 0,
      softmax: acc.pe * acc.softmaxPerPe * softmax * um2ToMm2,
      layerNorm: acc.pe * layerNorm * um2ToMm2,
      dataflow: acc.pe * c.dataflow.areaUm2 * um2ToMm2,
      dma: acc.pe * c.dma.areaUm2 * um2ToMm2,
      activationBuffer: act * um2ToMm2,
      weightBuffer: wgt * um2ToMm2,
      maskBuffer: mask * um2ToMm2,
    },
  };
}
