/**
 * Cost of one op in closed form: compute on the array, and the mapping of its data onto
 * main memory, the buffers and the lanes (docs/elector-model.md §2–§4).
 *
 * Compute. A product is cut into ⌈B/tb⌉·⌈M/t⌉·⌈N/t⌉·⌈K/t⌉ tiles of tb·t³ MACs (edge tiles
 * padded, as the hardware runs them). A tile runs on one MAC lane; the N_lanes lanes take
 * tiles in waves: cycles = ⌈tiles / N_lanes⌉ · ⌈tb·t³·density / macsPerLane⌉. Zero-skipping:
 * density = (1 − s_A)(1 − s_B) (zeros independent in the two operands).
 *
 * Lanes ← buffers (the wave shape). A wave is a block of R × C output tiles; the dataflow
 * module broadcasts each A tile along its row of lanes and each B tile down its column,
 * and outputs stay in their lanes over the K loop (output-stationary). So A is read
 * ⌈J/C⌉ times and B ⌈I/R⌉ times (J column tiles, I row tiles sharing B). The mapper takes
 * the C that balances the two buffers' read time, C* = √(a·J·L / (b·I)) (a, b: A's and B's
 * read cycles per pass), tried at ⌊C*⌋, ⌈C*⌉ and min(J, L), within [1, min(J, L)]; and,
 * when the masks' reads (mask buffer) bind, at the C* of the masks' read cycles. Candidates
 * are judged by each buffer's whole traffic: the reads plus the shape-independent arrivals and
 * output writes.
 *
 * Buffers ← main memory (the blocking). Weights come from main memory (once per run if
 * resident, else at every use), into one double-buffered half of the weight buffer. A
 * matrix larger than that half is blocked: either B stays in panels and A streams once per
 * panel (weights-stationary), or, when A itself lives in main memory, a block of A rows
 * stays and B streams once per block (activations-stationary); the mapper takes the order
 * with fewer main-memory bits. Weight gradients are accumulated over micro-batches in fp32
 * in main memory (read, add, write), output-stationary in panels of the same half.
 *
 * Activation residency. An activation-side tensor stays in the activation buffer when the
 * op's working set (inputs + outputs) fits what the stash leaves free; otherwise the
 * producer streams it out to main memory once and its consumer reads it back once
 * (`inputOnChip` carries the previous op's decision). Nothing is charged twice.
 *
 * Weights are prefetchable: they may start loading during the previous op, one panel ahead (schedule.ts).
 */
import { formatOffset, type CostTables, type OpCost } from './costTables.ts';
import * as costTablesModule from './costTables.ts';
// Imported bindings are live: V8 reads them through the module's cell at each use and cannot
// fold them. The cost loop reads these per op, so it works on constant copies.
const {
  COST_ACTIVATION_BITS, COST_CYCLES, COST_FUSED, COST_LANE_BUSY, COST_LAYER_NORM_BUSY, COST_MACS, COST_MASK_BITS,
  COST_MM_READ_BITS, COST_MM_WRITE_BITS, COST_ORDER, COST_OUT_ON_CHIP, COST_PANELS, COST_PASSES_A, COST_PASSES_B, COST_PE_BUSY,
  COST_PREFETCH_AHEAD_BITS, COST_PREFETCH_BITS, COST_READS_A, COST_READS_B, COST_SOFTMAX_BUSY, COST_SPILLED_ELEMS,
  COST_TILE_CYCLES, COST_WAVE_COLS, COST_WAVE_ROWS, COST_WEIGHT_BITS, FMT_ACTIVATION_DATA_BITS, FMT_ACTIVATION_MASK_BITS,
  FMT_MAIN_MEMORY_BITS, FMT_OWN_ACTIVATION_DATA_BITS, FMT_OWN_MASK_BITS, FMT_OWN_WEIGHT_DATA_BITS, FMT_SPARSITY,
  FMT_WEIGHT_DATA_BITS, FMT_WEIGHT_MASK_BITS, ORDER_ACTIVATIONS_STATIONARY, ORDER_FITS, ORDER_NONE, ORDER_WEIGHTS_STATIONARY,
} = costTablesModule;
import { formatIndex, onActivationSide, type OpTable } from './opTable.ts';
import * as opTableModule from './opTable.ts';
// Imported bindings are live: V8 reads them through the module's cell at each use and cannot
// fold them. The cost loop reads these per op, so it works on constant copies.
const {
  C_A, C_ACT, C_B, C_DIRECTION, C_FLAGS, C_GRAD, C_KIND, C_OUT, C_WEIGHT, C_WGRAD, CODE_FIELDS, D_FORWARD, F_A_ELEMS, F_B_ELEMS,
  F_BATCH, F_BIAS, F_CHANNELS, F_COLS, F_ELEMS, F_GROUPS, F_K, F_M, F_N, F_OUT_ELEMS, F_PARAMS, F_POSITIONS, F_ROWS, F_STASH,
  F_TAPS, F_WORKING_SET, FLAG_ACTIVATION_BUFFER, FLAG_B_SHARED, FLAG_TIED, K_CONV, K_LOAD, K_MATMUL, K_NON_LINEARITY,
  K_OPTIMIZER, K_SOFTMAX, NUM_FIELDS,
} = opTableModule;

