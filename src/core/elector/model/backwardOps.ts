/**
 * Backward ops of one forward op (training). Unlike the reference (docs/elector.md
 * §3.3), every product gets its input gradient AND, where it has weights, its
 * weight gradient; softmax, LayerNorm and the non-linearity have real backward passes;
 * fixed transforms (DFT/DCT) backpropagate through the transposed transform.
 *
 * The input gradient of the first layer is kept: it is the gradient of the looked-up
 * embedding rows (the embedding table is trained). The first backward op of each
 * forward op reads back that op's stash (`stashElems`).
 */
import { convRow, elementwiseRow, matmulRow } from './opBuilders.ts';
import { type OpTable } from './opTable.ts';
import * as opTableModule from './opTable.ts';
// Imported bindings are live: V8 reads them through the module's cell at each use and cannot
// fold them. The cost loop reads these per op, so it works on constant copies.
const {
  C_A, C_ACT, C_B, C_CONST, C_FLAGS, C_GRAD, C_KIND, C_WEIGHT, C_WGRAD, CODE_FIELDS, D_BACKWARD, F_A_ELEMS, F_B_ELEMS, F_BATCH,
  F_BIAS, F_CHANNELS, F_COLS, F_ELEMS, F_GROUPS, F_HEAD, F_K, F_LAYER, F_M, F_N, F_POSITIONS, F_ROWS, F_STASH, F_TAPS,
  F_WORKING_SET, FLAG_ACTIVATION_BUFFER, FLAG_B_SHARED, FLAG_OUT_REDUCED, FLAG_TIED, K_CONV, K_LAYER_NORM, K_LOAD, K_MATMUL,
  K_NON_LINEARITY, K_SOFTMAX, K_STORE, NUM_FIELDS, S_D, S_DB, S_DW, S_DX, S_GRAD,
} = opTableModule;

/** Appends to `t` the backward ops of its forward row `i`. */
export function backwardOps(t: OpTable, i: number): void {
  const kind = t.code[i * CODE_FIELDS + C_KIND];
  const first = t.length;
  switch (kind) {
    case K_MATMUL:
      matmulBackward(t, i);
      break;
    case K_CONV:
      convBackward(t, i);
      break;
    case K_SOFTMAX:
    case K_LAYER_NORM:
    case K_NON_LINEARITY:
      elementwiseBackward(t, i, kind);
      break;
    case K_LOAD:
      // The embedding gather's gradient: the touched rows' gradients are scattered to main memory.
      transferBackward(t, i, K_STORE, C_WGRAD);
      break;
    case K_STORE:
      // The forward output's gradient (dY of the last layer) arrives from the host's loss.
      transferBackward(t, i, K_LOAD, C_GRAD);
      break;
  }
  if (t.length > first) t.num[first * NUM_FIELDS + F_STASH] = t.num[i * NUM_FIELDS + F_STASH];
}

/** A backward row of forward row `i`: same layer, head and name, with a suffix. */
function addBackward(t: OpTable, i: number, kind: number, suffix: number): number {
  const n = i * NUM_FIELDS;
  return t.add(kind, D_BACKWARD, t.num[n + F_LAYER], t.num[n + F_HEAD], t.namePrefix[i], t.nameBase[i], suffix);
}

/** C = A·B → dA = dC·Bᵀ, and dB = Aᵀ·dC for weights (summed over the batch) or activations. */
function matmulBackward(t: OpTable, i: number): void {
  const x = t.num;
  const o = i * NUM_FIELDS;
  const batch = x[o + F_BATCH], groups = x[o + F_GROUPS], m = x[o + F_M], k = x[o + F_K], n = x[o + F_N];
  const b = t.code[i * CODE_FIELDS + C_B];
  // dX reads the same B: shared by the batch, and tied to another tensor, as in forward.
  const bFlags = t.code[i * CODE_FIELDS + C_FLAGS] & (FLAG_B_SHARED | FLAG_TIED);
  matmulRow(t, addBackward(t, i, K_MATMUL, S_DX), batch, groups, m, n, k, C_GRAD, b, C_GRAD, bFlags, 0, 0);
  if (b === C_CONST) return;
  if (b === C_WEIGHT) {
    // dW = Xᵀ·dY: K×M · M×N per sequence, accumulated over the batch in the lanes. The bias
    // gradient (a row sum of dY) is written with it; its adds are negligible and not costed.
    matmulRow(t, addBackward(t, i, K_MATMUL, S_DW), batch, groups, k, m, n, C_ACT, C_GRAD, C_WGRAD, FLAG_OUT_REDUCED, x[o + F_BIAS], 0);
    return;
  }
  // Product of two activations (Q·Kᵀ, P·V): both operands get a gradient.
  matmulRow(t, addBackward(t, i, K_MATMUL, S_DB), batch, groups, k, m, n, C_ACT, C_GRAD, C_GRAD, 0, 0, 0);
}

function convBackward(t: OpTable, i: number): void {
  const x = t.num;
  const o = i * NUM_FIELDS;
  const batch = x[o + F_BATCH], positions = x[o + F_POSITIONS], channels = x[o + F_CHANNELS], taps = x[o + F_TAPS];
  if (t.code[i * CODE_FIELDS + C_B] === C_WEIGHT) {
    // Depthwise conv: dX is the conv of dY with the flipped kernel; dW correlates X with dY.
    const plane = batch * positions * channels;
    convRow(t, addBackward(t, i, K_CONV, S_DX), batch, positions, channels, taps, C_GRAD, C_WEIGHT, C_GRAD, channels * taps, plane, 0);
    convRow(t, addBackward(t, i, K_CONV, S_DW), batch, positions, channels, taps, C_ACT, C_GRAD, C_WGRAD, x[o + F_A_ELEMS], channels * taps, 0);
    return;
  }
  // Two-activation products (gate, span sum): each tap costs one MAC per operand gradient.
  const aElems = x[o + F_A_ELEMS], bElems = x[o + F_B_ELEMS];
  convRow(t, addBackward(t, i, K_CONV, S_D), batch, positions, channels, 2 * taps, C_GRAD, C_ACT, C_GRAD, bElems, aElems + bElems, 0);
}

/**
 * Softmax: dS = P ⊙ (dP − rowsum(dP ⊙ P)); LayerNorm: dX from x̂, dY and two row sums;
 * non-linearity: dX = dY ⊙ f′(X). Each reads the stashed forward tensor and the incoming
 * gradient (2 inputs) and takes the forward's per-tile cost: the same two passes
 * (reduce, apply) over the same plane on the same units.
 */
function elementwiseBackward(t: OpTable, i: number, kind: number): void {
  const o = i * NUM_FIELDS;
  const x = t.num;
  elementwiseRow(t, addBackward(t, i, kind, S_D), x[o + F_BATCH], x[o + F_ROWS], x[o + F_COLS], 2, C_GRAD, C_GRAD, 0, 0);
}

/** The gradient of a transfer: the other direction, same size and buffer, gradient data. */
function transferBackward(t: OpTable, i: number, kind: number, tensor: number): void {
  const j = addBackward(t, i, kind, S_GRAD);
  const elems = t.num[i * NUM_FIELDS + F_ELEMS];
  const flags = t.code[i * CODE_FIELDS + C_FLAGS];
  t.num[j * NUM_FIELDS + F_ELEMS] = elems;
  t.num[j * NUM_FIELDS + F_WORKING_SET] = (flags & FLAG_ACTIVATION_BUFFER) !== 0 ? elems : 0;
  t.code[j * CODE_FIELDS + C_A] = tensor;
  t.code[j * CODE_FIELDS + C_FLAGS] = flags;
}
