/**
 * Backward ops of one forward op (training). Unlike the reference (specs/elector.md
 * §3.3), every product gets its input gradient AND, where it has weights, its
 * weight gradient; softmax, LayerNorm and the non-linearity have real backward passes;
 * fixed transforms (DFT/DCT) backpropagate through the transposed transform.
 *
 * The input gradient of the first layer is kept: it is the gradient of the looked-up
 * embedding rows (the embedding table is trained). The first backward op of each
 * forward op reads back that op's stash (`stashElems`).
 */
import { conv, elementwise, matmul, transferCopy, type OpPlace } from './opBuilders.ts';
import type { ConvOp, ElementwiseOp, MatmulOp, SimOp } from './opTypes.ts';

export function backwardOps(op: SimOp): SimOp[] {
  const at: OpPlace = { layer: op.layer, head: op.head, direction: 'backward' };
  let ops: SimOp[];
  switch (op.kind) {
    case 'matmul':
      ops = matmulBackward(op, at);
      break;
    case 'conv':
      ops = convBackward(op, at);
      break;
    case 'softmax':
    case 'layerNorm':
    case 'nonLinearity':
      ops = [elementwiseBackward(op, at)];
      break;
    case 'load':
      // The embedding gather's gradient: the touched rows' gradients are scattered to main memory.
      ops = [transferCopy(op, 'store', 'backward', 'wgrad', `${op.name}.grad`)];
      break;
    case 'store':
      // The forward output's gradient (dY of the last layer) arrives from the host's loss.
      ops = [transferCopy(op, 'load', 'backward', 'grad', `${op.name}.grad`)];
      break;
    default:
      ops = [];
  }
  if (ops.length > 0) ops[0].stashElems = op.stashElems;
  return ops;
}

/** C = A·B → dA = dC·Bᵀ, and dB = Aᵀ·dC for weights (summed over the batch) or activations. */
function matmulBackward(op: MatmulOp, at: OpPlace): SimOp[] {
  const { batch, groups, m, k, n } = op;
  const dA = matmul(`${op.name}.dX`, at, { batch, groups, m, k: n, n: k, a: 'grad', b: op.b, out: 'grad', bShared: op.bShared });
  if (op.b === 'const') return [dA];
  if (op.b === 'weight') {
    // dW = Xᵀ·dY: K×M · M×N per sequence, accumulated over the batch in the lanes. The bias
    // gradient (a row sum of dY) is written with it; its adds are negligible and not costed.
    const dW = matmul(`${op.name}.dW`, at, {
      batch, groups, m: k, k: m, n, a: 'act', b: 'grad', out: 'wgrad', outReduced: true, biasElems: op.biasElems,
    });
    return [dA, dW];
  }
  // Product of two activations (Q·Kᵀ, P·V): both operands get a gradient.
  const dB = matmul(`${op.name}.dB`, at, { batch, groups, m: k, k: m, n, a: 'act', b: 'grad', out: 'grad' });
  return [dA, dB];
}

function convBackward(op: ConvOp, at: OpPlace): SimOp[] {
  const { batch, positions, channels, taps } = op;
  if (op.b === 'weight') {
    // Depthwise conv: dX is the conv of dY with the flipped kernel; dW correlates X with dY.
    return [
      conv(`${op.name}.dX`, at, { batch, positions, channels, taps, a: 'grad', b: 'weight', out: 'grad' }),
      conv(`${op.name}.dW`, at, { batch, positions, channels, taps, a: 'act', b: 'grad', bElems: op.aElems, out: 'wgrad' }),
    ];
  }
  // Two-activation products (gate, span sum): each tap costs one MAC per operand gradient.
  return [
    conv(`${op.name}.d`, at, {
      batch, positions, channels, taps: 2 * taps, a: 'grad', b: 'act', bElems: op.bElems, out: 'grad', outElems: op.aElems + op.bElems,
    }),
  ];
}

/**
 * Softmax: dS = P ⊙ (dP − rowsum(dP ⊙ P)); LayerNorm: dX from x̂, dY and two row sums;
 * non-linearity: dX = dY ⊙ f′(X). Each reads the stashed forward tensor and the incoming
 * gradient (2 inputs) and takes the forward's per-tile cost: the same two passes
 * (reduce, apply) over the same plane on the same units.
 */
function elementwiseBackward(op: ElementwiseOp, at: OpPlace): ElementwiseOp {
  return elementwise(op.kind, `${op.name}.d`, at, {
    batch: op.batch, rows: op.rows, cols: op.cols, inputs: 2, in: 'grad', out: 'grad',
  });
}
