/**
 * Cost of one op in closed form: compute time on the array and data movement.
 *
 * Compute. A product is cut into ⌈B/tb⌉·⌈M/t⌉·⌈N/t⌉·⌈K/t⌉ tiles of tb·t³ MACs (t = tile.x;
 * edge tiles are padded to full size, as the hardware runs them). A tile runs on one MAC
 * lane; the N_lanes = pe·lanesPerPe lanes take tiles in waves, so
 *   cycles = ⌈tiles / N_lanes⌉ · ⌈tb·t³·density / macsPerLane⌉,
 * which captures padding and wave quantisation (utilisation < 1 for small ops). Partial
 * sums of the K tiles of one output tile are accumulated on the way out at no extra cycles.
 * Zero-skipping: density = (1 − s_A)·(1 − s_B), the fraction of MACs whose operands are
 * both non-zero, assuming zeros fall independently in the two operands. Only units that
 * hold a tile are busy (and draw dynamic power): lane-cycles = tiles × cycles per tile.
 * A PE's DMA and dataflow modules are busy while any of its units is.
 *
 * Data movement: main-memory bits read and written, and bits through each on-chip buffer
 * (data at the stored width, masks in the mask buffer). Everything read from main memory
 * is written into a buffer, everything written to it is read out of one. A wave of product
 * tiles is laid out as a near-square block of output tiles (R rows × C columns,
 * R·C ≤ N_lanes) and the dataflow module broadcasts each operand tile to the lanes of its
 * row or column, so A is read ⌈J/C⌉ times (J = ⌈N/t⌉ column tiles) and B ⌈I/R⌉ times
 * (I row tiles sharing B). Outputs stay in the lanes over the K loop and are written once.
 * Activation spill: when an op's working set (activation inputs + outputs) exceeds the
 * activation buffer, the excess is written to main memory and read back once (its
 * producer writes it, its consumer reads it: both are charged here).
 *
 * Per-op sums are added in a fixed order (floating-point sums depend on it). The data of a
 * class goes to its own buffer through the FMT_OWN_* fields: elems × 0 for the other
 * buffer adds nothing, and needs no branch.
 */
import {
  COST_ACTIVATION_BITS, COST_CYCLES, COST_LANE_BUSY, COST_LAYER_NORM_BUSY, COST_MACS, COST_MASK_BITS, COST_MM_READ_BITS,
  COST_MM_WRITE_BITS, COST_PANELS, COST_PE_BUSY, COST_SOFTMAX_BUSY, COST_SPILLED_ELEMS, COST_WEIGHT_BITS,
  FMT_ACTIVATION_DATA_BITS, FMT_ACTIVATION_MASK_BITS, FMT_MAIN_MEMORY_BITS, FMT_OWN_ACTIVATION_DATA_BITS, FMT_OWN_MASK_BITS,
  FMT_OWN_WEIGHT_DATA_BITS, FMT_SPARSITY, FMT_WEIGHT_DATA_BITS, FMT_WEIGHT_MASK_BITS, formatOffset, opCostRecord, type CostTables,
  type OpCost,
} from './costTables.ts';
import {
  C_A, C_ACT, C_B, C_DIRECTION, C_FLAGS, C_GRAD, C_KIND, C_OUT, C_WEIGHT, C_WGRAD, CODE_FIELDS, D_FORWARD, F_A_ELEMS, F_B_ELEMS,
  F_BATCH, F_BIAS, F_CHANNELS, F_COLS, F_ELEMS, F_GROUPS, F_K, F_M, F_N, F_OUT_ELEMS, F_PARAMS, F_POSITIONS, F_ROWS, F_STASH, F_TAPS,
  F_WORKING_SET, FLAG_ACTIVATION_BUFFER, FLAG_B_SHARED, formatIndex, K_CONV, K_LOAD, K_MATMUL, K_NON_LINEARITY, K_OPTIMIZER, K_SOFTMAX,
  K_STORE, NUM_FIELDS, onActivationSide, type OpTable,
} from './opTable.ts';

const ceil = Math.ceil;

/**
 * Cost of row `i` of `ops` into `cost` (reused by the cost loop: no allocation per op).
 * One function on purpose: split into per-kind helpers it ran 25% slower (the helpers were
 * not inlined, and each re-read the row).
 */
