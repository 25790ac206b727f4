import { describe, expect, it } from 'vitest';
import { ELECTOR_CONSTANTS } from '../constants/elector.ts';
import { REFERENCE_CONSTANTS } from '../constants/reference.ts';
import type { Sparsity } from '../types.ts';
import { bufferModel } from './buffers.ts';
import { createFormats } from './formats.ts';
import { conv, elementwise, matmul } from './opBuilders.ts';
import {
  COST_CYCLES, COST_LANE_BUSY, COST_LAYER_NORM_BUSY, COST_MACS, COST_PE_BUSY, COST_READS_A, COST_READS_B, COST_SOFTMAX_BUSY, COST_WAVE_COLS,
  costTables, opCostRecord, type ArrayShape, type CostTables,
} from './costTables.ts';
import { OpTable } from './opTable.ts';
import type { Plan } from './plan.ts';
import { costRow } from './opCost.ts';

const dense = { activation: 0, weight: 0, gradient: 0 };
const buffer = bufferModel(8, 1024, REFERENCE_CONSTANTS.activationBuffer, ELECTOR_CONSTANTS, 700);
const formats = createFormats(20, 1, bufferModel(1, 1024, REFERENCE_CONSTANTS.maskBuffer, ELECTOR_CONSTANTS, 700));
/** One op in a table of its own. */
type Row = { table: OpTable; i: number };
const one = (build: (t: OpTable) => number): Row => {
  const table = new OpTable(1);
  return { table, i: build(table) };
};
/** Compute cost does not depend on the plan: weights resident, nothing spilled. */
const plan: Plan = {
  weightsResident: true, weightPanelElems: Infinity, maskShareActivationBits: 0, maskShareWeightBits: 0, stashSpill: [0, 0],
  stashElems: 0, stashSpilledElems: 0, stashKeptElems: 0, workingSetFloorElems: 0, weightCapacityElems: Infinity,
};
/** The compute part of `costRow`, as a record. */
function costOfRow(ops: OpTable, i: number, k: CostTables) {
  const c = opCostRecord();
  costRow(ops, i, k, c);
  return {
    cycles: c[COST_CYCLES], laneBusy: c[COST_LANE_BUSY], softmaxBusy: c[COST_SOFTMAX_BUSY], layerNormBusy: c[COST_LAYER_NORM_BUSY],
    peBusy: c[COST_PE_BUSY], macs: c[COST_MACS],
  };
}
/** Every op kind at sparsity `s`. */
const computeCost = (op: Row, a: ArrayShape, s: Sparsity, c = ELECTOR_CONSTANTS) =>
  costOfRow(op.table, op.i, costTables({ array: a, sparsity: [s, s, s, s, s, s], formats, activation: buffer, weight: buffer, plan, constants: c, accumulationSteps: 1 }));
const at = { layer: 0, head: -1, prefix: '' };

function array(pe: number, lanesPerPe: number, macsPerLane = 16, t = 16, tb = 1, softmaxPerPe = 4): ArrayShape {
  return { tb, t, pe, lanesPerPe, macsPerLane, softmaxPerPe, lanes: pe * lanesPerPe, softmaxUnits: pe * softmaxPerPe };
}

const product = (m: number, k: number, n: number, batch = 1) =>
  one((t) => matmul(t, 'p', at, { batch, m, k, n, a: 'act', b: 'weight', out: 'act', bShared: true }));

describe('computeCost: products', () => {
  it('counts real tiles with padded edge tiles: ⌈B/tb⌉·⌈M/t⌉·⌈N/t⌉·⌈K/t⌉', () => {
    // 17×16·16×33 → 2·1·3 = 6 tiles of 16³ MACs on 1 lane: 6 waves of 256 cycles.
    const c = computeCost(product(17, 16, 33), array(1, 1), dense, ELECTOR_CONSTANTS);
    expect(c.cycles).toBe(6 * 256);
    expect(c.laneBusy).toBe(6 * 256);
    expect(c.macs).toBe(17 * 16 * 33);
  });

  it('runs tiles in waves over all lanes: 6 tiles on 4 lanes take 2 waves', () => {
    const c = computeCost(product(17, 16, 33), array(2, 2), dense, ELECTOR_CONSTANTS);
    expect(c.cycles).toBe(2 * 256);
    // Only tiles occupy lanes: 6 tiles × 256 cycles of lane time, not 4 lanes × 512.
    expect(c.laneBusy).toBe(6 * 256);
  });

  it('leaves lanes idle (utilisation < 1) when an op has fewer tiles than lanes', () => {
    const a = array(64, 16);
    const c = computeCost(product(16, 16, 16), a, dense, ELECTOR_CONSTANTS);
    expect(c.cycles).toBe(256);
    expect(c.laneBusy / (a.lanes * c.cycles)).toBeCloseTo(1 / 1024);
    expect(c.peBusy).toBe(256); // one PE holds the only tile
  });

  it('skips zero operands: density = (1 − s_a)(1 − s_w), assuming independent zeros', () => {
    const half = computeCost(product(64, 64, 64), array(1, 1), { activation: 0.5, weight: 0.5, gradient: 0.9 }, ELECTOR_CONSTANTS);
    const full = computeCost(product(64, 64, 64), array(1, 1), dense, ELECTOR_CONSTANTS);
    expect(half.cycles).toBe(full.cycles / 4);
    expect(half.macs).toBe(full.macs / 4);
  });

  it('uses the gradient sparsity for gradient operands', () => {
    const dX = one((t) => matmul(t, 'dX', at, { batch: 1, m: 64, k: 64, n: 64, a: 'grad', b: 'weight', out: 'grad', bShared: true }));
    const c = computeCost(dX, array(1, 1), { activation: 0, weight: 0, gradient: 0.75 }, ELECTOR_CONSTANTS);
    expect(c.cycles).toBe(64 * 64); // 64 tiles × ⌈4096·0.25/16⌉
  });
});