const ceil = Math.ceil;

/**
 * Cost of row `i` of `ops` into `cost` (reused: no allocation per op). `inputOnChip`: the
 * activation stream this op reads is in the activation buffer (the previous op kept it).
 * One function on purpose: split into per-kind helpers it ran slower (not inlined).
 */
export function costRow(ops: OpTable, i: number, k: CostTables, cost: OpCost, inputOnChip = true): void {
  const num = ops.num, code = ops.code;
  cost[COST_FUSED] = 0;
  const o = i * NUM_FIELDS, c = i * CODE_FIELDS;
  const kind = code[c + C_KIND];
  const f = formatIndex(kind);
  const fm = k.formats;
  const a = k.array;
  const { tb, t, lanes } = a;
  const forward = code[c + C_DIRECTION] === D_FORWARD;
  const flags = code[c + C_FLAGS];
  let cycles = 0, laneBusy = 0, softmaxBusy = 0, layerNormBusy = 0, peBusy = 0, macs = 0, tileCycles = 0;
  let read = 0, write = 0, activation = 0, weight = 0, mask = 0, prefetch = 0, prefetchAhead = 0;
  let blocks = 1, order = ORDER_NONE, waveRows = 0, waveCols = 0, passesA = 0, passesB = 0, readsA = 0, readsB = 0;
  // The op's working set fits beside the stash: its activation-side output stays on chip.
  const ws = num[o + F_WORKING_SET];
  const fits = ws <= k.residentCapacityElems[2 * f + (forward ? 0 : 1)];
  let outOnChip = inputOnChip;
  let spilled = 0;

  if (kind === K_MATMUL || kind === K_CONV) {
    const ca = code[c + C_A], cb = code[c + C_B], co = code[c + C_OUT];
    const qa = formatOffset(f, ca), qb = formatOffset(f, cb), qo = formatOffset(f, co);
    const density = (1 - fm[qa + FMT_SPARSITY]) * (1 - fm[qb + FMT_SPARSITY]);
    const batch = num[o + F_BATCH];
    const aElems = num[o + F_A_ELEMS], bElems = num[o + F_B_ELEMS], outElems = num[o + F_OUT_ELEMS];
    const weighted = cb === C_WEIGHT;
    const bias = kind === K_MATMUL && weighted ? num[o + F_BIAS] : 0;
    const aSide = onActivationSide(ca), bSide = onActivationSide(cb);
    // Bits per element in the operand's own buffer (A is always on the activation side).
    const aBuf = fm[qa + FMT_OWN_ACTIVATION_DATA_BITS], aMask = fm[qa + FMT_OWN_MASK_BITS];
    const bBuf = bSide ? fm[qb + FMT_OWN_ACTIVATION_DATA_BITS] : fm[qb + FMT_OWN_WEIGHT_DATA_BITS];
    const bMask = fm[qb + FMT_OWN_MASK_BITS];
    const aFromMemory = aSide && !inputOnChip;
    const bTotal = bElems + bias;
    // Weights cross main memory at every use unless resident (a tied decoder never is).
    // A tied decoder's weights are another tensor's and never stay: they load even in a pass
    // that finds the layers' weights on chip.
    const tied = (flags & FLAG_TIED) !== 0;
    const loadB = weighted && (tied || (!k.weightsLoaded && (forward || !k.weightsResident)));
    passesA = aFromMemory ? 1 : 0;
    passesB = loadB || (bSide && !inputOnChip) ? 1 : 0;
    order = ORDER_FITS;
    if (kind === K_MATMUL) {
      const groups = num[o + F_GROUPS], m = num[o + F_M], kk = num[o + F_K], n = num[o + F_N];
      const batchTiles = ceil(batch / tb), mTiles = ceil(m / t), colTiles = ceil(n / t);
      const tiles = groups * batchTiles * mTiles * colTiles * ceil(kk / t);
      macs = groups * batch * m * kk * n * density;
      tileCycles = ceil((k.productTileMacs * density) / a.macsPerLane);
      cycles = ceil(tiles / lanes) * tileCycles;
      laneBusy = tiles * tileCycles;
      peBusy = Math.min(a.pe, ceil(Math.min(tiles, lanes) / a.lanesPerPe)) * cycles;
      // Wave shape: balance A's and B's buffer read time (see the file comment).
      const rowTiles = groups * batchTiles * mTiles;
      const bSharers = (flags & FLAG_B_SHARED) !== 0 ? batchTiles * mTiles : mTiles;
      const aCost = (aElems * aBuf) / k.activationBitsPerCycle;
      const bCost = (bElems * bBuf) / (bSide ? k.activationBitsPerCycle : k.weightBitsPerCycle);
      // Every read of a compressed operand also reads its mask, from the mask buffer: a
      // level of its own. Where it binds (very sparse operands: data 20·(1 − s) bits, mask
      // 1 bit per element), the shape that balances the masks is tried too.
      const aMaskCost = (aElems * aMask) / k.maskBitsPerCycle, bMaskCost = (bElems * bMask) / k.maskBitsPerCycle;
      // What each buffer moves whatever the shape: arrivals from main memory and the output's
      // write. Left out, a shape that balanced the reads could leave the activation buffer,
      // which also takes the output, the slower: twice the weight buffer once ran 2.7 % slower.
      const outActivation = co !== C_WGRAD && onActivationSide(co);
      const outWrites = outActivation ? (fits ? 1 : 2) * outElems : 0;
      // A layer's spilled stash moves through the same buffers but is left out: counted in,
      // it moved shapes to more reads (up to 1.3 % more energy) for at most 0.1 % of time.
      const activationFixed = (aElems * passesA * aBuf + (bSide ? bElems * passesB * bBuf : 0) + outWrites * fm[qo + FMT_ACTIVATION_DATA_BITS]) / k.activationBitsPerCycle;
      const weightFixed = bSide ? 0 : (bTotal * passesB * bBuf) / k.weightBitsPerCycle;
      const maskFixed = (aElems * passesA * aMask + bTotal * passesB * bMask + outWrites * fm[qo + FMT_ACTIVATION_MASK_BITS]) / k.maskBitsPerCycle;
      const maxCols = Math.min(colTiles, lanes);
      let best = Infinity, bestReadBits = Infinity;
      let maskBound = false;
      const ideal = bCost > 0 ? Math.sqrt((aCost * colTiles * lanes) / (bCost * bSharers)) : maxCols;
      for (let pass = 0; pass < 3; pass++) {
        const cols = Math.max(1, Math.min(maxCols, pass === 0 ? Math.floor(ideal) : pass === 1 ? ceil(ideal) : maxCols));
        const rows = Math.max(1, Math.min(rowTiles, Math.floor(lanes / cols)));
        const ra = ceil(colTiles / cols), rb = ceil(bSharers / rows);
        const dataTime = bSide ? activationFixed + aCost * ra + bCost * rb : Math.max(activationFixed + aCost * ra, weightFixed + bCost * rb);
        const maskTime = maskFixed + aMaskCost * ra + bMaskCost * rb;
        const time = maskTime > dataTime ? maskTime : dataTime;
        // On a tie (a fixed term binds), the shape that reads fewer bits: less energy.
        const readBits = aElems * ra * (aBuf + aMask) + bElems * rb * (bBuf + bMask);
        if (time < best || (time === best && readBits < bestReadBits)) {
          best = time;
          bestReadBits = readBits;
          maskBound = maskTime > dataTime;
          waveRows = rows;
          waveCols = cols;
          readsA = ra;
          readsB = rb;
        }
      }
      if (maskBound) {
        const maskIdeal = bMaskCost > 0 ? Math.sqrt((aMaskCost * colTiles * lanes) / (bMaskCost * bSharers)) : maxCols;
        for (let pass = 0; pass < 2; pass++) {
          const cols = Math.max(1, Math.min(maxCols, pass === 0 ? Math.floor(maskIdeal) : ceil(maskIdeal)));
          const rows = Math.max(1, Math.min(rowTiles, Math.floor(lanes / cols)));
          const ra = ceil(colTiles / cols), rb = ceil(bSharers / rows);
          const dataTime = bSide ? activationFixed + aCost * ra + bCost * rb : Math.max(activationFixed + aCost * ra, weightFixed + bCost * rb);
          const maskTime = maskFixed + aMaskCost * ra + bMaskCost * rb;
          const time = maskTime > dataTime ? maskTime : dataTime;
          const readBits = aElems * ra * (aBuf + aMask) + bElems * rb * (bBuf + bMask);
          if (time < best || (time === best && readBits < bestReadBits)) {
            best = time;
            bestReadBits = readBits;
            waveRows = rows;
            waveCols = cols;
            readsA = ra;
            readsB = rb;
          }
        }
      }
    } else {
      const positions = num[o + F_POSITIONS], channels = num[o + F_CHANNELS], taps = num[o + F_TAPS];
      const tiles = ceil(batch / tb) * ceil(positions / t) * ceil(channels / t);
      macs = batch * positions * channels * taps * density;
      tileCycles = ceil((k.planeTileMacs * taps * density) / a.macsPerLane);
      cycles = ceil(tiles / lanes) * tileCycles;
      laneBusy = tiles * tileCycles;
      peBusy = Math.min(a.pe, ceil(Math.min(tiles, lanes) / a.lanesPerPe)) * cycles;
      // A sliding window keeps its taps in the lane: each operand is read once.
      waveRows = Math.min(tiles, lanes);
      waveCols = 1;
      readsA = 1;
      readsB = 1;
    }
    const aMM = fm[qa + FMT_MAIN_MEMORY_BITS], bMM = fm[qb + FMT_MAIN_MEMORY_BITS];
    if (loadB) {
      // Weights that stay resident load into a place of their own: the whole matrix is on chip
      // for the op, and may load ahead whole. Others stage through a half of what the weight
      // buffer leaves them (blocked when larger). Staging resident weights through the small
      // remainder once made twice the weight buffer 23 % slower.
      const panelElems = tied || !k.weightsResident ? k.weightPanelElems : bTotal;
      const panels = ceil(bTotal / panelElems);
      prefetchAhead = Math.min(bTotal, panelElems) * bMM;
      if (panels > 1) {
        order = ORDER_WEIGHTS_STATIONARY;
        blocks = panels;
        if (aFromMemory) {
          // A lives in main memory too: stream A once per panel, or B once per block of A.
          const aBlocks = ceil(aElems / k.activationHalfElems[f]);
          if (aElems * aMM + bTotal * bMM * aBlocks < aElems * aMM * panels + bTotal * bMM) {
            order = ORDER_ACTIVATIONS_STATIONARY;
            blocks = aBlocks;
            passesB = aBlocks;
            readsB = Math.max(readsB, aBlocks); // each block of A reads every panel of B into the lanes
          } else passesA = panels;
        }
        if (order === ORDER_WEIGHTS_STATIONARY) readsA = Math.max(readsA, panels);
      }
    }
    if (co === C_WGRAD) {
      // dW panels held in the weight buffer while X and dY stream: X once per panel.
      const outBlocks = ceil((outElems + bias) / k.weightPanelElems);
      if (outBlocks > 1) {
        order = ORDER_WEIGHTS_STATIONARY;
        blocks = outBlocks;
        if (aFromMemory) passesA = outBlocks;
        readsA = Math.max(readsA, outBlocks);
      }
    }
    // Main memory into the buffers, and the buffers into the lanes.
    read += aElems * passesA * aMM + bTotal * passesB * bMM;
    if (loadB) prefetch = bTotal * passesB * bMM;
    activation += aElems * (passesA + readsA) * aBuf;
    mask += aElems * (passesA + readsA) * aMask;
    if (bSide) activation += bElems * (passesB + readsB) * bBuf;
    else weight += (bTotal * passesB + bElems * readsB) * bBuf;
    mask += (bTotal * passesB + bElems * readsB) * bMask;
    // Outputs: written once into their buffer; out to main memory when they do not stay.
    if (co === C_WGRAD) {
      const e = outElems + bias;
      const acc = k.accumulatorBits;
      const accRead = e * acc * k.accumulatorReadFraction;
      read += accRead;
      write += e * acc;
      weight += e * fm[qo + FMT_WEIGHT_DATA_BITS] + accRead + e * acc;
      mask += e * fm[qo + FMT_WEIGHT_MASK_BITS];
    } else if (onActivationSide(co)) {
      outOnChip = fits;
      const outBuf = fm[qo + FMT_ACTIVATION_DATA_BITS], outMask = fm[qo + FMT_ACTIVATION_MASK_BITS];
      activation += outElems * outBuf;
      mask += outElems * outMask;
      if (!fits) {
        spilled = outElems;
        write += outElems * fm[qo + FMT_MAIN_MEMORY_BITS];
        activation += outElems * outBuf;
        mask += outElems * outMask;
      }
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
      tileCycles = ceil((k.planeTileMacs * density) / a.macsPerLane);
      macs = batch * rows * cols * density;
      cycles = ceil(tiles / lanes) * tileCycles;
      laneBusy = tiles * tileCycles;
      peBusy = Math.min(a.pe, ceil(Math.min(tiles, lanes) / a.lanesPerPe)) * cycles;
    } else {
      // A module of tile size t has t parallel lanes and makes two passes over a t×t tile
      // (exp + sum / mean + variance, then normalise): tb·(tx + ty) cycles per tile, the
      // reference's fast-path cost. No zero-skipping: exp(0) = 1, and normalising moves zeros.
      const softmax = kind === K_SOFTMAX;
      tileCycles = k.normTileCycles;
      const units = softmax ? a.softmaxUnits : a.pe;
      const perPe = softmax ? a.softmaxPerPe : 1;
      cycles = ceil(tiles / units) * tileCycles;
      const busy = tiles * tileCycles;
      if (softmax) softmaxBusy = busy;
      else layerNormBusy = busy;
      peBusy = Math.min(a.pe, ceil(Math.min(tiles, units) / perPe)) * cycles;
    }
    // F_A_ELEMS = inputs · plane (LayerNorm reads the residual too), F_OUT_ELEMS = plane.
    if (kind === K_NON_LINEARITY && forward) {
      // Fused: each lane applies the function to its output tiles before they leave it, so
      // the data never makes an extra trip through the buffer; the lane-cycles still count.
      cost[COST_FUSED] = 1;
      outOnChip = inputOnChip;
      readsA = 0;
    } else {
    const inElems = num[o + F_A_ELEMS];
    const outElems = num[o + F_OUT_ELEMS];
    const inBuf = fm[qi + FMT_OWN_ACTIVATION_DATA_BITS], inMask = fm[qi + FMT_OWN_MASK_BITS];
    const outBuf = fm[qo + FMT_OWN_ACTIVATION_DATA_BITS], outMask = fm[qo + FMT_OWN_MASK_BITS];
    const passes = inputOnChip ? 1 : 2; // from main memory: written into the buffer, then read
    if (!inputOnChip) read += inElems * fm[qi + FMT_MAIN_MEMORY_BITS];
    activation += inElems * passes * inBuf + outElems * outBuf;
    mask += inElems * passes * inMask + outElems * outMask;
    outOnChip = fits;
    if (!fits) {
      spilled = outElems;
      write += outElems * fm[qo + FMT_MAIN_MEMORY_BITS];
      activation += outElems * outBuf;
      mask += outElems * outMask;
    }
    readsA = passes;
    }
  } else if (kind === K_OPTIMIZER) {
    // Clipping's norm pass and AdamW: laneOpsPerParam elementwise operations per parameter.
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
  } else {
    // Transfers: the embedding gather (load), the output store, and in backward the loss
    // gradient's arrival (load) and the embedding gradient's scatter (store, into fp32 accumulators).
    const cls = code[c + C_A];
    const q = formatOffset(f, cls);
    const e = num[o + F_ELEMS];
    const toActivation = (flags & FLAG_ACTIVATION_BUFFER) !== 0;
    const data = toActivation ? fm[q + FMT_ACTIVATION_DATA_BITS] : fm[q + FMT_WEIGHT_DATA_BITS];
    const maskBits = toActivation ? fm[q + FMT_ACTIVATION_MASK_BITS] : fm[q + FMT_WEIGHT_MASK_BITS];
    if (kind === K_LOAD) {
      outOnChip = fits;
      // Data that does not fit is not staged: its consumer streams it from main memory.
      if (fits) {
        read += e * fm[q + FMT_MAIN_MEMORY_BITS];
        // The embedding rows depend on the token ids alone: they may load ahead.
        if (cls !== C_GRAD) prefetch = prefetchAhead = e * fm[q + FMT_MAIN_MEMORY_BITS];
        activation += toActivation ? e * data : 0;
        weight += toActivation ? 0 : e * data;
        mask += e * maskBits;
      }
    } else if (cls === C_WGRAD) {
      cost[COST_FUSED] = 1; // a posted write: it occupies the bus, not the array
      const acc = k.accumulatorBits;
      read += e * acc * k.accumulatorReadFraction;
      write += e * acc;
      activation += e * data;
      mask += e * maskBits;
    } else if (inputOnChip) {
      // The producer kept it on chip; else it already streamed it out, and nothing is left to store.
      cost[COST_FUSED] = 1; // a posted write: it occupies the bus, not the array
      write += e * fm[q + FMT_MAIN_MEMORY_BITS];
      activation += e * data;
      mask += e * maskBits;
    }
  }

  // Stash spilled by the op's layer: forward writes it, the first backward op reads it back.
  const stash = num[o + F_STASH];
  if (stash > 0 && k.anyStashSpill) {
    const s = stash * k.stashSpill[ops.layer(i) + 1];
    if (s > 0) {
      const q = formatOffset(f, C_ACT);
      if (forward) write += s * fm[q + FMT_MAIN_MEMORY_BITS];
      else {
        // Written in forward, long before: like weights, its read does not wait for the
        // previous op, so it may start once the bus is free and land ahead (schedule.ts), up
        // to half the activation buffer (the other half holds the running op's blocks, as
        // the weight buffer's halves do). Without this an op whose weights stay resident
        // paid a first-word latency that the same op loading its weights hid: more weight
        // buffer made such a run slower.
        const bits = s * fm[q + FMT_MAIN_MEMORY_BITS];
        read += bits;
        prefetch += bits;
        prefetchAhead += Math.min(s, k.activationHalfElems[f]) * fm[q + FMT_MAIN_MEMORY_BITS];
      }
      activation += s * fm[q + FMT_ACTIVATION_DATA_BITS];
      mask += s * fm[q + FMT_ACTIVATION_MASK_BITS];
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
  cost[COST_PANELS] = blocks;
  cost[COST_PREFETCH_BITS] = prefetch;
  cost[COST_PREFETCH_AHEAD_BITS] = prefetchAhead;
  cost[COST_OUT_ON_CHIP] = outOnChip ? 1 : 0;
  cost[COST_ORDER] = order;
  cost[COST_WAVE_ROWS] = waveRows;
  cost[COST_WAVE_COLS] = waveCols;
  cost[COST_PASSES_A] = passesA;
  cost[COST_PASSES_B] = passesB;
  cost[COST_READS_A] = readsA;
  cost[COST_READS_B] = readsB;
  cost[COST_TILE_CYCLES] = tileCycles;
}