export function costRow(ops: OpTable, i: number, k: CostTables, cost: OpCost): void {
  const num = ops.num, code = ops.code;
  const o = i * NUM_FIELDS, c = i * CODE_FIELDS;
  const kind = code[c + C_KIND];
  const f = formatIndex(kind);
  const fm = k.formats;
  const a = k.array;
  const { tb, t, lanes } = a;
  const forward = code[c + C_DIRECTION] === D_FORWARD;
  let cycles = 0, laneBusy = 0, softmaxBusy = 0, layerNormBusy = 0, peBusy = 0, macs = 0;
  let read = 0, write = 0, activation = 0, weight = 0, mask = 0, panels = 1;

  if (kind === K_MATMUL || kind === K_CONV) {
    // Products (matmul) and sliding products (conv) on the MAC lanes.
    const qa = formatOffset(f, code[c + C_A]);
    const qb = formatOffset(f, code[c + C_B]);
    const qo = formatOffset(f, code[c + C_OUT]);
    const density = (1 - fm[qa + FMT_SPARSITY]) * (1 - fm[qb + FMT_SPARSITY]);
    const batch = num[o + F_BATCH];
    const weighted = code[c + C_B] === C_WEIGHT;
    const bias = kind === K_MATMUL ? num[o + F_BIAS] : 0;
    const bElems = num[o + F_B_ELEMS];
    let aElems = num[o + F_A_ELEMS];
    let bReads = bElems;
    let tiles, perTile;
    if (kind === K_MATMUL) {
      const groups = num[o + F_GROUPS], m = num[o + F_M], kk = num[o + F_K], n = num[o + F_N];
      const batchTiles = ceil(batch / tb), mTiles = ceil(m / t), colTiles = ceil(n / t);
      tiles = groups * batchTiles * mTiles * colTiles * ceil(kk / t);
      macs = groups * batch * m * kk * n * density;
      perTile = ceil((k.productTileMacs * density) / a.macsPerLane);
      const rowTiles = groups * batchTiles * mTiles;
      const cols = Math.min(colTiles, k.blockColumns);
      const blockRows = Math.max(1, Math.min(rowTiles, Math.floor(lanes / cols)));
      let aReads = ceil(colTiles / cols);
      const bSharers = (code[c + C_FLAGS] & FLAG_B_SHARED) !== 0 ? batchTiles * mTiles : mTiles;
      if (weighted) {
        // A weight matrix larger than a panel is streamed; A is re-read once per panel.
        panels = Math.max(1, ceil((bElems + bias) / k.weightPanelElems));
        aReads = Math.max(aReads, panels);
      }
      aElems = aElems * aReads;
      bReads = bElems * ceil(bSharers / blockRows) + bias;
    } else {
      const positions = num[o + F_POSITIONS], channels = num[o + F_CHANNELS], taps = num[o + F_TAPS];
      tiles = ceil(batch / tb) * ceil(positions / t) * ceil(channels / t);
      macs = batch * positions * channels * taps * density;
      perTile = ceil((k.planeTileMacs * taps * density) / a.macsPerLane);
    }
    cycles = ceil(tiles / lanes) * perTile;
    laneBusy = tiles * perTile;
    peBusy = Math.min(a.pe, ceil(Math.min(tiles, lanes) / a.lanesPerPe)) * cycles;
    if (weighted && (forward || !k.weightsResident)) {
      // Weights (with the bias, for a product) from main memory into the weight buffer.
      const q = formatOffset(f, C_WEIGHT);
      const e = bElems + bias;
      read += e * fm[q + FMT_MAIN_MEMORY_BITS];
      weight += e * fm[q + FMT_WEIGHT_DATA_BITS];
      mask += e * fm[q + FMT_WEIGHT_MASK_BITS];
    }
    // A alone is scaled by a re-read count, unbounded for a weight buffer of nothing: it goes
    // to its own buffer by a branch, so that ∞ never meets the other buffer's 0 (∞ · 0 = NaN).
    if (onActivationSide(code[c + C_A])) activation += aElems * fm[qa + FMT_ACTIVATION_DATA_BITS];
    else weight += aElems * fm[qa + FMT_WEIGHT_DATA_BITS];
    mask += aElems * fm[qa + FMT_OWN_MASK_BITS];
    activation += bReads * fm[qb + FMT_OWN_ACTIVATION_DATA_BITS];
    weight += bReads * fm[qb + FMT_OWN_WEIGHT_DATA_BITS];
    mask += bReads * fm[qb + FMT_OWN_MASK_BITS];
    const outElems = num[o + F_OUT_ELEMS];
    activation += outElems * fm[qo + FMT_OWN_ACTIVATION_DATA_BITS];
    weight += outElems * fm[qo + FMT_OWN_WEIGHT_DATA_BITS];
    mask += outElems * fm[qo + FMT_OWN_MASK_BITS];
    if (code[c + C_OUT] === C_WGRAD) {
      // Weight gradients (with the bias gradient) leave through the weight buffer to main memory.
      const e = outElems + bias;
      write += e * fm[qo + FMT_MAIN_MEMORY_BITS];
      weight += e * fm[qo + FMT_WEIGHT_DATA_BITS];
      mask += e * fm[qo + FMT_WEIGHT_MASK_BITS];
    }
  } else if (kind <= K_NON_LINEARITY) {
    const batch = num[o + F_BATCH], rows = num[o + F_ROWS], cols = num[o + F_COLS];
    const tiles = ceil(batch / tb) * ceil(rows / t) * ceil(cols / t);
    const qi = formatOffset(f, code[c + C_A]);
    const qo = formatOffset(f, code[c + C_OUT]);
    if (kind === K_NON_LINEARITY) {
      // f(0) = 0 for ReLU and GELU (and dY = 0 gives dX = 0), so zero elements are skipped.
      // One element per MAC unit per cycle: the lane's non-linearity hardware is per MAC.
      const density = 1 - fm[qi + FMT_SPARSITY];
      const perTile = ceil((k.planeTileMacs * density) / a.macsPerLane);
      macs = batch * rows * cols * density;
      cycles = ceil(tiles / lanes) * perTile;
      laneBusy = tiles * perTile;
      peBusy = Math.min(a.pe, ceil(Math.min(tiles, lanes) / a.lanesPerPe)) * cycles;
    } else {
      // A module of tile size t has t parallel lanes and makes two passes over a t×t tile
      // (exp + sum / mean + variance, then normalise): tb·(tx + ty) cycles per tile, the
      // reference's fast-path cost. No zero-skipping: exp(0) = 1, and normalising moves zeros.
      const softmax = kind === K_SOFTMAX;
      const perTile = k.normTileCycles;
      const units = softmax ? a.softmaxUnits : a.pe;
      const perPe = softmax ? a.softmaxPerPe : 1;
      cycles = ceil(tiles / units) * perTile;
      const busy = tiles * perTile;
      if (softmax) softmaxBusy = busy;
      else layerNormBusy = busy;
      peBusy = Math.min(a.pe, ceil(Math.min(tiles, units) / perPe)) * cycles;
    }
    // F_A_ELEMS = inputs · plane (LayerNorm reads the residual too), F_OUT_ELEMS = plane.
    const inElems = num[o + F_A_ELEMS];
    const outElems = num[o + F_OUT_ELEMS];
    activation += inElems * fm[qi + FMT_OWN_ACTIVATION_DATA_BITS];
    weight += inElems * fm[qi + FMT_OWN_WEIGHT_DATA_BITS];
    mask += inElems * fm[qi + FMT_OWN_MASK_BITS];
    activation += outElems * fm[qo + FMT_OWN_ACTIVATION_DATA_BITS];
    weight += outElems * fm[qo + FMT_OWN_WEIGHT_DATA_BITS];
    mask += outElems * fm[qo + FMT_OWN_MASK_BITS];
  } else if (kind === K_LOAD || kind === K_STORE) {
    // A transfer names its buffer: the embedding's weight-format rows land in the activation buffer.
    const q = formatOffset(f, code[c + C_A]);
    const e = num[o + F_ELEMS];
    const bits = e * fm[q + FMT_MAIN_MEMORY_BITS];
    if (kind === K_LOAD) read += bits;
    else write += bits;
    if (e > 0) {
      if ((code[c + C_FLAGS] & FLAG_ACTIVATION_BUFFER) !== 0) {
        activation += e * fm[q + FMT_ACTIVATION_DATA_BITS];
        mask += e * fm[q + FMT_ACTIVATION_MASK_BITS];
      } else {
        weight += e * fm[q + FMT_WEIGHT_DATA_BITS];
        mask += e * fm[q + FMT_WEIGHT_MASK_BITS];
      }
    }
  } else if (kind === K_OPTIMIZER) {
    // AdamW: laneOpsPerParam elementwise operations per parameter over all MACs.
    const laneOps = num[o + F_PARAMS] * k.laneOpsPerParam;
    laneBusy = ceil(laneOps / a.macsPerLane);
    cycles = ceil(laneBusy / lanes);
    peBusy = a.pe * cycles;
    macs = laneOps;
    const readBits = num[o + F_PARAMS] * k.adamwReadBitsPerParam;
    const writeBits = num[o + F_PARAMS] * k.adamwWriteBitsPerParam;
    read += readBits;
    write += writeBits;
    // Streamed through the weight buffer: written on arrival, read by the lanes, and back.
    weight += 2 * (readBits + writeBits);
  }

  // Stash spilled by the op's layer: forward writes it, the first backward op reads it back.
  const stash = num[o + F_STASH];
  if (stash > 0 && k.anyStashSpill) {
    const spilled = stash * k.stashSpill[ops.layer(i) + 1];
    if (spilled > 0) {
      const q = formatOffset(f, C_ACT);
      if (forward) write += spilled * fm[q + FMT_MAIN_MEMORY_BITS];
      else read += spilled * fm[q + FMT_MAIN_MEMORY_BITS];
      activation += spilled * fm[q + FMT_ACTIVATION_DATA_BITS];
      mask += spilled * fm[q + FMT_ACTIVATION_MASK_BITS];
    }
  }
  // Working set beyond the activation buffer (transfers have none), at the format of what the
  // op mostly moves: activations forward, gradients backward; capacity at the op's least
  // sparse activation-side tensor, so it never overstates.
  let spilled = 0;
  const ws = num[o + F_WORKING_SET];
  if (ws !== 0 && kind !== K_LOAD && kind !== K_STORE) {
    const capacity = k.spillCapacityElems[2 * f + (forward ? 0 : 1)];
    if (ws > capacity) {
      spilled = ws - capacity;
      const q = formatOffset(f, forward ? C_ACT : C_GRAD);
      const bits = spilled * fm[q + FMT_MAIN_MEMORY_BITS];
      write += bits;
      activation += spilled * fm[q + FMT_ACTIVATION_DATA_BITS];
      mask += spilled * fm[q + FMT_ACTIVATION_MASK_BITS];
      read += bits;
      activation += spilled * fm[q + FMT_ACTIVATION_DATA_BITS];
      mask += spilled * fm[q + FMT_ACTIVATION_MASK_BITS];
    }
  }
  cost[COST_CYCLES] = cycles;
  cost[COST_LANE_BUSY] = laneBusy;
  cost[COST_SOFTMAX_BUSY] = softmaxBusy;
  cost[COST_LAYER_NORM_BUSY] = layerNormBusy;
  cost[COST_PE_BUSY] = peBusy;
  cost[COST_MACS] = macs;
  cost[COST_MM_READ_BITS] = read;
  cost[COST_MM_WRITE_BITS] = write;
  cost[COST_ACTIVATION_BITS] = activation;
  cost[COST_WEIGHT_BITS] = weight;
  cost[COST_MASK_BITS] = mask;
  cost[COST_SPILLED_ELEMS] = spilled;
  cost[COST_PANELS] = panels;
}

export interface ComputeCost {
  cycles: number;
  laneBusy: number;
  softmaxBusy: number;
  layerNormBusy: number;
  peBusy: number;
  macs: number;
}

/** The compute part of `costRow`, as a record (tests, diagnostics). */
export function computeCost(ops: OpTable, i: number, k: CostTables): ComputeCost {
  const c = opCostRecord();
  costRow(ops, i, k, c);
  return {
    cycles: c[COST_CYCLES], laneBusy: c[COST_LANE_BUSY], softmaxBusy: c[COST_SOFTMAX_BUSY], layerNormBusy: c[COST_LAYER_NORM_BUSY],
    peBusy: c[COST_PE_BUSY], macs: c[COST_MACS],
  };
}
