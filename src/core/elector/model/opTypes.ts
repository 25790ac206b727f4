/**
 * The op records of the elector model: what one step of the run computes and moves,
 * with real shapes, costed in closed form (no per-tile objects). The cost loop works on
 * the same ops as rows of a flat table (opTable.ts); these records are the readable view
 * of a row (opView.ts), for tests and diagnostics.
 */
import type { TimelineEntry } from '../types.ts';

/**
 * Where a tensor lives and which sparsity applies to it.
 * - `act`: activation, activation buffer, s_a.
 * - `grad`: activation gradient, activation buffer, s_g.
 * - `weight`: weight matrix, weight buffer, fetched from main memory, s_w.
 * - `wgrad`: weight gradient, staged in the weight buffer and accumulated in main memory (fp32), dense.
 * - `const`: a fixed transform matrix (DFT/DCT), generated on chip into the weight buffer, dense.
 */
export type TensorClass = 'act' | 'grad' | 'weight' | 'wgrad' | 'const';

export type Direction = TimelineEntry['direction'];

interface OpBase {
  /** Short op name, e.g. `qkv`, `sa_sdp×12 qk`, `ff_1_1.dW`. */
  name: string;
  layer: number;
  /** First head of the op's head group, or -1 for layer-wide ops. */
  head: number;
  direction: Direction;
  /**
   * Forward ops: elements this op keeps for its backward (docs/elector-physical.md §5.2).
   * Backward ops: elements of stash they read back (the first backward op of a forward op).
   */
  stashElems: number;
}

/** Batched C = A·B: `groups` independent products (heads), each over `batch` sequences of M×K · K×N. */
export interface MatmulOp extends OpBase {
  kind: 'matmul';
  batch: number;
  groups: number;
  m: number;
  k: number;
  n: number;
  a: TensorClass;
  b: TensorClass;
  out: TensorClass;
  /** B is shared by all sequences of the batch (weights, transform matrices). */
  bShared: boolean;
  /** The output is summed over the batch (weight gradients dW = Xᵀ·dY). */
  outReduced: boolean;
  /** Bias elements that travel with a weight operand (counted as parameters and traffic, not as MACs). */
  biasElems: number;
}

/**
 * A sliding or elementwise product on the MAC lanes: every output element of a
 * `positions × channels` plane costs `taps` MACs (depthwise conv: k taps; the
 * dynamic span sum: k taps; an elementwise gate: 1 tap).
 */
export interface ConvOp extends OpBase {
  kind: 'conv';
  batch: number;
  positions: number;
  channels: number;
  taps: number;
  /** Elements of the main input (batch·positions·channels). */
  aElems: number;
  a: TensorClass;
  /** The second operand: kernel weights or a second activation (gate, span probabilities). */
  bElems: number;
  b: TensorClass;
  outElems: number;
  out: TensorClass;
}

/** Softmax, LayerNorm or a non-linearity over `batch` planes of `rows × cols`. */
export interface ElementwiseOp extends OpBase {
  kind: 'softmax' | 'layerNorm' | 'nonLinearity';
  batch: number;
  rows: number;
  cols: number;
  /** Input tensors of the plane's size (LayerNorm adds the residual: 2). */
  inputs: number;
  in: TensorClass;
  out: TensorClass;
  /** Parameters of the op (LayerNorm γ, β), counted for the optimizer. */
  paramElems: number;
}

/** A transfer without compute: the embedding gather, the output store, gradient scatter. */
export interface TransferOp extends OpBase {
  kind: 'load' | 'store';
  elems: number;
  /** Format of the transferred data in main memory. */
  tensor: TensorClass;
  /** The on-chip buffer the data comes from or goes to. */
  buffer: 'activation' | 'weight';
}

/** The AdamW step over every parameter (docs/elector-physical.md §5.1). */
export interface OptimizerOp extends OpBase {
  kind: 'optimizer';
  params: number;
}

export type SimOp = MatmulOp | ConvOp | ElementwiseOp | TransferOp | OptimizerOp;
