/**
 * Accelerator area (docs/elector.md §5). Both cost models share it: the hardware
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

/**
 * The sums over lanes and PEs, remembered by the fields they read, per constants table
 * (tables are not edited once built): sweeps meet the same few hundred arrays again and
 * again, and the loops run up to a thousand additions.
 */
const peArrayCache = new WeakMap<ReferenceConstants, Map<number, number>>();
const MAX_CACHED_ARRAYS = 4096;

function within(value: number, limit: number): boolean {
  return Number.isInteger(value) && value >= 0 && value < limit;
}

/** The fields the PE sums read, packed into one exact number (< 2^50); -1 when one is out of range. */
function peArrayKey(acc: AcceleratorConfig, training: boolean): number {
  const { pe, lanesPerPe, softmaxPerPe, macsPerLane } = acc;
  const t = acc.tile.x;
  if (!within(pe, 1 << 14) || !within(lanesPerPe, 1 << 11) || !within(softmaxPerPe, 1 << 10) || !within(t, 1 << 7) || !within(macsPerLane, 1 << 6)) {
    return -1;
  }
  const key = (((pe * (1 << 11) + lanesPerPe) * (1 << 10) + softmaxPerPe) * (1 << 7) + t) * (1 << 6) + macsPerLane;
  return (key * 2 + (acc.nonLinearity === 'gelu' ? 1 : 0)) * 2 + (training ? 1 : 0);
}

function peArrayAreaUm2(acc: AcceleratorConfig, training: boolean, c: ReferenceConstants): number {
  const key = peArrayKey(acc, training);
  if (key < 0) return sumPeArrayUm2(acc, training, c);
  let cache = peArrayCache.get(c);
  if (!cache) peArrayCache.set(c, (cache = new Map()));
  let total = cache.get(key);
  if (total === undefined) {
    if (cache.size >= MAX_CACHED_ARRAYS) cache.clear();
    total = sumPeArrayUm2(acc, training, c);
    cache.set(key, total);
  }
  return total;
}

/** Lanes one by one into the PE, then the softmax units, dataflow, DMA, layer norm; PEs one by one. */
function sumPeArrayUm2(acc: AcceleratorConfig, training: boolean, c: ReferenceConstants): number {
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
  return total;
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
  const sr = c.stochasticRounding.areaUm2;
  const softmax = tileConstant(c.softmax, acc.tile.x, 'softmax').areaUm2;
  const layerNorm = tileConstant(c.layerNorm, acc.tile.x, 'layer-norm').areaUm2;

  let total = peArrayAreaUm2(acc, training, c);
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

/** The run figures both cost models report the same way: time from cycles and clock, and area. */
export function timeAndArea(cycles: number, clockMHz: number, acc: AcceleratorConfig, mode: SimMode, c: ReferenceConstants) {
  const latencyS = cycles / (clockMHz * 1e6);
  const area = computeArea(acc, mode, c);
  return {
    clockMHz,
    cycles,
    latencyS,
    throughputSeqPerS: acc.batchSize / latencyS,
    areaMm2: area.areaMm2,
    areaByModuleMm2: { ...area.byModuleMm2 } as Record<string, number>,
    batchSize: acc.batchSize,
  };
}