describe('computeCost: conv, softmax, LayerNorm, non-linearity', () => {
  it('charges a convolution k MACs per output element (tiles of t positions × t channels)', () => {
    const c9 = one((t) => conv(t, 'c', at, { batch: 1, positions: 128, channels: 64, taps: 9, a: 'act', b: 'weight', out: 'act' }));
    const c = computeCost(c9, array(1, 1), dense, ELECTOR_CONSTANTS);
    expect(c.cycles).toBe(8 * 4 * Math.ceil((16 * 16 * 9) / 16));
    expect(c.macs).toBe(128 * 64 * 9);
  });

  it('puts softmax on the softmax units: tb·2t cycles per t×t tile, in waves over pe·softmaxPerPe units', () => {
    const sm = one((t) => elementwise(t, 'softmax', 's', at, { batch: 12, rows: 128, cols: 128, in: 'act', out: 'act' }));
    const a = array(4, 8, 16, 16, 1, 2); // 8 softmax units
    const c = computeCost(sm, a, dense, ELECTOR_CONSTANTS);
    expect(c.cycles).toBe(Math.ceil((12 * 64) / 8) * 32);
    expect(c.softmaxBusy).toBe(12 * 64 * 32);
    expect(c.laneBusy).toBe(0);
  });

  it('puts LayerNorm on the one LN module per PE', () => {
    const ln = one((t) => elementwise(t, 'layerNorm', 'ln', at, { batch: 4, rows: 128, cols: 768, in: 'act', out: 'act' }));
    const c = computeCost(ln, array(64, 16), dense, ELECTOR_CONSTANTS);
    expect(c.cycles).toBe(Math.ceil((4 * 8 * 48) / 64) * 32);
    expect(c.layerNormBusy).toBe(4 * 8 * 48 * 32);
  });

  it('sizes the non-linearity by its own tensor (not a stale tile count) and skips zeros', () => {
    const nl = (cols: number) => one((t) => elementwise(t, 'nonLinearity', 'nl', at, { batch: 4, rows: 128, cols, in: 'act', out: 'act' }));
    const a = array(1, 1);
    expect(computeCost(nl(3072), a, dense, ELECTOR_CONSTANTS).cycles).toBe(4 * computeCost(nl(768), a, dense, ELECTOR_CONSTANTS).cycles);
    const sparse = computeCost(nl(768), a, { ...dense, activation: 0.5 }, ELECTOR_CONSTANTS).cycles;
    expect(sparse).toBe(computeCost(nl(768), a, dense, ELECTOR_CONSTANTS).cycles / 2);
  });

  it('does not zero-skip softmax or LayerNorm (exp(0) = 1; normalising moves zeros)', () => {
    const sm = one((t) => elementwise(t, 'softmax', 's', at, { batch: 1, rows: 128, cols: 128, in: 'act', out: 'act' }));
    const a = array(4, 8);
    expect(computeCost(sm, a, { activation: 0.9, weight: 0, gradient: 0 }, ELECTOR_CONSTANTS).cycles).toBe(
      computeCost(sm, a, dense, ELECTOR_CONSTANTS).cycles,
    );
  });
});

describe('costRow: the wave shape', () => {
  it('breaks a tie in time by fewer buffer reads: a small A against weights whose arrival binds reads A fewest times', () => {
    // 16 tokens × 1024 × 1024 weights that load from main memory: the weight buffer's arrivals
    // bind every shape, B is read once whatever the shape, so only A's reads differ.
    const op = product(16, 1024, 1024);
    const tables = costTables({ array: array(4, 4), sparsity: [dense, dense, dense, dense, dense, dense], formats, activation: buffer, weight: buffer, plan, constants: ELECTOR_CONSTANTS, accumulationSteps: 1 });
    const cost = opCostRecord();
    costRow(op.table, op.i, tables, cost);
    expect(cost[COST_READS_B]).toBe(1);
    // 64 column tiles over at most 16 columns of lanes: 4 reads of A, the fewest.
    expect(cost[COST_WAVE_COLS]).toBe(16);
    expect(cost[COST_READS_A]).toBe(4);
  });
});
