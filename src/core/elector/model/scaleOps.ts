/**
 * The op list of a run at another batch size, derived from one already built: a sub-batched
 * run (passes.ts) costs the same model at full/2, full/4, …, and rebuilding the list from
 * the model dict for each level cost as much as costing it.
 *
 * Why this is exact: every field of a row is a product of integer dimensions, and the batch
 * enters each one either as a factor (tensor sizes, stash, the tile batch b or b·heads), or
 * not at all (weights, kernels, reduced weight gradients, shapes, bias, the optimizer's
 * parameter count), or — the embedding gather and its gradient scatter, (b·S + S)·h₀ — as the
 * factor (b + 1). Dividing by the old factor gives an integer, and multiplying by the new one
 * an integer below 2^53: the same doubles `buildOps` writes (scaleOps.test.ts checks it).
 */
import { OpList } from './ops.ts';
import { OpTable } from './opTable.ts';
import * as opTableModule from './opTable.ts';
// Imported bindings are live: V8 reads them through the module's cell at each use; copies fold.
const {
  C_A, C_B, C_FLAGS, C_KIND, C_OUT, C_WEIGHT, C_WGRAD, CODE_FIELDS, F_A_ELEMS, F_B_ELEMS, F_BATCH, F_OUT_ELEMS, F_STASH,
  F_WORKING_SET, FLAG_ACTIVATION_BUFFER, FLAG_B_SHARED, FLAG_OUT_REDUCED, K_CONV, K_LOAD, K_MATMUL,
  K_OPTIMIZER, K_STORE, NUM_FIELDS,
} = opTableModule;
const onActivationSide = opTableModule.onActivationSide;

/** Where transient derived lists live (see `OpList` in ops.ts and `transient` in opCache.ts). */
const scratch = new OpTable(1024);

/**
 * `src` (built at `from` sequences) at `to` sequences. `transient`: in shared storage, valid
 * until the next transient derivation; else in storage of its own.
 */
export function scaleOps(src: OpList, from: number, to: number, transient: boolean): OpList {
  const s = src.table;
  const t = transient ? scratch : new OpTable(s.length);
  t.clear();
  t.keepNames = s.keepNames;
  const rows = s.length;
  if (t.num.length < rows * NUM_FIELDS) growTo(t, rows);
  t.num.set(s.num.subarray(0, rows * NUM_FIELDS));
  t.code.set(s.code.subarray(0, rows * CODE_FIELDS));
  if (s.keepNames) {
    for (let i = 0; i < rows; i++) {
      t.namePrefix.push(s.namePrefix[i]);
      t.nameBase.push(s.nameBase[i]);
    }
  }
  t.length = rows;
  const num = t.num, code = t.code;
  let maxWorkingSet = 0;
  for (let i = 0; i < rows; i++) {
    const o = i * NUM_FIELDS, c = i * CODE_FIELDS;
    const kind = code[c + C_KIND];
    if (kind === K_OPTIMIZER) continue; // its F_PARAMS (= F_A_ELEMS) does not depend on the batch
    num[o + F_STASH] = (num[o + F_STASH] / from) * to;
    if (kind === K_LOAD || kind === K_STORE) {
      // A transfer reads no product fields (its builder leaves them as the storage held them).
      const cls = code[c + C_A];
      // The embedding rows (word rows of b·S tokens plus S position rows) and their gradient.
      const e = cls === C_WEIGHT || cls === C_WGRAD ? (num[o + F_A_ELEMS] / (from + 1)) * (to + 1) : (num[o + F_A_ELEMS] / from) * to;
      num[o + F_A_ELEMS] = e;
      num[o + F_WORKING_SET] = (code[c + C_FLAGS] & FLAG_ACTIVATION_BUFFER) !== 0 ? e : 0;
    } else {
      num[o + F_BATCH] = (num[o + F_BATCH] / from) * to;
      const a = (num[o + F_A_ELEMS] / from) * to;
      num[o + F_A_ELEMS] = a;
      if (kind <= K_CONV) {
        const flags = code[c + C_FLAGS], ca = code[c + C_A], cb = code[c + C_B], co = code[c + C_OUT];
        // Weights and kernels (shared B), and weight gradients (reduced outputs), have no batch.
        const bFixed = kind === K_MATMUL ? (flags & FLAG_B_SHARED) !== 0 : cb === C_WEIGHT;
        const outFixed = kind === K_MATMUL ? (flags & FLAG_OUT_REDUCED) !== 0 : co === C_WGRAD;
        if (!outFixed) num[o + F_OUT_ELEMS] = (num[o + F_OUT_ELEMS] / from) * to;
        if (!bFixed) num[o + F_B_ELEMS] = (num[o + F_B_ELEMS] / from) * to;
        // The same sum as the builders' (matmulRow, convRow).
        num[o + F_WORKING_SET] =
          (onActivationSide(ca) ? a : 0) + (onActivationSide(cb) ? num[o + F_B_ELEMS] : 0) + (onActivationSide(co) ? num[o + F_OUT_ELEMS] : 0);
      } else {
        // Softmax, LayerNorm, non-linearity: in place, the inputs' elements (elementwiseRow).
        num[o + F_OUT_ELEMS] = (num[o + F_OUT_ELEMS] / from) * to;
        num[o + F_WORKING_SET] = a;
      }
    }
    if (num[o + F_WORKING_SET] > maxWorkingSet) maxWorkingSet = num[o + F_WORKING_SET];
  }
  const stash = new Float64Array(src.forwardStashByLayer.length);
  for (let l = 0; l < stash.length; l++) stash[l] = (src.forwardStashByLayer[l] / from) * to;
  return new OpList(t, src.params, src.layerWeightElems, maxWorkingSet, stash, src.maxLayerWeightElems);
}

function growTo(t: OpTable, rows: number): void {
  const num = new Float64Array(rows * NUM_FIELDS);
  const code = new Uint8Array(rows * CODE_FIELDS);
  t.num = num;
  t.code = code;
}
