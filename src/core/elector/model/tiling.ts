/**
 * Compute time of one op on the array, in closed form from real tile counts.
 *
 * A product is cut into ⌈B/tb⌉·⌈M/t⌉·⌈N/t⌉·⌈K/t⌉ tiles of tb·t³ MACs (t = tile.x; edge
 * tiles are padded to full size, as the hardware runs them). A tile runs on one MAC lane;
 * the N_lanes = pe·lanesPerPe lanes take tiles in waves, so
 *   cycles = ⌈tiles / N_lanes⌉ · ⌈tb·t³·density / macsPerLane⌉,
 * which captures padding and wave quantisation (utilisation < 1 for small ops). Partial
 * sums of the K tiles of one output tile are accumulated on the way out at no extra cycles.
 *
 * Zero-skipping: density = (1 − s_A)·(1 − s_B), the fraction of MACs whose operands are
 * both non-zero, assuming zeros fall independently in the two operands.
 *
 * Only units that hold a tile are busy (and draw dynamic power): lane-cycles = tiles ×
 * cycles per tile. A PE's DMA and dataflow modules are busy while any of its units is.
 */
import type { ElectorConstants } from '../constants/elector.ts';
import { classIndex, type KindFormat } from './formats.ts';
import type { SimOp } from './opTypes.ts';

export interface ArrayShape {
  tb: number;
  t: number;
  pe: number;
  lanesPerPe: number;
  macsPerLane: number;
  softmaxPerPe: number;
  lanes: number;
  softmaxUnits: number;
}

export interface ComputeCost {
  cycles: number;
  /** MAC-lane cycles (sum over lanes of their busy cycles). */
  laneBusy: number;
  softmaxBusy: number;
  layerNormBusy: number;
  /** PE cycles during which the PE's DMA and dataflow modules work. */
  peBusy: number;
  /** Useful MAC-lane operations after zero-skipping (for the compute bound). */
  macs: number;
}

const ceil = Math.ceil;

export function emptyComputeCost(): ComputeCost {
  return { cycles: 0, laneBusy: 0, softmaxBusy: 0, layerNormBusy: 0, peBusy: 0, macs: 0 };
}

/** Compute cost of `op`, written into `out` (reused by the cost loop: no allocation per op). */
export function computeCost(op: SimOp, a: ArrayShape, k: KindFormat, c: ElectorConstants, out: ComputeCost = emptyComputeCost()): ComputeCost {
  const { tb, t } = a;
  const sp = k.classSparsity;
  out.laneBusy = 0;
  out.softmaxBusy = 0;
  out.layerNormBusy = 0;
  out.macs = 0;
  switch (op.kind) {
    case 'matmul': {
      const density = (1 - sp[classIndex(op.a)]) * (1 - sp[classIndex(op.b)]);
      const tiles = op.groups * ceil(op.batch / tb) * ceil(op.m / t) * ceil(op.n / t) * ceil(op.k / t);
      const macs = op.groups * op.batch * op.m * op.k * op.n * density;
      return onLanes(out, a, tiles, ceil((tb * t * t * t * density) / a.macsPerLane), macs);
    }
    case 'conv': {
      const density = (1 - sp[classIndex(op.a)]) * (1 - sp[classIndex(op.b)]);
      const tiles = ceil(op.batch / tb) * ceil(op.positions / t) * ceil(op.channels / t);
      const macs = op.batch * op.positions * op.channels * op.taps * density;
      return onLanes(out, a, tiles, ceil((tb * t * t * op.taps * density) / a.macsPerLane), macs);
    }
    case 'nonLinearity': {
      // f(0) = 0 for ReLU and GELU (and dY = 0 gives dX = 0), so zero elements are skipped.
      // One element per MAC unit per cycle: the lane's non-linearity hardware is per MAC.
      const density = 1 - sp[classIndex(op.in)];
      const tiles = ceil(op.batch / tb) * ceil(op.rows / t) * ceil(op.cols / t);
      return onLanes(out, a, tiles, ceil((tb * t * t * density) / a.macsPerLane), op.batch * op.rows * op.cols * density);
    }
    case 'softmax':
    case 'layerNorm': {
      // A module of tile size t has t parallel lanes and makes two passes over a t×t tile
      // (exp + sum / mean + variance, then normalise): tb·(tx + ty) cycles per tile, the
      // reference's fast-path cost. No zero-skipping: exp(0) = 1, and normalising moves zeros.
      const tiles = ceil(op.batch / tb) * ceil(op.rows / t) * ceil(op.cols / t);
      const perTile = tb * 2 * t;
      const units = op.kind === 'softmax' ? a.softmaxUnits : a.pe;
      const perPe = op.kind === 'softmax' ? a.softmaxPerPe : 1;
      const cycles = ceil(tiles / units) * perTile;
      const busy = tiles * perTile;
      const activePes = Math.min(a.pe, ceil(Math.min(tiles, units) / perPe));
      out.cycles = cycles;
      if (op.kind === 'softmax') out.softmaxBusy = busy;
      else out.layerNormBusy = busy;
      out.peBusy = activePes * cycles;
      return out;
    }
    case 'optimizer': {
      // AdamW is elementwise: laneOpsPerParam operations per parameter spread over all MACs.
      const ops = op.params * c.optimizer.laneOpsPerParam;
      const laneBusy = ceil(ops / a.macsPerLane);
      const cycles = ceil(laneBusy / a.lanes);
      out.cycles = cycles;
      out.laneBusy = laneBusy;
      out.peBusy = a.pe * cycles;
      out.macs = ops;
      return out;
    }
    default:
      out.cycles = 0;
      out.peBusy = 0;
      return out;
  }
}

function onLanes(out: ComputeCost, a: ArrayShape, tiles: number, perTile: number, macs: number): ComputeCost {
  const cycles = ceil(tiles / a.lanes) * perTile;
  out.cycles = cycles;
  out.laneBusy = tiles * perTile;
  out.peBusy = Math.min(a.pe, ceil(Math.min(tiles, a.lanes) / a.lanesPerPe)) * cycles;
  out.macs = macs;
  return out;
}
